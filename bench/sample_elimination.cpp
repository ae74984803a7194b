#include "bench/sample_elimination.h"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "core/random.h"

namespace smp {
namespace {

// The paper's choices: five candidates per point kept, weight (1 - d / d_max)^8 (alpha 8), and distances
// below d_min counted as d_min ("weight limiting", beta 0.65, gamma 1.5), so that the few very
// close pairs of random candidates do not decide everything.
constexpr std::size_t kCandidatesPerPoint = 5;
constexpr double kBeta = 0.65, kGamma = 1.5;

// Uniform random points over the surface: a triangle by area, then a uniform point in it.
std::vector<glm::vec3> uniform_points(const Mesh& mesh, std::size_t count, Random& random, double& area) {
  std::vector<double> cumulative;
  cumulative.reserve(mesh.triangle_count());
  area = 0.0;
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    const glm::vec3 &a = mesh.positions[mesh.indices[3 * t]], &b = mesh.positions[mesh.indices[3 * t + 1]],
                    &c = mesh.positions[mesh.indices[3 * t + 2]];
    area += 0.5 * double(glm::length(glm::cross(b - a, c - a)));
    cumulative.push_back(area);
  }
  std::vector<glm::vec3> points(area > 0.0 ? count : 0);
  for (glm::vec3& p : points) {
    const std::size_t t = std::size_t(std::upper_bound(cumulative.begin(), cumulative.end() - 1, random.uniform() * area) - cumulative.begin());
    const glm::vec3 &a = mesh.positions[mesh.indices[3 * t]], &b = mesh.positions[mesh.indices[3 * t + 1]],
                    &c = mesh.positions[mesh.indices[3 * t + 2]];
    float u = float(random.uniform()), v = float(random.uniform());
    if (u + v > 1.0f) u = 1.0f - u, v = 1.0f - v;
    p = a + u * (b - a) + v * (c - a);
  }
  return points;
}

// Every point's neighbours within `reach` (not itself), as one list with offsets. The points are
// first put in order of cells `reach` wide (as a k-d tree's build would order them): each then
// reads the 27 cells around its own, and neighbours near in space are near in memory.
struct Neighbours {
  std::vector<std::uint32_t> offset, index;
};

Neighbours sort_and_find_neighbours(std::vector<glm::vec3>& points, float reach) {
  auto cell_of = [&](glm::vec3 p) { return glm::ivec3(glm::floor(p / reach)); };
  auto key_of = [](glm::ivec3 c) {
    return (std::uint64_t(std::uint32_t(c.x) & 0x1FFFFF) << 42) | (std::uint64_t(std::uint32_t(c.y) & 0x1FFFFF) << 21) |
           std::uint64_t(std::uint32_t(c.z) & 0x1FFFFF);
  };
  std::vector<std::pair<std::uint64_t, glm::vec3>> by_cell(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) by_cell[i] = std::pair(key_of(cell_of(points[i])), points[i]);
  std::sort(by_cell.begin(), by_cell.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < points.size(); ++i) points[i] = by_cell[i].second;
  // Open addressing from a cell's key to its run of points.
  struct Slot {
    std::uint64_t key = ~0ull;
    std::uint32_t begin = 0, end = 0;
  };
  std::size_t capacity = 16;
  while (capacity < 2 * points.size()) capacity *= 2;
  std::vector<Slot> table(capacity);
  auto slot_of = [&](std::uint64_t key) -> Slot& {
    std::size_t s = std::size_t((key * 0x9E3779B97F4A7C15ull) >> 20) & (capacity - 1);
    while (table[s].key != ~0ull && table[s].key != key) s = (s + 1) & (capacity - 1);
    return table[s];
  };
  for (std::uint32_t k = 0; k < by_cell.size();) {
    std::uint32_t end = k;
    while (end < by_cell.size() && by_cell[end].first == by_cell[k].first) ++end;
    slot_of(by_cell[k].first) = Slot{by_cell[k].first, k, end};
    k = end;
  }
  Neighbours found;
  found.offset.assign(points.size() + 1, 0);
  found.index.reserve(points.size() * 20);
  const float reach2 = reach * reach;
  for (std::uint32_t i = 0; i < points.size(); ++i) {
    found.offset[i] = std::uint32_t(found.index.size());
    const glm::ivec3 c = cell_of(points[i]);
    for (int dx = -1; dx <= 1; ++dx)
      for (int dy = -1; dy <= 1; ++dy)
        for (int dz = -1; dz <= 1; ++dz) {
          const Slot& slot = slot_of(key_of(c + glm::ivec3(dx, dy, dz)));
          for (std::uint32_t j = slot.begin; j < slot.end; ++j) {
            const glm::vec3 d = points[j] - points[i];
            if (j != i && glm::dot(d, d) < reach2) found.index.push_back(j);
          }
        }
  }
  found.offset[points.size()] = std::uint32_t(found.index.size());
  return found;
}

// A max-heap of points by weight that knows where each point is, so a lowered weight can sink.
class WeightHeap {
 public:
  explicit WeightHeap(const std::vector<double>& weight) : weight_(weight), heap_(weight.size()), where_(weight.size()) {
    for (std::uint32_t i = 0; i < heap_.size(); ++i) heap_[i] = i, where_[i] = i;
    for (std::size_t k = heap_.size() / 2; k-- > 0;) sink(k);
  }
  std::size_t size() const { return heap_.size(); }
  std::uint32_t pop() {
    const std::uint32_t top = heap_[0];
    place(0, heap_.back());
    heap_.pop_back();
    if (!heap_.empty()) sink(0);
    where_[top] = kGone;
    return top;
  }
  bool holds(std::uint32_t i) const { return where_[i] != kGone; }
  void lowered(std::uint32_t i) { sink(where_[i]); }  // weight[i] has just fallen

