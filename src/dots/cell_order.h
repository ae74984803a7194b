#pragma once
// The order a pool's dots are held in: cell by cell through space, so that the dots round one lie
// near it in memory. A design's passes over the dots (its plan, easing its slopes, checking room)
// read each dot's neighbours; held in the pool's making order (coarse levels first, each spread
// over the whole head) every such read was a cache miss.
#include <cstdint>
#include <span>
#include <vector>

#include <glm/vec3.hpp>
#include <glm/vector_relational.hpp>

namespace smp {

// Cells two of a pool's spacings wide (at its density): the 3x3x3 round a dot's own hold
// everything within two spacings, where a well-spread set's twelve nearest lie.
float layout_cell_mm(double density_per_cm2);

// The cell holding p, for cells 1 / `per_mm` wide: its coordinates rounded down (without a call
// to floor per coordinate, which took most of the layout's time).
inline glm::ivec3 layout_cell(glm::vec3 p, float per_mm) {
  const glm::vec3 scaled = p * per_mm;
  const glm::ivec3 truncated(scaled);
  return truncated - glm::ivec3(glm::lessThan(scaled, glm::vec3(truncated)));
}

// The indices of `positions` cell by cell (cells `cell_mm` wide, by z, then y, then x; within a
// cell, by index): two passes of a counting sort (std::sort took 3-4 times as long), or none
// where they already are.
std::vector<std::uint32_t> cell_order(std::span<const glm::vec3> positions, float cell_mm);

}  // namespace smp
