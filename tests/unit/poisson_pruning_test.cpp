// The bench's second reference sampler (bench/poisson_pruning.h): it must spread as the issue's
// Poisson pruning did, or the bench's ratio against it means nothing.
#include <cmath>
#include <cstdlib>

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include "bench/poisson_pruning.h"
#include "core/mesh_primitives.h"
#include "dots/spacing_metrics.h"

namespace smp {
namespace {

TEST(PoissonPruning, KeepsAboutTheCountAskedOnTheSurfaceSpreadAsTheIssueMeasured) {
  // The issue measured 0.77 for vcglib's pruning; this one keeps 0.778-0.781 here over six seeds
  // (0.779 at 200k on the bench's sphere), each time within 0.5% of the count.
  const Mesh sphere = make_icosphere(40.0f, 5);
  const std::vector<glm::vec3> points = prune_poisson(sphere, 8000, 2);
  EXPECT_LE(std::abs(double(points.size()) - 8000.0), 0.005 * 8000.0);
  for (const glm::vec3& p : points) ASSERT_NEAR(glm::length(p), 40.0f, 0.05f);
  const std::vector<float> density(points.size(), float(double(points.size()) / surface_area_mm2(sphere)));
  const SpacingStats stats = spacing_stats(points, density);
  EXPECT_GT(stats.rho_min, 0.76);
  EXPECT_LT(stats.rho_min, 0.80);
}

TEST(PoissonPruning, TheSameSeedGivesTheSamePoints) {
  const Mesh sphere = make_icosphere(30.0f, 3);
  EXPECT_EQ(prune_poisson(sphere, 500, 4), prune_poisson(sphere, 500, 4));
  EXPECT_NE(prune_poisson(sphere, 500, 4), prune_poisson(sphere, 500, 5));
  EXPECT_TRUE(prune_poisson(Mesh{}, 100, 1).empty());
}

}  // namespace
}  // namespace smp
