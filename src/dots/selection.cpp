#include "dots/selection.h"

namespace smp {

DotSelection select_dots(const DotPool& pool, std::span<const float> fraction, const SessionPlan& plan) {
  DotSelection selection;
  selection.dots.reserve(pool.size() / 2);
  selection.session.reserve(pool.size() / 2);
  const std::size_t sessions = plan.cumulative.size();
  for (std::size_t i = 0; i < pool.size(); ++i) {
    const float u = pool.rank[i], f = fraction[i];
    if (u >= f) continue;
    std::uint8_t session = 0;
    while (std::size_t(session) + 1 < sessions && u >= plan.cumulative[session] * f) ++session;
    selection.dots.push_back(static_cast<std::uint32_t>(i));
    selection.session.push_back(session);
  }
  return selection;
}

}  // namespace smp
