#include "dots/selection.h"

namespace smp {

DotSelection select_dots(const DotPool& pool, std::span<const float> fraction, const SessionPlan& plan) {
  // No branch on whether a dot is kept: the pool is held cell by cell through space, where each
  // dot's rank is random against its share, and that branch mispredicted about once a dot (on the
  // 1M sphere, 1.2 ms per 100k dots against 0.44 ms now). Counted first, then each dot written at
  // the end and the end moved on only where it is kept.
  const std::size_t n = pool.size();
  const std::span<const float> below = shares_before_last(plan);
  const float* const rank = pool.rank.data();
  const float* const share = fraction.data();
  std::size_t count = 0;
  for (std::size_t i = 0; i < n; ++i) count += rank[i] < share[i];
  DotSelection selection;
  selection.dots.resize(count + 1);
  selection.session.resize(count + 1);
  // Through pointers held here: a session byte stored may be any object's, so the compiler read
  // every vector's pointer again after each one.
  std::uint32_t* const dots = selection.dots.data();
  std::uint8_t* const sessions = selection.session.data();
  std::size_t kept = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const float u = rank[i], f = share[i];
    dots[kept] = static_cast<std::uint32_t>(i);
    sessions[kept] = session_of(u, f, below);
    kept += u < f;
  }
  selection.dots.resize(count);
  selection.session.resize(count);
  return selection;
}

}  // namespace smp
