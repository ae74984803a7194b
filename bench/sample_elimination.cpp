#include "bench/sample_elimination.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

#include "bench/cell_index.h"
#include "bench/random_surface_points.h"

namespace smp {
namespace {

// The paper's choices: five candidates per point kept, weight (1 - d / d_max)^8 (alpha 8), and
// distances below d_min counted as d_min ("weight limiting", beta 0.65, gamma 1.5), so that the
// few very close pairs of random candidates do not decide everything.
constexpr std::size_t kCandidatesPerPoint = 5;
constexpr double kBeta = 0.65, kGamma = 1.5;

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
  std::vector<glm::vec3> candidates = random_surface_points(mesh, kCandidatesPerPoint * count, random, area);
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
  // Every candidate's neighbours within d_max, found once: each elimination lowers theirs.
  const CellIndex cells(candidates, float(d_max));
  std::vector<std::uint32_t> offset(candidates.size() + 1, 0), near;
  near.reserve(candidates.size() * 20);
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    offset[i] = std::uint32_t(near.size());
    cells.visit_within(candidates[i], float(d_max), [&](std::uint32_t j) {
      if (j != i) near.push_back(j);
    });
  }
  offset.back() = std::uint32_t(near.size());
  std::vector<double> weight(candidates.size(), 0.0);
  for (std::uint32_t i = 0; i < candidates.size(); ++i)
    for (std::uint32_t k = offset[i]; k < offset[i + 1]; ++k) weight[i] += weight_of(i, near[k]);
  WeightHeap heap(weight);
  while (heap.size() > count) {
    const std::uint32_t gone = heap.pop();
    for (std::uint32_t k = offset[gone]; k < offset[gone + 1]; ++k)
      if (const std::uint32_t j = near[k]; heap.holds(j)) {
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
