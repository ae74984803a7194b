#include "design/density_field.h"

#include <algorithm>
#include <cmath>

#include "core/both_cores.h"

namespace smp {
namespace {
// Jacobi passes of neighbour averaging: each spreads a zone's density about one edge (1-2 mm)
// further, so 30 blend zone borders over roughly a centimetre.
constexpr int kBlendPasses = 30;
constexpr double kStrayReachMm = 3.0;  // stray dots thin out over this far ahead of the line
}  // namespace

ZoneBlend::ZoneBlend(const Mesh& mesh, const std::vector<Zone>& vertex_zone) : zone_(vertex_zone) {
  const std::size_t n = mesh.positions.size();
  first_.assign(n + 1, 0);
  for (std::size_t f = 0; f + 2 < mesh.indices.size(); f += 3)
    for (int k = 0; k < 3; ++k) first_[mesh.indices[f + k] + 1] += 2;
  for (std::size_t v = 0; v < n; ++v) first_[v + 1] += first_[v];
  neighbours_.resize(first_.back());
  std::vector<std::uint32_t> fill(first_.begin(), first_.end() - 1);
  for (std::size_t f = 0; f + 2 < mesh.indices.size(); f += 3)
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t v = mesh.indices[f + k];
      neighbours_[fill[v]++] = mesh.indices[f + (k + 1) % 3];
      neighbours_[fill[v]++] = mesh.indices[f + (k + 2) % 3];
    }
}

std::vector<float> ZoneBlend::per_vertex(const Design& design) const {
  const std::size_t n = zone_.size();
  std::vector<float> density(n, 0.0f), next(n);
  std::vector<std::uint8_t> known(n, 0), next_known(n);
  for (std::size_t v = 0; v < n; ++v)
    if (zone_[v] != Zone::None) density[v] = design.density(zone_[v]), known[v] = 1;
  // Off-scalp vertices are filled in from the scalp outwards (far more passes than blending needs,
  // but only the unknown ones cost anything after the first few).
  for (int pass = 0; pass < kBlendPasses; ++pass) {
    for (std::size_t v = 0; v < n; ++v) {
      double sum = known[v] ? density[v] : 0.0;
      int count = known[v];
      for (std::uint32_t k = first_[v]; k < first_[v + 1]; ++k)
        if (known[neighbours_[k]]) sum += density[neighbours_[k]], ++count;
      next[v] = count ? float(sum / count) : 0.0f;
      next_known[v] = count > 0;
    }
    density.swap(next);
    known.swap(next_known);
  }
  return density;
}

float DotPlace::read(const std::vector<float>& per_vertex) const {
  if (weights == glm::vec3(0.0f)) return per_vertex[vertex];
  return weights.x * per_vertex[corners[0]] + weights.y * per_vertex[corners[1]] + weights.z * per_vertex[corners[2]];
}

float edge_factor(const HairlineDesign& h, double depth_mm) {
  const double width = std::max(0.5, double(h.transition_mm));
  if (depth_mm >= width) return 1.0f;
  if (depth_mm >= 0.0) return float(0.1 + 0.9 * std::pow(depth_mm / width, std::max(0.2, double(h.transition_falloff))));
  // Ahead of the line: a few isolated dots, thinning out.
  if (depth_mm < -3.0 * kStrayReachMm) return 0.0f;
  return float(double(h.stray_percent) / 100.0 * std::exp(depth_mm / kStrayReachMm));
}

DesignedDensity designed_density(const Design& design, const HairlineShape& hairline, const std::vector<float>& vertex_density,
                                 const std::vector<DotPlace>& places, double pool_density_per_cm2) {
  DesignedDensity out;
  out.fraction.resize(places.size());
  out.in_transition.resize(places.size());
  const double per_pool = 1.0 / std::max(1e-9, pool_density_per_cm2);
  // Each place on its own, half on the other core: a design is made again on every frame of a
  // slider's drag, and the head's pool holds about 400k places (11 ms on one core).
  on_both_cores(places.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const DotPlace& place = places[i];
      const double depth = hairline.edge_r(place.polar.theta) - place.polar.r;
      const float factor = edge_factor(design.hairline, depth);
      out.fraction[i] = float(std::min(1.0, double(place.read(vertex_density)) * factor * per_pool));
      out.in_transition[i] = depth < double(design.hairline.transition_mm);
    }
  });
  return out;
}

}  // namespace smp
