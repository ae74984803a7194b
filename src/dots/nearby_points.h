#pragma once
// A PointGrid read through a short copy of the points in the 3x3x3 cells around the last place
// asked about. A dot pool's darts come in spatial order and each is tested several times within a
// couple of radii of where it fell, so most questions are answered by scanning a few dozen points
// already in cache, four at a time, instead of hashing and probing eight or more cells each time.
#include <cstddef>
#include <vector>

#include <glm/vec3.hpp>

#include "dots/point_grid.h"

namespace smp {

class NearbyPoints {
 public:
  // The points of `grid`, and of `also` (with cells of the same size) where given: two halves of a
  // surface read as one.
  explicit NearbyPoints(PointGrid& grid, PointGrid* also = nullptr) : grid_(&grid), also_(also) {}

  // As PointGrid's, for a radius or reach up to the grid's cell size (past it, the grid answers).
  // With two grids, a point stored in both is gathered twice.
  bool first_within(glm::vec3 p, float radius, glm::vec3& found);
  void gather(glm::vec3 p, float reach, std::vector<glm::vec3>& out);
  // Stores p in the grid or grids (and in the copy, where it falls in the copied cells).
  void insert(glm::vec3 p);

 private:
  // Four points by coordinate; unused places hold a point far from anything.
  using Four = float __attribute__((vector_size(16)));
  using Lanes = int __attribute__((vector_size(16)));  // all bits set in a lane that is true
  struct Quad {
    Four x, y, z;
  };
  // Which of a quad's points lie within sqrt(r2) of p.
  static Lanes within(const Quad& quad, glm::vec3 p, float r2);

  // Whether the copy holds every place within `reach` of p (a negative reach: p within the
  // copied cells or a hair outside them).
  bool holds(glm::vec3 p, float reach) const;
  // Copies the cells around p's unless the copy holds every place within `reach` of p; false
  // when even they do not (a reach past a cell), and the grid must answer.
  bool cover(glm::vec3 p, float reach);
  void append(glm::vec3 p);

  PointGrid* grid_;
  PointGrid* also_;
  std::vector<Quad> quads_;  // the copied points
  std::size_t count_ = 0;
  glm::vec3 low_{1.0f}, high_{0.0f};  // mm: the copied cells' box, a hair inside (empty until the first copy)
  float hair_ = 0.0f;                 // mm
};

}  // namespace smp
