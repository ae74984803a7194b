#pragma once
// Work over [0, n) split in two halves, one on another thread: this program's machines (and the
// one it is measured on) have two cores, and the renderer, when running, takes its own.
#include <cstddef>
#include <thread>

namespace smp {

// Calls range(begin, end) for [0, n/2) on a new thread and [n/2, n) on this one; returns when
// both are done. `range` must only write what belongs to its own indices.
template <class Range>
void on_both_cores(std::size_t n, const Range& range) {
  std::thread lower(range, std::size_t(0), n / 2);
  range(n / 2, n);
  lower.join();
}

}  // namespace smp
