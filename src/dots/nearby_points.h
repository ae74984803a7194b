#pragma once
// A PointGrid read through a short copy of the points in the 3x3x3 cells around the last place
// asked about. A dot pool's darts come in spatial order and each is tested several times within a
// couple of radii of where it fell, so most questions are answered by scanning a few dozen points
// already in cache, four at a time, instead of hashing and probing eight or more cells each time.
#include <cstddef>
#include <vector>

#include <glm/vec3.hpp>

#include "dots/point_grid.h"
#include "dots/point_quads.h"

namespace smp {

class NearbyPoints {
 public:
  // The points of `grid`, and of `also` (with cells of the same size) where given: two halves of a
  // surface read as one.
  explicit NearbyPoints(PointGrid& grid, PointGrid* also = nullptr) : grid_(&grid), also_(also) {}

  // As PointGrid's, for a radius or reach up to the grid's cell size (past it, the grid answers).
  // With two grids, a point stored in both is gathered twice. `out` is cleared first, and holds the
  // points four to a quad, ready for the caller's own scans.
  bool first_within(glm::vec3 p, float radius, glm::vec3& found);
  void gather(glm::vec3 p, float reach, PointQuads& out);
  // Stores p in the grid or grids (and in the copy, where it falls in the copied cells).
  void insert(glm::vec3 p);

 private:
  // Whether the copy holds every place within `reach` of p (a negative reach: p within the
  // copied cells or a hair outside them).
  bool holds(glm::vec3 p, float reach) const {
    return p.x - reach >= low_.x && p.y - reach >= low_.y && p.z - reach >= low_.z && p.x + reach < high_.x && p.y + reach < high_.y &&
           p.z + reach < high_.z;
  }
  // Copies the cells around p's unless the copy holds every place within `reach` of p; false
  // when even they do not (a reach past a cell), and the grid must answer.
  bool cover(glm::vec3 p, float reach) { return holds(p, reach) || recopy(p, reach); }
  bool recopy(glm::vec3 p, float reach);

  PointGrid* grid_;
  PointGrid* also_;
  PointQuads copy_;                 // the copied cells' points
  std::vector<glm::vec3> spilled_;  // scratch: what the grids gather where the copy cannot
  glm::vec3 low_{1.0f}, high_{0.0f};  // mm: the copied cells' box, a hair inside (empty until the first copy)
  float hair_ = 0.0f;                 // mm
};

}  // namespace smp
