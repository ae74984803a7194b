#pragma once
// Which triangles of a mesh may hold the point of the surface closest to a point near it: each
// cell of a grid lists the triangles whose box, widened by a margin, meets it. For a point within
// the margin of the surface, its own cell's list holds the closest triangle for certain; finding
// the nearest vertex and trying its triangles (as before) missed it on irregular meshes, where a
// point on a long triangle is often nearest a vertex that is not one of its corners.
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

#include "core/mesh.h"

namespace smp {

class TriangleGrid {
 public:
  // Triangles whose `mask` flag is set (all when it is empty), in cells `cell_mm` wide; points
  // within `margin_mm` of the surface are answered exactly.
  TriangleGrid(const Mesh& mesh, const std::vector<std::uint8_t>& mask, float cell_mm, float margin_mm);

  // The triangles listed for p's cell (empty when none is near).
  struct Range {
    const std::uint32_t* begin = nullptr;
    const std::uint32_t* end = nullptr;
  };
  Range near(glm::vec3 p) const;
  float margin() const { return margin_; }

 private:
  struct Slot {
    std::uint64_t key = 0;  // the cell's Morton code with the top bit set; 0 where free
    std::uint32_t begin = 0, end = 0;
  };
  std::uint64_t key_of(glm::ivec3 cell) const;
  Slot* slot_for(std::uint64_t key);
  const Slot* find(std::uint64_t key) const;
  void grow();

  float inverse_cell_, margin_;
  std::vector<Slot> slots_;               // open addressing
  std::vector<std::uint32_t> triangles_;  // each cell's triangles, cell after cell
  std::size_t mask_ = 0;
};

}  // namespace smp
