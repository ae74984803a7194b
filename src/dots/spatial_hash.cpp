#include "dots/spatial_hash.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include <glm/geometric.hpp>

#include "dots/morton.h"

namespace smp {
namespace {

constexpr std::uint64_t kOccupied = 1ull << 63;
constexpr int kOffset = 1 << 20;  // cell coordinates are shifted to be positive in 21 bits

std::uint64_t spread_bits(std::uint64_t v) { return morton_detail::spread(std::uint32_t(v)); }

}  // namespace

SpatialHash::SpatialHash(float radius, std::size_t expected_points) : inverse_cell_(0.5f / radius) {
  // A surface set at its own spacing puts a few points in each cell twice that wide; most queried
  // cells are empty, and a miss probes until it meets a free slot: a sparse table keeps that short.
  // A set at its own spacing holds about three points a cell, so slots outnumber used cells 3:1.
  const std::size_t size = std::bit_ceil(std::max<std::size_t>(64, expected_points));
  slots_.resize(2 * size);
  cells_.reserve(size / 2);
  mask_ = 2 * size - 1;
}

SpatialHash::Neighbourhood SpatialHash::neighbourhood(glm::vec3 p) const {
  const glm::vec3 scaled = p * inverse_cell_;
  const glm::vec3 floored = glm::floor(scaled);
  const glm::ivec3 c = glm::ivec3(floored) + kOffset;
  // The lower neighbour in each axis when p is in the lower half of its cell, else the upper one.
  const glm::vec3 within = scaled - floored;
  const glm::ivec3 other = c + glm::ivec3(within.x < 0.5f ? -1 : 1, within.y < 0.5f ? -1 : 1, within.z < 0.5f ? -1 : 1);
  const std::uint64_t x[2] = {spread_bits(std::uint64_t(c.x)), spread_bits(std::uint64_t(other.x))};
  const std::uint64_t y[2] = {spread_bits(std::uint64_t(c.y)) << 1, spread_bits(std::uint64_t(other.y)) << 1};
  const std::uint64_t z[2] = {spread_bits(std::uint64_t(c.z)) << 2, spread_bits(std::uint64_t(other.z)) << 2};
  Neighbourhood n;
  for (int k = 0; k < 8; ++k) n.keys[k] = x[k & 1] | y[(k >> 1) & 1] | z[k >> 2] | kOccupied;
  return n;
}

// The slot is the Morton code's low bits: neighbouring cells share most of them.
const SpatialHash::Cell* SpatialHash::find(std::uint64_t key) const {
  for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].key == key) return &cells_[slots_[i].cell];
    if (slots_[i].key == kEmpty) return nullptr;
  }
}

SpatialHash::Cell& SpatialHash::find_or_add(std::uint64_t key) {
  for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].key == key) return cells_[slots_[i].cell];
    if (slots_[i].key == kEmpty) {
      slots_[i] = {key, std::uint32_t(cells_.size())};
      return cells_.emplace_back();
    }
  }
}

void SpatialHash::insert(std::uint32_t id, glm::vec3 p) {
  const glm::ivec3 c = glm::ivec3(glm::floor(p * inverse_cell_)) + kOffset;
  const std::uint64_t key =
      spread_bits(std::uint64_t(c.x)) | spread_bits(std::uint64_t(c.y)) << 1 | spread_bits(std::uint64_t(c.z)) << 2 | kOccupied;
  Cell& cell = find_or_add(key);
  if (cell.count < kCapacity) cell.ids[cell.count] = id;
  else overflow_[key].push_back(id);
  ++cell.count;
}

// Calls visit(id, position) for every point stored in the cells that can hold points within half a cell of
// p, until it returns true.
template <class Visit>
bool SpatialHash::visit_near(glm::vec3 p, const std::vector<glm::vec3>& positions, const Visit& visit) const {
  const Neighbourhood n = neighbourhood(p);
  for (const std::uint64_t key : n.keys) {
    const Cell* cell = find(key);
    if (!cell) continue;
    for (std::uint32_t k = 0, stored = std::min<std::uint32_t>(cell->count, kCapacity); k < stored; ++k)
      if (visit(cell->ids[k], positions[cell->ids[k]])) return true;
    if (cell->count > kCapacity)
      for (std::uint32_t o : overflow_.at(key))
        if (visit(o, positions[o])) return true;
  }
  return false;
}

bool SpatialHash::nearest_within(glm::vec3 p, float radius, const std::vector<glm::vec3>& positions, std::uint32_t& id,
                                 float& distance2, std::uint32_t exclude) const {
  float best = radius * radius;
  bool found = false;
  visit_near(p, positions, [&](std::uint32_t candidate, const glm::vec3& q) {
    const glm::vec3 d = q - p;
    const float d2 = glm::dot(d, d);
    if (d2 < best && candidate != exclude) best = d2, id = candidate, found = true;
    return false;
  });
  distance2 = best;
  return found;
}

bool SpatialHash::first_within(glm::vec3 p, float radius, const std::vector<glm::vec3>& positions, std::uint32_t& id) const {
  const float r2 = radius * radius;
  return visit_near(p, positions, [&](std::uint32_t candidate, const glm::vec3& q) {
    const glm::vec3 d = q - p;
    return glm::dot(d, d) < r2 && (id = candidate, true);
  });
}

}  // namespace smp
