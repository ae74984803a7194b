#include "dots/nearest_point.h"

#include <algorithm>

#include <glm/geometric.hpp>

namespace smp {

NearestPoint::NearestPoint(float usual, float reach, std::size_t expected_points)
    : usual_(std::min(usual, reach)), reach_(reach), fine_(usual_, expected_points), coarse_(reach, expected_points) {}

void NearestPoint::insert(std::uint32_t id, glm::vec3 p) {
  fine_.insert(id, p);
  coarse_.insert(id, p);
}

bool NearestPoint::nearest(glm::vec3 p, const std::vector<glm::vec3>& positions, std::uint32_t& id, float& distance2) const {
  return fine_.nearest_within(p, usual_, positions, id, distance2) || coarse_.nearest_within(p, reach_, positions, id, distance2);
}

EdgeLengths edge_lengths(const Mesh& mesh, const std::vector<std::uint8_t>& mask) {
  std::vector<float> lengths;
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    if (!mask.empty() && !mask[t]) continue;
    for (int k = 0; k < 3; ++k)
      lengths.push_back(glm::distance(mesh.positions[mesh.indices[3 * t + k]], mesh.positions[mesh.indices[3 * t + (k + 1) % 3]]));
  }
  if (lengths.empty()) return {};
  auto percentile = [&](std::size_t p) {
    const auto at = lengths.begin() + std::ptrdiff_t(std::min(lengths.size() - 1, lengths.size() * p / 100));
    std::nth_element(lengths.begin(), at, lengths.end());
    return *at;
  };
  EdgeLengths edges;
  edges.long_edge = percentile(95);
  edges.median = percentile(50);
  return edges;
}

}  // namespace smp
