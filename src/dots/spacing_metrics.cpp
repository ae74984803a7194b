#include "dots/spacing_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <optional>
#include <unordered_map>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "dots/spatial_hash.h"

namespace smp {

double hex_spacing_mm(double density) { return std::sqrt(2.0 / (std::sqrt(3.0) * density)); }

SpacingStats spacing_stats(const std::vector<glm::vec3>& dots, std::span<const float> density, std::span<const std::uint8_t> counted) {
  SpacingStats stats;
  if (dots.size() < 2) return stats;
  float densest = 0.0f, sparsest = 1e30f;
  for (std::size_t i = 0; i < density.size(); ++i)
    if (counted.empty() || counted[i]) densest = std::max(densest, density[i]), sparsest = std::min(sparsest, density[i]);
  if (!(sparsest > 0.0f)) sparsest = densest;
  // Search out to 1.5 hex spacings of the densest part: nearly every dot's nearest neighbour is
  // closer. A sparse dot's may not be (where a design asks for 18 dots/cm2 and elsewhere 120),
  // and taking the search's reach for its distance made it look crowded: those are looked for
  // again out to 1.5 spacings of the sparsest part.
  const float reach = float(1.5 * hex_spacing_mm(densest)), far_reach = float(1.5 * hex_spacing_mm(sparsest));
  SpatialHash grid(reach, dots.size());
  for (std::uint32_t i = 0; i < dots.size(); ++i) grid.insert(i, dots[i]);
  std::optional<SpatialHash> far_grid;
  std::vector<double> rho;
  rho.reserve(dots.size());
  for (std::uint32_t i = 0; i < dots.size(); ++i) {
    if (!counted.empty() && !counted[i]) continue;
    std::uint32_t near = 0;
    float d2 = 0.0f;
    double nearest = double(far_reach);
    if (grid.nearest_within(dots[i], reach, dots, near, d2, i)) {
      nearest = std::sqrt(double(d2));
    } else if (far_reach > reach) {
      if (!far_grid) {
        far_grid.emplace(far_reach, dots.size());
        for (std::uint32_t j = 0; j < dots.size(); ++j) far_grid->insert(j, dots[j]);
      }
      if (far_grid->nearest_within(dots[i], far_reach, dots, near, d2, i)) nearest = std::sqrt(double(d2));
    }
    rho.push_back(nearest / hex_spacing_mm(density[i]));
  }
  stats.count = rho.size();
  if (rho.empty()) return stats;
  std::sort(rho.begin(), rho.end());
  stats.rho_min = rho.front();
  stats.rho_p01 = rho[rho.size() / 1000];
  double sum = 0;
  for (double r : rho) sum += r;
  stats.rho_mean = sum / double(rho.size());
  return stats;
}

double count_variation(const std::vector<glm::vec3>& dots, const std::vector<glm::vec3>& centres, std::span<const float> density,
                       float radius) {
  if (centres.empty() || !(radius > 0.0f)) return 0.0;
  // The dots by cells a radius wide: a window reaches into the 3x3x3 cells round its centre's.
  auto cell_of = [&](glm::vec3 p) { return glm::ivec3(glm::floor(p / radius)); };
  auto key = [](glm::ivec3 c) {
    return std::uint64_t(std::uint32_t(c.x) & 0x1FFFFF) | std::uint64_t(std::uint32_t(c.y) & 0x1FFFFF) << 21 |
           std::uint64_t(std::uint32_t(c.z) & 0x1FFFFF) << 42;
  };
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> cells;
  for (std::uint32_t i = 0; i < dots.size(); ++i) cells[key(cell_of(dots[i]))].push_back(i);
  const double area = std::numbers::pi * double(radius) * double(radius);
  double sum = 0.0, sum2 = 0.0, windows = 0.0;
  for (std::size_t c = 0; c < centres.size(); ++c) {
    if (!(density[c] > 0.0f)) continue;  // a window that expects nothing has no ratio
    const glm::ivec3 at = cell_of(centres[c]);
    std::size_t count = 0;
    for (int dz = -1; dz <= 1; ++dz)
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
          if (const auto found = cells.find(key(at + glm::ivec3(dx, dy, dz))); found != cells.end())
            for (std::uint32_t i : found->second) count += glm::distance(dots[i], centres[c]) <= radius;
    const double ratio = double(count) / (area * double(density[c]));
    sum += ratio, sum2 += ratio * ratio, windows += 1.0;
  }
  const double mean = windows > 0.0 ? sum / windows : 0.0;
  if (!(mean > 0.0)) return 0.0;
  return std::sqrt(std::max(0.0, sum2 / windows - mean * mean)) / mean;
}

}  // namespace smp
