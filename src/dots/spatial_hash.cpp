#include "dots/spatial_hash.h"

#include <bit>
#include <cmath>

#include <glm/geometric.hpp>

namespace smp {

SpatialHash::SpatialHash(float radius, std::size_t expected_points) : inverse_cell_(0.5f / radius) {
  // A surface set at its own spacing puts a few points in each cell twice that wide. Most queried
  // cells are empty, and a miss probes until it meets an empty slot: a sparse table keeps that short.
  const std::size_t size = std::bit_ceil(std::max<std::size_t>(64, expected_points * 4));
  cells_.resize(size);
  mask_ = size - 1;
}

std::int64_t SpatialHash::key_of(int x, int y, int z) const {
  return (std::int64_t(x & 0x1FFFFF) << 42) | (std::int64_t(y & 0x1FFFFF) << 21) | std::int64_t(z & 0x1FFFFF);
}

const SpatialHash::Cell* SpatialHash::find(std::int64_t key) const {
  std::size_t i = std::size_t(std::uint64_t(key) * 0x9E3779B97F4A7C15ull >> 20) & mask_;
  while (true) {
    const Cell& c = cells_[i];
    if (c.key == key) return &c;
    if (c.key == kEmpty) return nullptr;
    i = (i + 1) & mask_;
  }
}

SpatialHash::Cell& SpatialHash::find_or_add(std::int64_t key) {
  std::size_t i = std::size_t(std::uint64_t(key) * 0x9E3779B97F4A7C15ull >> 20) & mask_;
  while (true) {
    Cell& c = cells_[i];
    if (c.key == key) return c;
    if (c.key == kEmpty) {
      c.key = key;
      return c;
    }
    i = (i + 1) & mask_;
  }
}

void SpatialHash::insert(std::uint32_t id, glm::vec3 p) {
  const glm::ivec3 c(glm::floor(p * inverse_cell_));
  const std::int64_t key = key_of(c.x, c.y, c.z);
  Cell& cell = find_or_add(key);
  if (cell.count < kCapacity) cell.ids[cell.count++] = id;
  else overflow_[key].push_back(id);
}

bool SpatialHash::nearest_within(glm::vec3 p, float radius, const std::vector<glm::vec3>& positions, std::uint32_t& id,
                                 float& distance2, std::uint32_t exclude) const {
  const glm::vec3 scaled = p * inverse_cell_;
  const glm::ivec3 c(glm::floor(scaled));
  // The lower neighbour in each axis when p is in the lower half of its cell, else the upper one.
  const glm::ivec3 side(scaled.x - float(c.x) < 0.5f ? -1 : 1, scaled.y - float(c.y) < 0.5f ? -1 : 1,
                        scaled.z - float(c.z) < 0.5f ? -1 : 1);
  float best = radius * radius;
  bool found = false;
  auto consider = [&](std::uint32_t candidate, const glm::vec3& q) {
    if (candidate == exclude) return;
    const glm::vec3 d = q - p;
    const float d2 = glm::dot(d, d);
    if (d2 < best) best = d2, id = candidate, found = true;
  };
  for (int dz = 0; dz <= 1; ++dz)
    for (int dy = 0; dy <= 1; ++dy)
      for (int dx = 0; dx <= 1; ++dx)
        if (const std::int64_t key = key_of(c.x + dx * side.x, c.y + dy * side.y, c.z + dz * side.z); const Cell* cell = find(key)) {
          for (int k = 0; k < cell->count; ++k) consider(cell->ids[k], positions[cell->ids[k]]);
          if (cell->count == kCapacity && !overflow_.empty())
            if (const auto more = overflow_.find(key); more != overflow_.end())
              for (std::uint32_t o : more->second) consider(o, positions[o]);
        }
  distance2 = best;
  return found;
}

bool SpatialHash::any_within(glm::vec3 p, float radius, const std::vector<glm::vec3>& positions) const {
  const glm::vec3 scaled = p * inverse_cell_;
  const glm::ivec3 c(glm::floor(scaled));
  const glm::ivec3 side(scaled.x - float(c.x) < 0.5f ? -1 : 1, scaled.y - float(c.y) < 0.5f ? -1 : 1,
                        scaled.z - float(c.z) < 0.5f ? -1 : 1);
  const float r2 = radius * radius;
  for (int dz = 0; dz <= 1; ++dz)
    for (int dy = 0; dy <= 1; ++dy)
      for (int dx = 0; dx <= 1; ++dx) {
        const std::int64_t key = key_of(c.x + dx * side.x, c.y + dy * side.y, c.z + dz * side.z);
        const Cell* cell = find(key);
        if (!cell) continue;
        for (int k = 0; k < cell->count; ++k) {
          const glm::vec3 d = positions[cell->ids[k]] - p;
          if (glm::dot(d, d) < r2) return true;
        }
        if (cell->count == kCapacity && !overflow_.empty())
          if (const auto more = overflow_.find(key); more != overflow_.end())
            for (std::uint32_t o : more->second) {
              const glm::vec3 d = positions[o] - p;
              if (glm::dot(d, d) < r2) return true;
            }
      }
  return false;
}

}  // namespace smp
