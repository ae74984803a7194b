#include "core/both_cores.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>

#if defined(__linux__)
#include <sched.h>
#endif

namespace smp {
namespace {

// How long the helper watches for more work before it sleeps: 0.5, 2 and 5 ms measured alike on
// the pool; shorter leaves the renderer more of the core.
constexpr std::chrono::microseconds kHelperWatches{2000};
// How long a thread waiting for the helper's work watches before it sleeps: it has nothing else to
// do meanwhile, and woken, it went on up to milliseconds later (the pool's last levels waited
// 10-48 ms a build for their rankings when this was 1 ms, 1-5 ms now).
constexpr std::chrono::microseconds kWaiterWatches{50000};

// One spin of a watching loop: lets the core know it is waiting (and a sibling thread run).
void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

// Whether this process may run on more than one core: on one, watching only keeps the thread
// watched for off it.
bool several_cores() {
#if defined(__linux__)
  cpu_set_t cores;
  if (sched_getaffinity(0, sizeof cores, &cores) == 0) return CPU_COUNT(&cores) > 1;
#endif
  return std::thread::hardware_concurrency() > 1;
}

// Watches `value` until it is not `old` for up to `watch`, then sleeps on it; returns its new value.
// Now and then it lets another thread of this core run (the renderer's, or the one it waits for).
std::uint32_t await_change(const std::atomic<std::uint32_t>& value, std::uint32_t old, std::chrono::microseconds watch) {
  static const bool watching = several_cores();
  const auto until = std::chrono::steady_clock::now() + watch;
  for (int spins = 1; watching; ++spins) {
    if (const std::uint32_t now = value.load(std::memory_order_acquire); now != old) return now;
    cpu_relax();
    if (spins % 256 == 0) {
      if (std::chrono::steady_clock::now() > until) break;
      std::this_thread::yield();
    }
  }
  value.wait(old, std::memory_order_acquire);
  return value.load(std::memory_order_acquire);
}

class Helper {
 public:
  static Helper& the() {
    static Helper* helper = new Helper;  // never destroyed: its thread sleeps on it at exit
    return *helper;
  }

  // Hands `task` over unless the helper is busy; the caller must then wait().
  bool try_start(const std::function<void()>* task) {
    if (bool idle = false; !busy_.compare_exchange_strong(idle, true, std::memory_order_acquire)) return false;
    task_ = task;
    posted_.store(++handed_, std::memory_order_release);
    posted_.notify_one();
    return true;
  }
  void wait() {
    for (std::uint32_t now = finished_.load(std::memory_order_acquire); now != handed_;) now = await_change(finished_, now, kWaiterWatches);
    busy_.store(false, std::memory_order_release);
  }

 private:
  Helper() { std::thread([this] { run(); }).detach(); }

  void run() {
    for (std::uint32_t seen = 0;;) {
      seen = await_change(posted_, seen, kHelperWatches);
      (*task_)();
      finished_.store(seen, std::memory_order_release);
      finished_.notify_one();
    }
  }

  std::atomic<bool> busy_{false};  // from try_start until wait
  const std::function<void()>* task_ = nullptr;
  std::uint32_t handed_ = 0;  // tasks handed over: written only while busy_ is held
  std::atomic<std::uint32_t> posted_{0}, finished_{0};
};

}  // namespace

OnOtherCore::OnOtherCore(std::function<void()> task) : task_(std::move(task)) {
  if (!Helper::the().try_start(&task_)) own_ = std::thread(task_);
}

void OnOtherCore::join() {
  if (joined_) return;
  joined_ = true;
  if (own_.joinable())
    own_.join();
  else
    Helper::the().wait();
}

}  // namespace smp
