#include "dots/spacing_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "dots/spatial_hash.h"

namespace smp {

double hex_spacing_mm(double density) { return std::sqrt(2.0 / (std::sqrt(3.0) * density)); }

SpacingStats spacing_stats(const std::vector<glm::vec3>& dots, std::span<const float> density, std::span<const std::uint8_t> counted) {
  SpacingStats stats;
  if (dots.size() < 2) return stats;
  float densest = 0.0f;
  for (float d : density) densest = std::max(densest, d);
  // Search out to 1.5 hex spacings of the densest part: every dot's nearest neighbour is closer.
  const float reach = float(1.5 * hex_spacing_mm(densest));
  SpatialHash grid(reach, dots.size());
  for (std::uint32_t i = 0; i < dots.size(); ++i) grid.insert(i, dots[i]);
  std::vector<double> rho;
  rho.reserve(dots.size());
  for (std::uint32_t i = 0; i < dots.size(); ++i) {
    if (!counted.empty() && !counted[i]) continue;
    std::uint32_t near = 0;
    float d2 = 0.0f;
    const double nearest = grid.nearest_within(dots[i], reach, dots, near, d2, i) ? std::sqrt(double(d2)) : double(reach);
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

}  // namespace smp
