#pragma once
// The dot pool: every place a dot may go on the scalp, ranked so that any prefix of the ranking is
// itself well spread. Built once per head. A design keeps the candidates whose rank is below its
// local density (dots/cm2) over the pool's density: moving a slider only adds or removes dots.
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

#include "core/mesh.h"

namespace smp {

// Changes whenever build_dot_pool would place or rank dots differently: cached pools from an
// older version are not reused.
constexpr int kDotPoolVersion = 15;

// Per dot, held cell by cell through space (cell_order.h).
struct DotPool {
  std::vector<glm::vec3> positions;  // mm, on the skin
  std::vector<glm::vec3> normals;
  std::vector<std::uint32_t> triangles;  // the mesh triangle each lies on (where it is in anything given per vertex)
  std::vector<float> rank;           // u in [0, 1): the order dots are added as density rises
  // The mesh vertex nearest each (nearest_vertices(), head_dots.h) where it was found once and
  // kept with the pool (the head's cache); empty otherwise.
  std::vector<std::uint32_t> nearest_vertex;
  double area_mm2 = 0;               // of the surface the pool covers
  double density_per_cm2 = 0;        // positions / area: the most any design can ask for
  std::vector<float> level_radius;   // mm, the exclusion radius of each level, coarse to fine

  std::size_t size() const { return positions.size(); }
};

// `triangle_mask` (one flag per triangle, empty: all) limits the pool to the scalp. About
// `target_count` candidates are made; the same seed always gives the same pool.
DotPool build_dot_pool(const Mesh& mesh, const std::vector<std::uint8_t>& triangle_mask, std::size_t target_count,
                       std::uint64_t seed = 1);

}  // namespace smp
