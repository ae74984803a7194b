// Fitting the bundled head to a patient's tape measurements.
#include <filesystem>

#include <gtest/gtest.h>

#include "core/input_error.h"
#include "head/landmark_estimate.h"
#include "head/proportions_fit.h"
#include "support/bundled_head.h"

namespace smp {
namespace {

class ProportionsFitTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    mesh_ = new Mesh(test::bundled_head());
    landmarks_ = new Landmarks(estimate_landmarks(*mesh_, "head.ply"));
  }
  static inline Mesh* mesh_ = nullptr;
  static inline Landmarks* landmarks_ = nullptr;
};

TEST_F(ProportionsFitTest, ReachesThreeDifferentFiguresWithinOnePercent) {
  // A smaller, rounder head than the bundled one (58.3 / 31.7 / 34.2 cm).
  const TapeMeasurements wanted{555.0, 340.0, 325.0};
  const ProportionsFit fit = fit_proportions(*mesh_, *landmarks_, wanted);
  std::printf("fit in %d iterations: %.1f / %.1f / %.1f mm, scale %.3f %.3f %.3f\n", fit.iterations,
              fit.achieved.circumference_mm, fit.achieved.ear_to_ear_over_vertex_mm, fit.achieved.glabella_to_inion_over_vertex_mm,
              fit.scale.x, fit.scale.y, fit.scale.z);
  EXPECT_NEAR(fit.achieved.circumference_mm, wanted.circumference_mm, 0.01 * wanted.circumference_mm);
  EXPECT_NEAR(fit.achieved.ear_to_ear_over_vertex_mm, wanted.ear_to_ear_over_vertex_mm, 0.01 * wanted.ear_to_ear_over_vertex_mm);
  EXPECT_NEAR(fit.achieved.glabella_to_inion_over_vertex_mm, wanted.glabella_to_inion_over_vertex_mm,
              0.01 * wanted.glabella_to_inion_over_vertex_mm);
  EXPECT_LT(fit.worst_error, 0.01);
  EXPECT_EQ(fit.mesh.triangle_count(), mesh_->triangle_count()) << "stretched, not remeshed";
}

TEST_F(ProportionsFitTest, FiguresFarFromAHeadAreRefused) {
  EXPECT_THROW(fit_proportions(*mesh_, *landmarks_, {57.0, 34.0, 35.0}), InputError) << "cm typed where mm are expected";
  EXPECT_THROW(fit_proportions(*mesh_, *landmarks_, {0.0, 340.0, 350.0}), InputError);
}

}  // namespace
}  // namespace smp
