#include "dots/slope_easing.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/geometric.hpp>

#include "core/both_cores.h"
#include "dots/spacing_metrics.h"

namespace smp {
namespace {

// How far down the slope a dot reads its density, in its own spacings. The bundled head's graded
// band (35% to 100% of the pool's density over 2 cm), five draws of the pool each, without dots
// kept again: 0.7 spacings: spread 0.7482-0.7497, 1.8-3.2% fewer dots in the front zone than asked;
// 0.8: 0.7495-0.7506, 2.1-3.5%; 0.9: 0.7504-0.7522, 2.7-4.0%. Kept again where there is room, 0.9
// gives a spread of 0.7504-0.7511 and 0.9-2.7% (docs/PERFORMANCE.md, fourteenth session).
constexpr float kEasedSpacings = 0.9f;
// How far round a dropped dot its kept neighbours are looked for, at most, in the pool's spacings.
constexpr float kWidestSearchSpacings = 3.0f;

// The eased share of the dot at `place` (in PoolNeighbours' order, as `planned`, the plan): lowered
// by the steepest fall of the plan from it to a neighbour. Read between dots, from the plan's own
// values, a step between two triangles of the mesh or at a zone's edge counts as the slope it makes.
float eased_share(const PoolNeighbours& neighbours, const std::vector<float>& planned, std::uint32_t place, double pool_per_mm2) {
  const float f = planned[place];
  float steepest = 0.0f;  // per mm
  for (std::uint32_t k : neighbours.around(place))
    if (const float below = f - planned[k]; below > 0.0f && below < f)  // a neighbour with none planned is never kept
      steepest = std::max(steepest, below / std::max(1e-6f, glm::distance(neighbours.position(place), neighbours.position(k))));
  if (!(steepest > 0.0f)) return f;
  const float down = kEasedSpacings * steepest * float(hex_spacing_mm(double(f) * pool_per_mm2));
  return f - std::min(down, kMostEased * f);
}

// Per-dot values in the neighbours' order.
std::vector<float> in_neighbours_order(const PoolNeighbours& neighbours, std::span<const float> values) {
  const std::span<const std::uint32_t> order = neighbours.order();
  std::vector<float> placed(order.size());
  on_both_cores(order.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t place = begin; place < end; ++place) placed[place] = values[order[place]];
  });
  return placed;
}

bool usable(const DotPool& pool, const PoolNeighbours& neighbours, std::span<const float> fraction) {
  return neighbours.size() == pool.size() && fraction.size() == pool.size() && pool.density_per_cm2 > 0.0;
}

}  // namespace

std::vector<float> ease_density_slopes(const DotPool& pool, const PoolNeighbours& neighbours, std::span<const float> fraction) {
  std::vector<float> eased(fraction.begin(), fraction.end());
  if (!usable(pool, neighbours, fraction)) return eased;
  const std::vector<float> planned = in_neighbours_order(neighbours, fraction);
  const std::span<const std::uint32_t> order = neighbours.order();
  on_both_cores(order.size(), [&](std::size_t begin, std::size_t end) {
    for (std::uint32_t place = std::uint32_t(begin); place < end; ++place)
      if (planned[place] > 0.0f) eased[order[place]] = eased_share(neighbours, planned, place, pool.density_per_cm2 / 100.0);
  });
  return eased;
}

