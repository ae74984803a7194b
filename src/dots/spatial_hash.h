#pragma once
// Points in 3D bucketed by cells of a fixed size, for "is anything within r of here?" queries.
// Open addressing with a fixed capacity per cell: a well-spread set has at most a few points per
// cell of its own spacing, so one cell is a few contiguous indices. Cells are placed in the table
// by their Morton code, so cells near in space sit near in memory: queries made in spatial order
// (as the dot pool makes them) stay in cache.
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
  // Whether any stored point lies within `radius` of p: stops at the first, whose id it gives.
  bool any_within(glm::vec3 p, float radius, const std::vector<glm::vec3>& positions) const {
    std::uint32_t unused;
    return first_within(p, radius, positions, unused);
  }
  bool first_within(glm::vec3 p, float radius, const std::vector<glm::vec3>& positions, std::uint32_t& id) const;

 private:
  // Positions are kept beside the ids: a query reads one cell's memory, not the caller's array.
  static constexpr int kCapacity = 7;
  struct Cell {
    std::uint32_t count = 0;  // points in the cell: past kCapacity the rest are in overflow_
    std::uint32_t ids[kCapacity];
  };
  struct Slot {
    std::uint64_t key = 0;  // the cell's Morton code, kEmpty where free
    std::uint32_t cell = 0;  // index into cells_
  };
  static constexpr std::uint64_t kEmpty = 0;  // keys carry a set top bit, so no key is 0

  struct Neighbourhood {
    std::uint64_t keys[8];
  };
  Neighbourhood neighbourhood(glm::vec3 p) const;
  const Cell* find(std::uint64_t key) const;
  Cell& find_or_add(std::uint64_t key);
  template <class Visit>
  bool visit_near(glm::vec3 p, const std::vector<glm::vec3>& positions, const Visit& visit) const;

  float inverse_cell_;
  std::vector<Slot> slots_;  // open addressing over Morton codes
  std::vector<Cell> cells_;  // in the order cells were first used
  std::size_t mask_;
  // Ids that did not fit their cell, by cell key: rare for well-spread sets, common for denser
  // data (mesh vertices), and never scanned whole.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> overflow_;
};

}  // namespace smp
