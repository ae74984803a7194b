#pragma once
// The nearest of a fixed set of points (mesh vertices) within a reach, for points that usually lie
// much nearer one than that: a fine grid answers those, a coarse one only the rest. One grid sized
// for the reach held 40-60 vertices a cell and made every query read hundreds of them.
#include <cstdint>
#include <vector>

#include "core/mesh.h"
#include "dots/spatial_hash.h"

namespace smp {

class NearestPoint {
 public:
  // `usual`: a distance most queries find a point within (mm); `reach`: the most searched.
  NearestPoint(float usual, float reach, std::size_t expected_points);

  void insert(std::uint32_t id, glm::vec3 p);
  // As SpatialHash::nearest_within(p, reach, ...): the same answer, as any point nearer than one
  // found within `usual` is itself within `usual`.
  bool nearest(glm::vec3 p, const std::vector<glm::vec3>& positions, std::uint32_t& id, float& distance2) const;

 private:
  float usual_, reach_;
  SpatialHash fine_, coarse_;
};

// A mesh's edge lengths over the triangles where `mask` is set (all when it is empty), mm; 0 for
// no triangles. The 95th percentile, not the longest: a few slivers (a cut neck) must not set it.
struct EdgeLengths {
  float median = 0.0f;
  float long_edge = 0.0f;  // 95th percentile
};
EdgeLengths edge_lengths(const Mesh& mesh, const std::vector<std::uint8_t>& mask);

}  // namespace smp
