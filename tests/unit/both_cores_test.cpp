#include "core/both_cores.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace smp {
namespace {

TEST(BothCores, EveryIndexOnceAndDoneOnReturn) {
  for (const std::size_t n : {0u, 1u, 2u, 7u, 1000u}) {
    std::vector<int> visits(n, 0);
    on_both_cores(n, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) ++visits[i];
    });
    EXPECT_EQ(std::count(visits.begin(), visits.end(), 1), std::ptrdiff_t(n)) << n;
  }
}

TEST(BothCores, TheLowerHalfRunsOnAnotherThread) {
  std::thread::id lower, upper;
  on_both_cores(2, [&](std::size_t begin, std::size_t /*end*/) { (begin == 0 ? lower : upper) = std::this_thread::get_id(); });
  EXPECT_EQ(upper, std::this_thread::get_id());
  EXPECT_NE(lower, std::this_thread::get_id());
}

TEST(BothCores, ManyHandOversInARowEachFinished) {
  // The helper is handed one piece after another, as a pool's levels do; each must be seen done.
  std::vector<int> results(500, 0);
  for (int k = 0; k < 500; ++k) {
    OnOtherCore task([&results, k] { results[std::size_t(k)] = k + 1; });
    task.join();
    ASSERT_EQ(results[std::size_t(k)], k + 1) << k;
  }
}

TEST(BothCores, WorkHandedOverFromWithinWorkStillRuns) {
  // The helper is busy with the outer task: the inner one must run on a thread of its own, not wait
  // for the helper forever.
  std::atomic<int> inner_ran{0};
  OnOtherCore outer([&] {
    on_both_cores(4, [&](std::size_t begin, std::size_t end) { inner_ran += int(end - begin); });
  });
  outer.join();
  EXPECT_EQ(inner_ran.load(), 4);
}

TEST(BothCores, TwoThreadsHandingOverAtOnce) {
  std::atomic<long> sum{0};
  auto add_up = [&] {
    for (int k = 0; k < 200; ++k)
      on_both_cores(100, [&](std::size_t begin, std::size_t end) {
        long part = 0;
        for (std::size_t i = begin; i < end; ++i) part += long(i);
        sum += part;
      });
  };
  std::thread other(add_up);
  add_up();
  other.join();
  EXPECT_EQ(sum.load(), 2L * 200 * 4950);
}

TEST(BothCores, JoinTwiceAndDestroyWithoutJoin) {
  int ran = 0;
  {
    OnOtherCore task([&] { ++ran; });
    task.join();
    task.join();
  }
  { OnOtherCore task([&] { ++ran; }); }
  EXPECT_EQ(ran, 2);
}

}  // namespace
}  // namespace smp
