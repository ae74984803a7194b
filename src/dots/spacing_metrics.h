#pragma once
// How evenly dots are spread, as the issue measures it: rho = distance to the nearest other dot
// over the spacing of a hexagonal packing at the local target density (1 would be a perfect
// honeycomb; good blue noise is 0.65-0.85), and how local counts vary.
#include <cstdint>
#include <span>
#include <vector>

#include <glm/vec3.hpp>

namespace smp {

struct SpacingStats {
  std::size_t count = 0;
  double rho_min = 0;     // the worst pair
  double rho_p01 = 0;     // 0.1th percentile: the worst pairs without the single outlier
  double rho_mean = 0;
};

// Spacing of a hexagonal packing with `density` dots per mm2.
double hex_spacing_mm(double density_per_mm2);

// `density_per_mm2[i]`: the target density where dot i is (per mm2). With `counted` (one flag per
// dot), only the flagged dots' spacings are counted, each still to its nearest dot of all.
SpacingStats spacing_stats(const std::vector<glm::vec3>& dots, std::span<const float> density_per_mm2,
                           std::span<const std::uint8_t> counted = {});

// How much the count of dots in a window varies from place to place against what the target
// density expects there: round each of `centres` (points of the surface chosen apart from the
// dots), the dots within `radius_mm`, over pi r^2 times `centre_density_per_mm2` there. (A ball of
// radius r centred on a sphere cuts exactly pi r^2 of it; on a gently curved scalp, nearly. Along
// an even slope the window's excess on one side matches its shortfall on the other.) Returns the
// coefficient of variation of those ratios: their standard deviation over their mean. Points
// thrown at random give about 1/sqrt(expected count); an even blue-noise set far less, and a set
// with clumps and holes more. Centres where nothing is planned are left out; 0 where none is left.
double count_variation(const std::vector<glm::vec3>& dots, const std::vector<glm::vec3>& centres,
                       std::span<const float> centre_density_per_mm2, float radius_mm);

}  // namespace smp
