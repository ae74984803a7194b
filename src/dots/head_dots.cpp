#include "dots/head_dots.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

#include "core/both_cores.h"
#include "dots/nearest_point.h"

namespace smp {

DotPool build_head_pool(const Mesh& mesh, double max_density_per_cm2, std::uint64_t seed) {
  const double area_cm2 = surface_area_mm2(mesh) / 100.0;
  return build_dot_pool(mesh, {}, std::size_t(area_cm2 * max_density_per_cm2), seed);
}

std::vector<std::uint32_t> nearest_vertices(const DotPool& pool, const Mesh& mesh) {
  if (pool.nearest_vertex.size() == pool.size()) return pool.nearest_vertex;
  // Mesh vertices are 1-2 mm apart: a 4 mm search always finds one, most within a median edge.
  NearestPoint grid(std::clamp(edge_lengths(mesh, {}).median, 0.05f, 4.0f), 4.0f, mesh.positions.size());
  for (std::uint32_t i = 0; i < mesh.positions.size(); ++i) grid.insert(i, mesh.positions[i]);
  std::vector<std::uint32_t> nearest(pool.size(), 0);
  on_both_cores(pool.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      float d2 = 0.0f;
      if (!grid.nearest(pool.positions[i], mesh.positions, nearest[i], d2)) nearest[i] = kNoVertex;
    }
  });
  return nearest;
}

std::vector<Zone> dot_zones(const DotPool& pool, const Mesh& mesh, const ScalpZones& zones) {
  const std::vector<std::uint32_t> nearest = nearest_vertices(pool, mesh);
  std::vector<Zone> zone(pool.size(), Zone::None);
  for (std::size_t i = 0; i < pool.size(); ++i)
    if (nearest[i] != kNoVertex) zone[i] = zones.vertex_zone[nearest[i]];
  return zone;
}

std::vector<float> scalp_fraction(const DotPool& pool, const std::vector<Zone>& zone, double density_per_cm2) {
  const float f = float(std::clamp(density_per_cm2 / pool.density_per_cm2, 0.0, 1.0));
  std::vector<float> fraction(pool.size());
  for (std::size_t i = 0; i < pool.size(); ++i) fraction[i] = zone[i] == Zone::None ? 0.0f : f;
  return fraction;
}

}  // namespace smp
