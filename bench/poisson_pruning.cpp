#include "bench/poisson_pruning.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numbers>

#include "bench/cell_index.h"
#include "bench/random_surface_points.h"

namespace smp {
namespace {

// MeshLab's default: twenty random points per point kept.
constexpr std::size_t kRandomPerPoint = 20;
// Random disks put down until none fits cover 0.547 of the plane (random sequential adsorption):
// the first guess at the radius.
constexpr double kSaturatedCover = 0.547;
constexpr double kCountTolerance = 0.005;
constexpr int kMostRounds = 12;

// The points kept at disk radius `radius`: cells in random order; in each, while any of its
// points is alive, the one of its first kBestOf alive points that removes the fewest others is
// kept, and every point within the radius of it removed (vcglib's "best sample choice", on by
// default: without it the spread here was 0.737).
constexpr int kBestOf = 10;

std::vector<std::uint32_t> prune(const std::vector<glm::vec3>& points, const CellIndex& cells,
                                 std::vector<std::pair<std::uint32_t, std::uint32_t>> runs, float radius, Random& random) {
  for (std::size_t i = runs.size(); i > 1; --i) std::swap(runs[i - 1], runs[std::size_t(random.uniform() * double(i))]);
  std::vector<std::uint8_t> alive(points.size(), 1);
  std::vector<std::uint32_t> kept;
  for (const auto& [begin, end] : runs)
    for (std::uint32_t j = begin; j < end; ++j)
      while (alive[j]) {
        std::uint32_t best = j;
        int fewest = INT_MAX;
        for (std::uint32_t k = j, tried = 0; k < end && tried < kBestOf; ++k) {
          if (!alive[k]) continue;
          ++tried;
          int removes = 0;
          cells.visit_within(points[k], radius, [&](std::uint32_t n) { removes += alive[n]; });
          if (removes < fewest) fewest = removes, best = k;
        }
        kept.push_back(best);
        cells.visit_within(points[best], radius, [&](std::uint32_t n) { alive[n] = 0; });
      }
  return kept;
}

}  // namespace

std::vector<glm::vec3> prune_poisson(const Mesh& mesh, std::size_t count, std::uint64_t seed) {
  Random random(seed);
  double area = 0.0;
  std::vector<glm::vec3> points = random_surface_points(mesh, kRandomPerPoint * count, random, area);
  if (points.size() <= count) return points;
  // Disks of half the radius cover kSaturatedCover of the area at the count asked.
  float radius = float(2.0 * std::sqrt(kSaturatedCover * area / (std::numbers::pi * double(count))));
  // Cells wide enough for any radius the rounds below try.
  const float widest = 1.25f * radius;
  const CellIndex cells(points, widest);
  const auto runs = cells.runs();
  std::vector<std::uint32_t> kept;
  for (int round = 0; round < kMostRounds; ++round) {
    kept = prune(points, cells, runs, radius, random);
    const double off = double(kept.size()) / double(count);
    if (std::abs(off - 1.0) <= kCountTolerance) break;
    radius = std::min(widest, float(radius * std::sqrt(off)));  // the count goes as 1 / radius^2
  }
  std::vector<glm::vec3> chosen;
  chosen.reserve(kept.size());
  for (std::uint32_t j : kept) chosen.push_back(points[j]);
  return chosen;
}

}  // namespace smp
