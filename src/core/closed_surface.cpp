#include "core/closed_surface.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <glm/geometric.hpp>

namespace smp {

bool is_closed_surface(const Mesh& mesh) {
  const std::size_t triangles = mesh.triangle_count();
  if (triangles == 0) return false;
  // Each directed edge as its undirected key with its direction in the low bit: sorted, an edge
  // shared properly is two neighbours with opposite bits.
  std::vector<std::uint64_t> edges;
  edges.reserve(3 * triangles);
  double six_volume = 0.0;
  for (std::size_t t = 0; t < triangles; ++t) {
    const std::uint32_t* v = &mesh.indices[3 * t];
    for (int k = 0; k < 3; ++k) {
      const std::uint64_t a = v[k], b = v[(k + 1) % 3];
      edges.push_back((std::min(a, b) << 33) | (std::max(a, b) << 1) | (a > b ? 1u : 0u));
    }
    const glm::dvec3 p(mesh.positions[v[0]]), q(mesh.positions[v[1]]), r(mesh.positions[v[2]]);
    six_volume += glm::dot(p, glm::cross(q, r));
  }
  if (!(six_volume > 0.0)) return false;
  std::sort(edges.begin(), edges.end());
  std::unordered_map<std::uint32_t, std::uint32_t> next;  // along the unshared edges: from -> to
  for (std::size_t i = 0; i < edges.size();) {
    const std::uint64_t edge = edges[i] >> 1;
    std::size_t j = i;
    while (j < edges.size() && edges[j] >> 1 == edge) ++j;
    if (j - i == 2 && (edges[i] & 1) != (edges[i + 1] & 1)) {
      i = j;
      continue;
    }
    if (j - i != 1) return false;  // three or more triangles on an edge, or two wound the same way
    const auto low = std::uint32_t(edge >> 32), high = std::uint32_t(edge & 0xFFFFFFFFu);
    const bool reversed = edges[i] & 1;
    if (!next.emplace(reversed ? high : low, reversed ? low : high).second) return false;  // two openings meet at a vertex
    i = j;
  }
  // Each opening is a loop of unshared edges: it hides nothing only if it encloses no area.
  while (!next.empty()) {
    const std::uint32_t start = next.begin()->first;
    glm::dvec3 twice_area(0.0);
    double length = 0.0;
    for (std::uint32_t at = start;;) {
      const auto step = next.find(at);
      if (step == next.end()) return false;  // not a loop
      const glm::dvec3 p(mesh.positions[at]), q(mesh.positions[step->second]);
      twice_area += glm::cross(p, q);
      length += glm::length(q - p);
      at = step->second;
      next.erase(step);
      if (at == start) break;
    }
    if (glm::length(twice_area) > 1e-6 * length * length) return false;
  }
  return true;
}

}  // namespace smp
