#pragma once
// Each pool dot's nearest other dots, found once per pool: what a design's density slope is read
// from between neighbouring dots (slope_easing.h), and how the dots around one are found without
// a spatial search each time the design changes. The dots are held cell by cell through space
// (cell_order.h), so that the dots around one lie near it in memory too: read in the order the
// pool was made (coarse levels first, each spread over the whole head), easing a million dots'
// shares took 75-100 ms instead of 10-17 ms. Pools are now laid out so themselves.
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include "dots/cell_order.h"
#include "dots/dot_pool.h"

namespace smp {

class PoolNeighbours {
 public:
  // Twelve: a hexagonal packing's first two rings. With eight, a dot's steepest neighbour was
  // sometimes the ninth to twelfth nearest (the head's graded spread 0.7495 in one draw of five).
  static constexpr std::size_t kCount = 12;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  PoolNeighbours() = default;
  // Built on both cores; about 75 bytes per dot.
  explicit PoolNeighbours(const DotPool& pool);

  std::size_t size() const { return order_.size(); }
  float spacing_mm() const { return spacing_mm_; }  // the pool's hexagonal spacing

  // The pool index of the dot at each place of this order, and the place of pool dot i.
  std::span<const std::uint32_t> order() const { return order_; }
  std::uint32_t place_of(std::uint32_t i) const { return place_[i]; }
  // Whether each dot's place is its pool index (as for every pool build_dot_pool makes): then a
  // value per pool dot is already one per place.
  bool in_pool_order() const { return in_pool_order_; }
  glm::vec3 position(std::uint32_t place) const { return positions_[place]; }
  std::span<const float> ranks() const { return ranks_; }  // the pool's rank of each place
  // The places of the dot at `place`'s nearest others, nearest first (fewer where the pool has
  // fewer within two spacings).
  std::span<const std::uint32_t> around(std::uint32_t place) const {
    const std::uint32_t* first = &nearest_[std::size_t(place) * kCount];
    std::size_t count = kCount;
    while (count > 0 && first[count - 1] == kNone) --count;
    return {first, count};
  }

  // Asks for the list of the dot at `place` ahead of reading it: a pass over some of the dots
  // (those whose eased share decides, those checked for room) otherwise waits on each list.
  void prefetch(std::uint32_t place) const {
    const std::uint32_t* first = nearest_.data() + std::size_t(place) * kCount;
    __builtin_prefetch(first), __builtin_prefetch(first + kCount - 1);
  }

  // Calls visit(k, distance2) for the place k of every dot within `reach` mm of the dot at `place`
  // (not that one): within the furthest of its twelve nearest, from the list; further, from the
  // cells the dots are held in (each a run of places), row by row along x through the box round
  // it. Walking from neighbour to neighbour instead took 3-4 times as long at five spacings.
  // distance2: the squared distance, mm2.
  template <class Visit>
  void visit_within(std::uint32_t place, float reach, const Visit& visit) const;

 private:
  std::vector<std::uint32_t> order_, place_;
  std::vector<glm::vec3> positions_;    // by place
  std::vector<float> ranks_;            // by place
  std::vector<std::uint32_t> nearest_;  // kCount places per place, kNone past the last
  // The cells the dots are held in, by key (z, then y, then x), and the place each one's dots
  // start at (one more: the end).
  std::vector<std::uint64_t> cell_keys_;
  std::vector<std::uint32_t> cell_starts_;
  float cell_per_mm_ = 0.0f;  // the one the keys were made with (recomputed, it could round otherwise)
  float spacing_mm_ = 0.0f;
  bool in_pool_order_ = true;

  // A cell's three coordinates, 21 bits each: keys order as cells do, z first.
  static std::uint64_t cell_key(glm::ivec3 c) {
    constexpr int kOffset = 1 << 20;
    auto bits = [](int v) { return std::uint64_t(std::uint32_t(v + kOffset) & 0x1FFFFF); };
    return bits(c.x) | bits(c.y) << 21 | bits(c.z) << 42;
  }
};

template <class Visit>
void PoolNeighbours::visit_within(std::uint32_t place, float reach, const Visit& visit) const {
  const glm::vec3 centre = positions_[place];
  const float reach2 = reach * reach;
  auto distance2 = [&](std::uint32_t k) { return glm::dot(positions_[k] - centre, positions_[k] - centre); };
  if (const auto listed = around(place); listed.size() == kCount && distance2(listed.back()) >= reach2) {
    for (std::uint32_t k : listed)
      if (const float d2 = distance2(k); d2 <= reach2) visit(k, d2);
    return;
  }
  if (cell_keys_.empty()) return;
  // In cells: a row of the box is skipped where all of it lies further than the reach (with a
  // hair to spare for rounding: a dot's cell was found from its own coordinates the same way).
  const glm::vec3 scaled = centre * cell_per_mm_;
  const float reach_cells2 = reach2 * cell_per_mm_ * cell_per_mm_ * 1.0001f;
  auto gap = [](int cell, float at) { return std::max({float(cell) - at, at - float(cell + 1), 0.0f}); };
  const glm::ivec3 low = layout_cell(centre - glm::vec3(reach), cell_per_mm_), high = layout_cell(centre + glm::vec3(reach), cell_per_mm_);
  std::size_t at = cell_keys_.size();  // the first cell of the row, searched for once a slab of z
  for (int z = low.z; z <= high.z; ++z) {
    const float gz = gap(z, scaled.z);
    if (gz * gz > reach_cells2) continue;
    bool searched = false;
    for (int y = low.y; y <= high.y; ++y) {
      const float gy = gap(y, scaled.y);
      if (gz * gz + gy * gy > reach_cells2) continue;
      const std::uint64_t first = cell_key({low.x, y, z}), last = cell_key({high.x, y, z});
      // Within a slab the rows follow one another in key order, a few of the head's cells apart.
      if (!searched) at = std::size_t(std::lower_bound(cell_keys_.begin(), cell_keys_.end(), first) - cell_keys_.begin()), searched = true;
      while (at < cell_keys_.size() && cell_keys_[at] < first) ++at;
      for (std::size_t m = at; m < cell_keys_.size() && cell_keys_[m] <= last; ++m)
        for (std::uint32_t k = cell_starts_[m]; k < cell_starts_[m + 1]; ++k)
          if (const float d2 = distance2(k); d2 <= reach2 && k != place) visit(k, d2);
    }
  }
}

}  // namespace smp