DotSelection select_on_slopes(const DotPool& pool, const PoolNeighbours& neighbours, std::span<const float> fraction, const SessionPlan& plan) {
  if (!usable(pool, neighbours, fraction)) return select_dots(pool, fraction, plan);
  const double pool_per_mm2 = pool.density_per_cm2 / 100.0;
  const std::size_t sessions = plan.cumulative.size();
  // select_dots of the eased shares, in the neighbours' order, where a dot's neighbours are near it
  // in memory (read in the pool's order, a million dots took three times as long). A dot's eased
  // share only decides anything where its rank lies within kMostEased below its planned share, or
  // a session's part of it: a fifth of the dots kept; the others keep their planned share.
  const std::span<const std::uint32_t> order = neighbours.order();
  const std::vector<float> planned = in_neighbours_order(neighbours, fraction), ranks = in_neighbours_order(neighbours, pool.rank);
  constexpr std::uint8_t kNotKept = 255, kDropped = 254;  // else the session
  std::vector<std::uint8_t> fate(order.size());           // by place
  // Each core's half of the places: the kept ones (in order) with their sessions, and the dropped.
  struct Part {
    std::vector<std::uint32_t> places, dropped;
    std::vector<std::uint8_t> sessions;
  };
  std::array<Part, 2> parts;
  on_both_cores(order.size(), [&](std::size_t begin, std::size_t end) {
    Part& part = parts[begin == 0 ? 0 : 1];
    part.places.resize(end - begin), part.sessions.resize(end - begin);
    std::size_t kept = 0;
    for (std::uint32_t place = std::uint32_t(begin); place < end; ++place) {
      const float u = ranks[place], f = planned[place];
      auto decides = [&](float share) { return u < share && u >= (1.0f - kMostEased) * share; };
      bool matters = decides(f);
      for (std::size_t s = 0; s + 1 < sessions; ++s) matters |= decides(plan.cumulative[s] * f);
      const float e = matters ? eased_share(neighbours, planned, place, pool_per_mm2) : f;
      std::uint8_t session = 0;
      for (std::size_t s = 0; s + 1 < sessions; ++s) session += u >= plan.cumulative[s] * e;
      const bool keep = u < e, drop = !keep && u < f;
      if (drop) part.dropped.push_back(place);
      fate[place] = keep ? session : drop ? kDropped : kNotKept;
      part.places[kept] = place, part.sessions[kept] = session;
      kept += keep;
    }
    part.places.resize(kept), part.sessions.resize(kept);
  });
  std::vector<std::uint32_t> places = std::move(parts[0].places);
  std::vector<std::uint8_t> session_of = std::move(parts[0].sessions);
  places.insert(places.end(), parts[1].places.begin(), parts[1].places.end());
  session_of.insert(session_of.end(), parts[1].sessions.begin(), parts[1].sessions.end());
  std::vector<std::uint32_t> dropped = std::move(parts[0].dropped);
  dropped.insert(dropped.end(), parts[1].dropped.begin(), parts[1].dropped.end());
  auto by_pool_index = [&] {
    DotSelection selection;
    selection.dots.resize(places.size());
    for (std::size_t k = 0; k < places.size(); ++k) selection.dots[k] = order[places[k]];
    selection.session = std::move(session_of);
    return selection;
  };
  if (dropped.empty()) return by_pool_index();

  // The dropped dots, in rank order, each kept again where its kept neighbours leave it room.
  std::sort(dropped.begin(), dropped.end(), [&](std::uint32_t a, std::uint32_t b) { return ranks[a] < ranks[b]; });
  auto room = [&](float f) { return kRoomRho * float(hex_spacing_mm(double(f) * pool_per_mm2)); };
  std::vector<std::uint32_t> seen;
  std::vector<std::pair<std::uint32_t, std::uint8_t>> again;  // place, session
  for (std::uint32_t place : dropped) {
    const std::uint32_t j = order[place];
    // A dot planned sparser than an eighth of the pool's density would need a search wider than
    // three of its spacings: it stays dropped.
    const float reach = room(0.5f * fraction[j]);
    if (reach > kWidestSearchSpacings * neighbours.spacing_mm()) continue;
    bool has_room = true;
    neighbours.visit_within(j, reach, seen, [&](std::uint32_t i, float distance) {
      if (has_room && distance < room(std::min(fraction[i], fraction[j])) && fate[neighbours.place_of(i)] < kDropped) has_room = false;
    });
    if (!has_room) continue;
    std::uint8_t session = 0;
    while (std::size_t(session) + 1 < sessions && pool.rank[j] >= plan.cumulative[session] * fraction[j]) ++session;
    again.emplace_back(place, session);
    fate[place] = session;
  }
  // Back among the rest, in the neighbours' order: merged from the back.
  std::sort(again.begin(), again.end());
  std::size_t from = places.size(), left = again.size(), to = from + left;
  places.resize(to), session_of.resize(to);
  while (left > 0) {
    --to;
    if (from > 0 && places[from - 1] > again[left - 1].first) {
      --from;
      places[to] = places[from], session_of[to] = session_of[from];
    } else {
      --left;
      places[to] = again[left].first, session_of[to] = again[left].second;
    }
  }
  return by_pool_index();
}

}  // namespace smp
