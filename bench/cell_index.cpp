#include "bench/cell_index.h"

#include <algorithm>

namespace smp {

CellIndex::CellIndex(std::vector<glm::vec3>& points, float width) : points_(&points), inverse_width_(1.0f / width) {
  std::vector<std::pair<std::uint64_t, glm::vec3>> by_cell(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) by_cell[i] = std::pair(key_of(cell_of(points[i])), points[i]);
  std::sort(by_cell.begin(), by_cell.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < points.size(); ++i) points[i] = by_cell[i].second;
  std::size_t capacity = 16;
  while (capacity < 2 * points.size()) capacity *= 2;
  table_.resize(capacity);
  for (std::uint32_t k = 0; k < by_cell.size();) {
    std::uint32_t end = k;
    while (end < by_cell.size() && by_cell[end].first == by_cell[k].first) ++end;
    table_[find(by_cell[k].first)] = Slot{by_cell[k].first, k, end};
    k = end;
  }
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> CellIndex::runs() const {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> found;
  for (const Slot& slot : table_)
    if (slot.key != ~0ull) found.emplace_back(slot.begin, slot.end);
  return found;
}

}  // namespace smp
