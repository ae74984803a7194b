#include "dots/pool_neighbours.h"

#include <algorithm>
#include <array>
#include <bit>

#include "core/both_cores.h"
#include "dots/cell_order.h"
#include "dots/spacing_metrics.h"

namespace smp {

PoolNeighbours::PoolNeighbours(const DotPool& pool) {
  const std::size_t n = pool.size();
  nearest_.assign(n * kCount, kNone);
  order_.resize(n), place_.resize(n), positions_.resize(n), ranks_.resize(n);
  auto rank_of = [&](std::uint32_t i) { return i < pool.rank.size() ? pool.rank[i] : 1.0f; };  // unranked: never kept
  for (std::uint32_t i = 0; i < n; ++i) order_[i] = place_[i] = i, positions_[i] = pool.positions[i], ranks_[i] = rank_of(i);
  if (n < 2 || !(pool.density_per_cm2 > 0.0)) return;
  spacing_mm_ = float(hex_spacing_mm(pool.density_per_cm2 / 100.0));
  const float cell = layout_cell_mm(pool.density_per_cm2), per_mm = 1.0f / cell;
  auto cell_of = [&](glm::vec3 p) { return layout_cell(p, per_mm); };
  const std::uint32_t near2_bits = std::bit_cast<std::uint32_t>((2.2f * spacing_mm_) * (2.2f * spacing_mm_));
  // That is the order the dots are held in (a pool from build_dot_pool already is).
  const std::vector<std::uint32_t> by_cell = cell_order(pool.positions, cell);
  in_pool_order_ = true;
  for (std::uint32_t k = 0; k < n; ++k) {
    order_[k] = by_cell[k];
    place_[order_[k]] = k;
    positions_[k] = pool.positions[order_[k]];
    ranks_[k] = rank_of(order_[k]);
    in_pool_order_ &= order_[k] == k;
  }
  // The occupied cells, in key order, and the place where each one's dots start.
  cell_per_mm_ = per_mm;
  std::vector<std::uint64_t>& keys = cell_keys_;
  std::vector<std::uint32_t>& starts = cell_starts_;
  for (std::uint32_t k = 0; k < n; ++k)
    if (const std::uint64_t key = cell_key(cell_of(positions_[k])); keys.empty() || key != keys.back()) keys.push_back(key), starts.push_back(k);
  starts.push_back(std::uint32_t(n));

  // Cell by cell, in key order. The cells around one lie in nine rows of three along x, each a run
  // of keys; as the cell's key grows so does each row's, so nine cursors walk forward through the
  // keys and no cell is ever searched for (hashed, 27 lookups a cell took a quarter of the time).
  on_both_cores(keys.size(), [&](std::size_t first_cell, std::size_t end_cell) {
    std::array<std::size_t, 9> cursor{};
    bool placed = false;  // the cursors, on this thread's first cell
    std::vector<std::uint32_t> around;
    std::vector<glm::vec3> around_at;
    std::vector<std::uint64_t> candidates;
    for (std::size_t c = first_cell; c < end_cell; ++c) {
      const glm::ivec3 home = cell_of(positions_[starts[c]]);
      around.clear(), around_at.clear();
      for (int row = 0; row < 9; ++row) {
        const glm::ivec3 first = home + glm::ivec3(-1, row % 3 - 1, row / 3 - 1);
        const std::uint64_t low = cell_key(first), high = cell_key(first + glm::ivec3(2, 0, 0));
        std::size_t& at = cursor[std::size_t(row)];
        if (!placed) at = std::size_t(std::lower_bound(keys.begin(), keys.end(), low) - keys.begin());
        while (at < keys.size() && keys[at] < low) ++at;
        for (std::size_t m = at; m < keys.size() && keys[m] <= high; ++m)
          for (std::size_t k = starts[m]; k < starts[m + 1]; ++k) around.push_back(std::uint32_t(k)), around_at.push_back(positions_[k]);
      }
      placed = true;
      candidates.resize(around.size());
      for (std::size_t k = starts[c]; k < starts[c + 1]; ++k) {
        const std::uint32_t i = std::uint32_t(k);
        const glm::vec3 p = positions_[k];
        // The nearest kCount: a well-spread set's lie within 2.2 spacings (about 17 of the 47 or
        // so around), so only those are sorted, unless too few are there. Each as one number,
        // the distance's bits over the index: a positive float's bits order as the float does.
        std::size_t count = 0;
        for (std::uint32_t limit : {near2_bits, UINT32_MAX}) {
          count = 0;
          for (std::size_t m = 0; m < around.size(); ++m) {
            const glm::vec3 d = around_at[m] - p;
            const std::uint32_t bits = std::bit_cast<std::uint32_t>(glm::dot(d, d));
            candidates[count] = std::uint64_t(bits) << 32 | around[m];
            count += bits < limit && around[m] != i;
          }
          if (count >= kCount) break;
        }
        std::sort(candidates.begin(), candidates.begin() + std::ptrdiff_t(count));
        count = std::min(count, kCount);
        for (std::size_t m = 0; m < count; ++m) nearest_[std::size_t(i) * kCount + m] = std::uint32_t(candidates[m]);
      }
    }
  });
}

}  // namespace smp
