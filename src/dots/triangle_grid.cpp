#include "dots/triangle_grid.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include <glm/common.hpp>

#include "dots/morton.h"

namespace smp {
namespace {
constexpr std::uint64_t kOccupied = 1ull << 63;
constexpr int kOffset = 1 << 20;  // cell coordinates shifted to be positive in 21 bits
}  // namespace

std::uint64_t TriangleGrid::key_of(glm::ivec3 c) const {
  return morton_code(std::uint32_t(c.x + kOffset), std::uint32_t(c.y + kOffset), std::uint32_t(c.z + kOffset)) | kOccupied;
}

TriangleGrid::Slot* TriangleGrid::slot_for(std::uint64_t key) {
  for (std::size_t i = key & mask_;; i = (i + 1) & mask_)
    if (slots_[i].key == key || slots_[i].key == 0) return &slots_[i];
}

void TriangleGrid::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old)
    if (slot.key != 0) *slot_for(slot.key) = slot;
}

const TriangleGrid::Slot* TriangleGrid::find(std::uint64_t key) const {
  for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].key == key) return &slots_[i];
    if (slots_[i].key == 0) return nullptr;
  }
}

// Two passes over every triangle's cells: the first counts each cell's triangles, the second
// places them, so each cell's list is contiguous without sorting.
TriangleGrid::TriangleGrid(const Mesh& mesh, const std::vector<std::uint8_t>& mask, float cell_mm, float margin_mm)
    : inverse_cell_(1.0f / std::max(1e-4f, cell_mm)), margin_(margin_mm) {
  std::vector<glm::ivec3> low, high;  // each triangle's cell box
  std::vector<std::uint32_t> listed;
  std::size_t entries = 0;  // (triangle, cell) pairs
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    if (!mask.empty() && !mask[t]) continue;
    const glm::vec3 &a = mesh.positions[mesh.indices[3 * t]], &b = mesh.positions[mesh.indices[3 * t + 1]],
                    &c = mesh.positions[mesh.indices[3 * t + 2]];
    const glm::ivec3 lo(glm::floor((glm::min(a, glm::min(b, c)) - margin_mm) * inverse_cell_));
    const glm::ivec3 hi(glm::floor((glm::max(a, glm::max(b, c)) + margin_mm) * inverse_cell_));
    const glm::ivec3 span = hi - lo + 1;
    if (span.x > 64 || span.y > 64 || span.z > 64) continue;  // a triangle metres long: left to the vertex search
    low.push_back(lo), high.push_back(hi), listed.push_back(std::uint32_t(t));
    entries += std::size_t(span.x) * std::size_t(span.y) * std::size_t(span.z);
  }
  // Cells are far fewer than entries (neighbouring triangles share them); the table doubles
  // whenever it is half full.
  slots_.resize(std::bit_ceil(std::max<std::size_t>(64, entries / 4)));
  mask_ = slots_.size() - 1;
  std::size_t used = 0;
  auto each_cell = [&](std::size_t i, auto&& visit) {
    for (int z = low[i].z; z <= high[i].z; ++z)
      for (int y = low[i].y; y <= high[i].y; ++y)
        for (int x = low[i].x; x <= high[i].x; ++x) {
          const std::uint64_t key = key_of({x, y, z});
          Slot* slot = slot_for(key);
          if (slot->key == 0) {
            if (2 * ++used > slots_.size()) grow(), slot = slot_for(key);
            slot->key = key;
          }
          visit(*slot);
        }
  };
  for (std::size_t i = 0; i < listed.size(); ++i) each_cell(i, [](Slot& slot) { ++slot.end; });  // counts
  std::uint32_t at = 0;
  for (Slot& slot : slots_)
    if (slot.key != 0) slot.begin = at, at += slot.end, slot.end = slot.begin;  // end: where the next goes
  triangles_.resize(at);
  for (std::size_t i = 0; i < listed.size(); ++i) each_cell(i, [&](Slot& slot) { triangles_[slot.end++] = listed[i]; });
}

TriangleGrid::Range TriangleGrid::near(glm::vec3 p) const {
  const Slot* slot = find(key_of(glm::ivec3(glm::floor(p * inverse_cell_))));
  if (!slot) return {};
  return {triangles_.data() + slot->begin, triangles_.data() + slot->end};
}

}  // namespace smp