 private:
  static constexpr std::uint32_t kGone = ~0u;
  void place(std::size_t k, std::uint32_t i) { heap_[k] = i, where_[i] = std::uint32_t(k); }
  void sink(std::size_t k) {
    const std::uint32_t i = heap_[k];
    for (;;) {
      std::size_t child = 2 * k + 1;
      if (child >= heap_.size()) break;
      if (child + 1 < heap_.size() && weight_[heap_[child + 1]] > weight_[heap_[child]]) ++child;
      if (weight_[heap_[child]] <= weight_[i]) break;
      place(k, heap_[child]);
      k = child;
    }
    place(k, i);
  }
  const std::vector<double>& weight_;
  std::vector<std::uint32_t> heap_, where_;
};

}  // namespace

std::vector<glm::vec3> eliminate_samples(const Mesh& mesh, std::size_t count, std::uint64_t seed) {
  Random random(seed);
  double area = 0.0;
  std::vector<glm::vec3> candidates = uniform_points(mesh, kCandidatesPerPoint * count, random, area);
  if (candidates.size() <= count) return candidates;
  // The largest spacing `count` points can keep on this area (a hexagonal packing's), and the
  // weight limit below it.
  const double d_max = 2.0 * std::sqrt(area / (2.0 * std::sqrt(3.0) * double(count)));
  const double d_min = d_max * (1.0 - std::pow(double(count) / double(candidates.size()), kGamma)) * kBeta;
  auto weight_of = [&](std::uint32_t i, std::uint32_t j) {
    const double d = std::max(d_min, double(glm::distance(candidates[i], candidates[j])));
    const double t = 1.0 - std::min(d, d_max) / d_max, t2 = t * t, t4 = t2 * t2;
    return t4 * t4;
  };
  const Neighbours near = sort_and_find_neighbours(candidates, float(d_max));
  std::vector<double> weight(candidates.size(), 0.0);
  for (std::uint32_t i = 0; i < candidates.size(); ++i)
    for (std::uint32_t k = near.offset[i]; k < near.offset[i + 1]; ++k) weight[i] += weight_of(i, near.index[k]);
  WeightHeap heap(weight);
  while (heap.size() > count) {
    const std::uint32_t gone = heap.pop();
    for (std::uint32_t k = near.offset[gone]; k < near.offset[gone + 1]; ++k)
      if (const std::uint32_t j = near.index[k]; heap.holds(j)) {
        weight[j] -= weight_of(gone, j);
        heap.lowered(j);
      }
  }
  std::vector<glm::vec3> kept;
  kept.reserve(count);
  for (std::uint32_t i = 0; i < candidates.size(); ++i)
    if (heap.holds(i)) kept.push_back(candidates[i]);
  return kept;
}

}  // namespace smp
