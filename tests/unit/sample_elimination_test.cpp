// The bench's reference sampler (bench/sample_elimination.h): it must be the sampler the issue
// names, or the ratio the bench reports against it means nothing.
#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include "bench/sample_elimination.h"
#include "core/mesh_primitives.h"
#include "dots/spacing_metrics.h"

namespace smp {
namespace {

SpacingStats spread_on(const Mesh& mesh, const std::vector<glm::vec3>& points) {
  const std::vector<float> density(points.size(), float(double(points.size()) / surface_area_mm2(mesh)));
  return spacing_stats(points, density);
}

TEST(SampleElimination, KeepsExactlyTheCountAskedOnTheSurface) {
  const Mesh sphere = make_icosphere(40.0f, 4);
  const std::vector<glm::vec3> points = eliminate_samples(sphere, 3000, 5);
  ASSERT_EQ(points.size(), 3000u);
  // An icosphere of 20 * 4^4 faces lies within 0.1% of its radius.
  for (const glm::vec3& p : points) ASSERT_NEAR(glm::length(p), 40.0f, 0.05f);
}

TEST(SampleElimination, SpreadsAsThePaperReports) {
  // Yuksel's sets keep their closest pair near 0.69 of the hexagonal spacing: the issue measured
  // 0.69 on its sphere, and this one keeps 0.692-0.694 here over six seeds (0.692 at 200k on the
  // bench's sphere). Points kept at random would have pairs a few hundredths apart.
  const Mesh sphere = make_icosphere(40.0f, 5);
  const std::vector<glm::vec3> points = eliminate_samples(sphere, 8000, 3);
  const SpacingStats stats = spread_on(sphere, points);
  EXPECT_GT(stats.rho_min, 0.67);
  EXPECT_LT(stats.rho_min, 0.72);
  EXPECT_GT(stats.rho_mean, 0.77);
}

TEST(SampleElimination, TheSameSeedGivesTheSamePointsAndAnotherSeedOthers) {
  const Mesh sphere = make_icosphere(30.0f, 3);
  const std::vector<glm::vec3> a = eliminate_samples(sphere, 500, 7), b = eliminate_samples(sphere, 500, 7),
                               c = eliminate_samples(sphere, 500, 8);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

TEST(SampleElimination, AskedForMoreThanItHasOrNoneGivesWhatItCan) {
  const Mesh sphere = make_icosphere(30.0f, 2);
  EXPECT_TRUE(eliminate_samples(sphere, 0, 1).empty());
  EXPECT_TRUE(eliminate_samples(Mesh{}, 100, 1).empty());
}

}  // namespace
}  // namespace smp
