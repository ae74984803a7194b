#pragma once
// Points in 3D bucketed by cells of a fixed size, for "is anything within r of here?" queries.
// Open addressing with a fixed capacity per cell: a well-spread set has at most a few points per
// cell of its own spacing, so one cell is a few contiguous indices.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <glm/vec3.hpp>

namespace smp {

class SpatialHash {
 public:
  // Cells are `2 * radius` wide for queries up to `radius`.
  SpatialHash(float radius, std::size_t expected_points);

  void insert(std::uint32_t id, glm::vec3 p);
  // The nearest stored point within `radius` (at most half the cell size) of p, other than
  // `exclude`: its id and squared distance. Returns false when there is none. With cells twice the
  // radius, only the 2x2x2 cells on p's side of its own cell can hold such a point.
  // `positions` is indexed by id.
  bool nearest_within(glm::vec3 p, float radius, const std::vector<glm::vec3>& positions, std::uint32_t& id,
                      float& distance2, std::uint32_t exclude = UINT32_MAX) const;
  // Whether any stored point lies within `radius` of p: stops at the first.
  bool any_within(glm::vec3 p, float radius, const std::vector<glm::vec3>& positions) const;

 private:
  static constexpr int kCapacity = 8;
  struct Cell {
    std::int64_t key = kEmpty;
    std::uint8_t count = 0;
    std::uint32_t ids[kCapacity];
  };
  static constexpr std::int64_t kEmpty = INT64_MIN;

  std::int64_t key_of(int x, int y, int z) const;
  const Cell* find(std::int64_t key) const;
  Cell& find_or_add(std::int64_t key);

  float inverse_cell_;
  std::vector<Cell> cells_;
  std::size_t mask_;
  // Ids that did not fit their cell, by cell key: rare for well-spread sets, common for denser
  // data (mesh vertices), and never scanned whole.
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> overflow_;
};

}  // namespace smp
