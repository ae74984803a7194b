#pragma once
// Work shared with the other core: this program's machines (and the one it is measured on) have
// two cores, and the renderer, when running, takes its own. One helper thread lives as long as the
// program and takes the work, watching for the next piece a moment before it sleeps: on this
// machine a new thread began 0.2 ms after it was made (1.5 ms one time in ten) and a sleeping one
// woke 0.05-1 ms after it was called, against 1-2 us for one watching. The dot pool hands over work
// about fifty times a build, a re-selection five times. With a new thread each time, in one process
// against this (an identical copy in brackets): the 200k sphere's pool 1.01-1.20x the time, median
// of six runs 1.07x (1.00-1.02x); the 1M sphere's re-selection on a slope 1.01-1.07x (0.97-0.99x).
#include <cstddef>
#include <functional>
#include <thread>

namespace smp {

// `task` run on the other core, from construction until join() (or destruction). Where the helper
// is already busy (work handed over from within work, or from two threads at once), on a thread of
// its own, as before the helper.
class OnOtherCore {
 public:
  explicit OnOtherCore(std::function<void()> task);
  ~OnOtherCore() { join(); }
  OnOtherCore(const OnOtherCore&) = delete;
  OnOtherCore& operator=(const OnOtherCore&) = delete;

  // Returns once the task is done.
  void join();

 private:
  std::function<void()> task_;
  std::thread own_;       // where the helper was busy
  bool joined_ = false;
};

// Calls range(begin, end) for [0, n/2) on the other core and [n/2, n) on this one; returns when
// both are done. `range` must only write what belongs to its own indices.
template <class Range>
void on_both_cores(std::size_t n, const Range& range) {
  OnOtherCore lower([&] { range(std::size_t(0), n / 2); });
  range(n / 2, n);
  lower.join();
}

}  // namespace smp
