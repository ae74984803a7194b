#include "dots/point_grid.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include <glm/geometric.hpp>

#include "dots/morton.h"

namespace smp {
namespace {
constexpr int kOffset = 1 << 20;  // cell coordinates shifted to be positive in 21 bits
}  // namespace

PointGrid::PointGrid(float radius, std::size_t expected_points) : inverse_cell_(0.5f / radius) {
  // Two or three points a cell; a table this sparse keeps the runs of full slots that linear
  // probing over Morton codes builds short (two thirds as many slots took 1.5x longer on the head).
  // Pools put 2-3 points in a cell: about 0.4 of the slots are used.
  const std::size_t size = std::bit_ceil(std::max<std::size_t>(64, expected_points));
  cells_.resize(size);
  mask_ = size - 1;
}

std::uint64_t PointGrid::key_of(glm::ivec3 c) const {
  return morton_code(std::uint32_t(c.x + kOffset), std::uint32_t(c.y + kOffset), std::uint32_t(c.z + kOffset)) | kOccupiedBit;
}

std::uint64_t PointGrid::spread_coordinate(int c) { return morton_detail::spread(std::uint32_t(c + kOffset)); }

const PointGrid::Cell* PointGrid::find(std::uint64_t key) const {
  for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
    if (cells_[i].key == key) return &cells_[i];
    if (cells_[i].key == 0) return nullptr;
  }
}

void PointGrid::grow() {
  std::vector<Cell> old(cells_.size() * 2);
  old.swap(cells_);
  mask_ = cells_.size() - 1;
  for (const Cell& cell : old) {
    if (cell.key == 0) continue;
    std::size_t i = cell.key & mask_;
    while (cells_[i].key != 0) i = (i + 1) & mask_;
    cells_[i] = cell;  // its overflow chain goes with it
  }
}

void PointGrid::insert(glm::vec3 p) {
  const std::uint64_t key = key_of(glm::ivec3(glm::floor(p * inverse_cell_)));
  std::size_t i = key & mask_;
  while (cells_[i].key != key && cells_[i].key != 0) i = (i + 1) & mask_;
  if (cells_[i].key == 0) {
    if (2 * (used_ + 1) > cells_.size()) {  // more cells than expected: keep probing short (and finite)
      grow();
      insert(p);
      return;
    }
    ++used_;
  }
  cells_[i].key = key;
  // The cell, or its continuation in overflow_ (1-based; growing overflow_ moves its cells).
  auto part = [&](std::uint32_t more) -> Cell& { return more ? overflow_[more - 1] : cells_[i]; };
  std::uint32_t current = 0;
  while (part(current).count == kPerCell) {
    if (part(current).more == 0) {
      overflow_.emplace_back();
      part(current).more = std::uint32_t(overflow_.size());
    }
    current = part(current).more;
  }
  Cell& cell = part(current);
  float* slot = cell.xyz + 3 * cell.count++;
  slot[0] = p.x, slot[1] = p.y, slot[2] = p.z;
}

bool PointGrid::first_within(glm::vec3 p, float radius, glm::vec3& found) const {
  const glm::vec3 scaled = p * inverse_cell_;
  const glm::vec3 floored = glm::floor(scaled);
  const glm::ivec3 c(floored);
  // With cells twice the radius, only the 2x2x2 cells on p's side of its own cell can hold a
  // point within the radius; its own cell first, the likeliest.
  const glm::vec3 within = scaled - floored;
  const glm::ivec3 side(within.x < 0.5f ? -1 : 1, within.y < 0.5f ? -1 : 1, within.z < 0.5f ? -1 : 1);
  const float r2 = radius * radius;
  for (int k = 0; k < 8; ++k) {
    const glm::ivec3 at = c + glm::ivec3(k & 1, (k >> 1) & 1, k >> 2) * side;
    for (const Cell* cell = find(key_of(at)); cell; cell = cell->more ? &overflow_[cell->more - 1] : nullptr)
      for (std::uint32_t j = 0; j < cell->count; ++j) {
        const glm::vec3 q(cell->xyz[3 * j], cell->xyz[3 * j + 1], cell->xyz[3 * j + 2]);
        const glm::vec3 d = q - p;
        if (glm::dot(d, d) < r2) {
          found = q;
          return true;
        }
      }
  }
  return false;
}

glm::ivec3 PointGrid::cell_of(glm::vec3 p) const { return glm::ivec3(glm::floor(p * inverse_cell_)); }

void PointGrid::gather(glm::vec3 p, float reach, std::vector<glm::vec3>& out) const {
  const float r2 = reach * reach;
  visit_cells(cell_of(p - reach), cell_of(p + reach), [&](glm::vec3 q) {
    if (glm::dot(q - p, q - p) < r2) out.push_back(q);
  });
}

}  // namespace smp
