#pragma once
// Which pool dots a design keeps, and in which session each is tattooed.
#include <cstdint>
#include <span>
#include <vector>

#include "dots/dot_pool.h"

namespace smp {

// Cumulative share of the target density reached after each session: DOMAIN's 30% / 70% / 100%.
struct SessionPlan {
  std::vector<float> cumulative{0.3f, 0.7f, 1.0f};
};

// The shares each session but the last reaches (the last is the whole share): what session_of
// compares a dot's rank against.
inline std::span<const float> shares_before_last(const SessionPlan& plan) {
  return {plan.cumulative.data(), plan.cumulative.empty() ? 0 : plan.cumulative.size() - 1};
}
// The session of a dot ranked `u` among those kept for `share`: the shares rise (the design file
// says so), so the first whose part of the share passes the rank is one past those that do not.
// No branch: a dot's rank is random against its share.
inline std::uint8_t session_of(float u, float share, std::span<const float> before_last) {
  std::uint8_t session = 0;
  for (const float c : before_last) session = std::uint8_t(session + (u >= c * share));
  return session;
}

struct DotSelection {
  std::vector<std::uint32_t> dots;     // pool indices: ascending from select_dots, in PoolNeighbours' order from select_on_slopes
  std::vector<std::uint8_t> session;   // per kept dot: 0 for the first session
};

// `fraction[i]`: the target density at pool dot i over the pool's density (0 = none, 1 = all).
// Dot i is kept when its rank is below its fraction, and belongs to the first session whose
// cumulative share of the fraction passes its rank. O(pool size), no allocation beyond the result.
DotSelection select_dots(const DotPool& pool, std::span<const float> fraction, const SessionPlan& plan = {});

}  // namespace smp
