#pragma once
// Points put in order of the cubic cell (of a given width) each lies in, with a table from a cell
// to its run of points, for "every point within r of here" with r up to the width. Ordering the
// points themselves (as a k-d tree's build does) keeps a query's points near in memory; the
// reference samplers would otherwise wait on cache misses, and their times would flatter the pool.
#include <cstdint>
#include <vector>

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

namespace smp {

class CellIndex {
 public:
  // Reorders `points` by cell (the index refers to them in their new order).
  CellIndex(std::vector<glm::vec3>& points, float width);

  // Calls visit(j) for every point j within `reach` (at most the width) of p, p itself included.
  template <class Visit>
  void visit_within(glm::vec3 p, float reach, const Visit& visit) const {
    const glm::ivec3 c = cell_of(p);
    const float reach2 = reach * reach;
    for (int dx = -1; dx <= 1; ++dx)
      for (int dy = -1; dy <= 1; ++dy)
        for (int dz = -1; dz <= 1; ++dz) {
          const Slot& slot = table_[find(key_of(c + glm::ivec3(dx, dy, dz)))];
          for (std::uint32_t j = slot.begin; j < slot.end; ++j) {
            const glm::vec3 d = (*points_)[j] - p;
            if (glm::dot(d, d) < reach2) visit(j);
          }
        }
  }
  // The cells in use, each as its run of points [begin, end).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> runs() const;

 private:
  struct Slot {
    std::uint64_t key = ~0ull;  // ~0: free
    std::uint32_t begin = 0, end = 0;
  };
  glm::ivec3 cell_of(glm::vec3 p) const { return glm::ivec3(glm::floor(p * inverse_width_)); }
  static std::uint64_t key_of(glm::ivec3 c) {
    return (std::uint64_t(std::uint32_t(c.x) & 0x1FFFFF) << 42) | (std::uint64_t(std::uint32_t(c.y) & 0x1FFFFF) << 21) |
           std::uint64_t(std::uint32_t(c.z) & 0x1FFFFF);
  }
  // The slot holding `key`, or the free one where it would go.
  std::size_t find(std::uint64_t key) const {
    std::size_t s = std::size_t((key * 0x9E3779B97F4A7C15ull) >> 20) & (table_.size() - 1);
    while (table_[s].key != ~0ull && table_[s].key != key) s = (s + 1) & (table_.size() - 1);
    return s;
  }

  const std::vector<glm::vec3>* points_;
  float inverse_width_;
  std::vector<Slot> table_;  // open addressing, a power of two long
};

}  // namespace smp
