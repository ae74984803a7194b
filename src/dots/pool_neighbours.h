#pragma once
// Each pool dot's nearest other dots, found once per pool: what a design's density slope is read
// from between neighbouring dots (slope_easing.h), and how the dots around one are walked without
// a spatial search each time the design changes. The dots are held cell by cell through space
// (cell_order.h), so that the dots around one lie near it in memory too: read in the order the
// pool was made (coarse levels first, each spread over the whole head), easing a million dots'
// shares took 75-100 ms instead of 10-17 ms. Pools are now laid out so themselves.
#include <cstdint>
#include <span>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include "dots/dot_pool.h"

namespace smp {

class PoolNeighbours {
 public:
  // Twelve: a hexagonal packing's first two rings. With eight, a dot's steepest neighbour was
  // sometimes the ninth to twelfth nearest (the head's graded spread 0.7495 in one draw of five).
  static constexpr std::size_t kCount = 12;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  PoolNeighbours() = default;
  // Built on both cores; about 72 bytes per dot.
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

  // Scratch for visit_within, reused between calls: the dots walked through, and a table of them
  // (each entry stamped with the call it belongs to, so it is never cleared).
  struct Walk {
    std::vector<std::uint32_t> queue;
    std::vector<std::uint64_t> table;  // stamp << 32 | place
    std::uint32_t stamp = 0;
  };

  // Calls visit(k, distance2) for the place k of every dot within `reach` mm of the dot at `place`
  // (not that one), found by walking from neighbour to neighbour: in a well-spread pool every dot
  // near one is reached through dots near it. Walks through dots up to `reach` plus half the
  // pool's spacing, so a dot reached only round the rim is found too (a whole spacing walked
  // through a quarter to a third more dots at 3-5 spacings' reach, and found none more). The
  // work grows with the square of `reach` over the spacing; within the furthest of the twelve,
  // it is only the list.
  // distance2: the squared distance, mm2.
  template <class Visit>
  void visit_within(std::uint32_t place, float reach, Walk& walk, const Visit& visit) const;

 private:
  std::vector<std::uint32_t> order_, place_;
  std::vector<glm::vec3> positions_;    // by place
  std::vector<float> ranks_;            // by place
  std::vector<std::uint32_t> nearest_;  // kCount places per place, kNone past the last
  float spacing_mm_ = 0.0f;
  bool in_pool_order_ = true;
};

template <class Visit>
void PoolNeighbours::visit_within(std::uint32_t place, float reach, Walk& walk, const Visit& visit) const {
  const glm::vec3 centre = positions_[place];
  const float reach2 = reach * reach;
  auto distance2 = [&](std::uint32_t k) { return glm::dot(positions_[k] - centre, positions_[k] - centre); };
  if (const auto listed = around(place); listed.size() == kCount && distance2(listed.back()) >= reach2) {
    for (std::uint32_t k : listed)
      if (const float d2 = distance2(k); d2 <= reach2) visit(k, d2);
    return;
  }
  const float walked2 = (reach + 0.5f * spacing_mm_) * (reach + 0.5f * spacing_mm_);
  // Whether a dot was walked through is looked up in a hash table at least four times as big as
  // the walk: searching the list of them for every neighbour met took about a fifth of a sparse
  // plan's re-selection (each dot walked is met from several of its neighbours).
  if (++walk.stamp == 0) walk.table.assign(walk.table.size(), 0), walk.stamp = 1;  // stamps wrapped
  const std::uint64_t stamp = std::uint64_t(walk.stamp) << 32;
  auto fresh = [&](std::uint32_t k) {  // true the first time k is offered in this call
    const std::size_t mask = walk.table.size() - 1;
    for (std::size_t i = (k * 0x9E3779B9u) & mask;; i = (i + 1) & mask) {
      if (walk.table[i] == (stamp | k)) return false;
      if (walk.table[i] < stamp) {
        walk.table[i] = stamp | k;
        return true;
      }
    }
  };
  auto grow = [&](std::size_t slots) {
    walk.table.assign(slots, 0);
    for (std::uint32_t k : walk.queue) fresh(k);
  };
  if (walk.table.empty()) walk.table.assign(256, 0);
  walk.queue.assign(1, place);
  fresh(place);
  for (std::size_t next = 0; next < walk.queue.size(); ++next)
    for (std::uint32_t k : around(walk.queue[next])) {
      const float d2 = distance2(k);
      if (d2 > walked2 || !fresh(k)) continue;
      walk.queue.push_back(k);
      if (d2 <= reach2) visit(k, d2);
      if (4 * walk.queue.size() > walk.table.size()) grow(2 * walk.table.size());
    }
}

}  // namespace smp
