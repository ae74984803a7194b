#include "dots/slope_easing.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

#include <glm/geometric.hpp>

#include "core/both_cores.h"
#include "dots/spacing_metrics.h"

namespace smp {
namespace {

// How far down the slope a dot reads its density, in its own spacings. The bundled head's graded
// band (35% to 100% of the pool's density over 2 cm), five draws of the pool each, without dots
// kept again: 0.7 spacings: spread 0.7482-0.7497, 1.8-3.2% fewer dots in the front zone than asked;
// 0.8: 0.7495-0.7506, 2.1-3.5%; 0.9: 0.7504-0.7522, 2.7-4.0%. Kept again where there is room, 0.9
// gives a spread of 0.7504-0.7511 and 0.9-2.7%; with the last ranks checked too, 0.7510-0.7511
// (docs/PERFORMANCE.md, fourteenth session).
constexpr float kEasedSpacings = 0.9f;
// How far round a dot its neighbours are read, at most, for its slope and for its room, in the
// pool's spacings: the work grows with the square of the reach. The room reaches further: with 3,
// the example design's flat 15 dots/cm2 kept pairs at 0.7469 unchecked.
constexpr float kWidestSearchSpacings = 3.0f;
constexpr float kWidestRoomSpacings = 5.0f;
// How far round a dot whose slope is steeper than easing's cap the dots kept for certain are
// checked for room, in that dot's own spacings. The example design's worst pair: within 1 spacing
// 0.7454, within 2 or 3 0.7510 (70 or 102 of its 26,027 dots left out); the unit tests' step from
// 25% to 70% of the pool over 2 mm: within 2 spacings 0.587 (a dot 3.4 mm from the nearest capped
// one), within 3 0.7524.
constexpr float kRoundCappedSpacings = 3.0f;
// Where the plan falls within those spacings to under this part of a capped dot's share, it is an
// edge, not a blend (the hairline's soft edge, a zone beside none): no spacing suits both sides,
// and checking round it took most of the re-selection's time at the most density a design allows
// (the room checks 17 ms, now 4 ms), for none of the example design's pairs.
constexpr float kEdgeUnder = 0.25f;
// The part of a dot's eased share, at the top, within which it is kept only where it has room:
// the dots ranked last stand nearest the others (the pool's prefixes measured 0.747-0.750 ranked
// level by level, 0.750 now). On the test sphere at even shares of 30-85%, checking the last 1%,
// 2%, 5%, 10% or 15% left out the same dots; with 5% the hairline's slope there measured 0.7512
// (1%: 0.7503). Of the eased share, not the planned one: a dot eased to just over its rank was
// kept unchecked beside a sparser one at 0.7495 in the example design.
constexpr float kTailChecked = 0.05f;
// A pool's dots stand at least 0.75 of its spacing apart, so its twelfth nearest is more than
// 1.25 spacings away (measured: at least 1.40 on the 200k and 1M spheres), and a dot reading its
// density out to less than 1.25 times that (one planned at a third of the pool's density or more)
// finds every dot it reads among its twelve nearest. Under that share it reads further, and still
// not every dot within its reach.
constexpr float kTwelveAlwaysReach = 1.25f * 1.25f;  // pool spacings
constexpr float kReadsFurtherUnder = (kEasedSpacings / kTwelveAlwaysReach) * (kEasedSpacings / kTwelveAlwaysReach);
// Under this share, the search round a capped dot stops at kWidestRoomSpacings of the pool's before
// kRoundCappedSpacings of the dot's own, so fewer capped dots are found round a blend than the
// window of ranks where eased shares are worked out leaves: a blend's dots ranked below that
// window (at 70-80% of their share) stood too near the sparser side's (17 of 45 blends between
// 5% and 30% of the pool's density under 0.75, the worst 0.590). There, every kept dot ranked past
// kEdgeUnder of its share is read for a steep fall too: a dot ranked lower could crowd only one
// across an edge, which is not checked.
constexpr float kSparseUnder = (kRoundCappedSpacings / kWidestRoomSpacings) * (kRoundCappedSpacings / kWidestRoomSpacings);

// How many dots ahead a pass over some of them asks for their neighbour lists (PoolNeighbours::prefetch).
constexpr std::size_t kAhead = 16;
// And how many ahead the lists round it are asked for, once its own is in (4 and 8 measured alike).
constexpr std::size_t kAheadFurther = 8;

// The eased share of the dot at `place` (in PoolNeighbours' order, as `planned`, the plan): lowered
// by the steepest fall of the plan from it to a neighbour. Read between dots, from the plan's own
// values, a step between two triangles of the mesh or at a zone's edge counts as the slope it makes.
// Without `reads_further`, from its twelve nearest only: enough to find a steep fall, not to ease.
struct Eased {
  float share;
  bool capped;   // the plan falls faster than kMostEased lets easing follow
  float least;   // the least share (above none) planned at the dots read
};
Eased eased_share(const PoolNeighbours& neighbours, std::span<const float> planned, std::uint32_t place, bool reads_further = true) {
  const float f = planned[place];
  // Where the dot is, read only where a neighbour's share is lower (on flat ground at a third of
  // the pool's density or more, never).
  auto distance2 = [&](std::uint32_t k) {
    const glm::vec3 d = neighbours.position(k) - neighbours.position(place);
    return glm::dot(d, d);
  };
  float steepest2 = 0.0f;  // the steepest fall's square, per mm2 (no root a neighbour)
  float least = f;
  auto consider = [&](std::uint32_t k, float d2) {
    if (const float below = f - planned[k]; below > 0.0f && below < f) {  // a neighbour with none planned is never kept
      steepest2 = std::max(steepest2, below * below / std::max(1e-12f, d2));
      least = std::min(least, planned[k]);
    }
  };
  // The twelve nearest (where the plan is flat, only their shares are read, not where they are);
  // and where the dot reads its density a quarter further out than they lie (it is planned under
  // about a sixth of the pool's density), the lists of the furthest six of them too, as far out
  // as it reads (at most kWidestSearchSpacings of the pool's): these reach round the twelve (on
  // the 1M sphere at 2-10% of the pool's density, reading all twelve's lists kept one dot fewer).
  // Sparse zones' slopes were missed (the example design's worst pair 0.7172, now 0.7451). A dot
  // is met more than once that way, which the steepest fall does not mind: walking each dot once
  // took 6 us a sparse dot.
  const std::span<const std::uint32_t> listed = neighbours.around(place);
  for (std::uint32_t k : listed)
    if (planned[k] < f) consider(k, distance2(k));
  if (reads_further && f < kReadsFurtherUnder) {
    const float reach = std::min(kEasedSpacings / std::sqrt(f), kWidestSearchSpacings) * neighbours.spacing_mm();
    if (listed.size() < PoolNeighbours::kCount || 1.25f * 1.25f * distance2(listed.back()) < reach * reach)
      for (std::uint32_t k : listed.subspan(listed.size() / 2))
        for (std::uint32_t further : neighbours.around(k))
          if (planned[further] < f)
            if (const float d2 = distance2(further); d2 <= reach * reach && further != place) consider(further, d2);
  }
  if (!(steepest2 > 0.0f)) return {f, false, f};
  const float spacing = neighbours.spacing_mm() / std::sqrt(f);  // at f of the pool's density
  const float by = kEasedSpacings * std::sqrt(steepest2) * spacing;
  return {f - std::min(by, kMostEased * f), by > kMostEased * f, least};
}

// Per-dot values by place: `values` itself where the places are the pool's indices (every pool
// build_dot_pool makes), else gathered into `gathered`.
std::span<const float> by_place(const PoolNeighbours& neighbours, std::span<const float> values, std::vector<float>& gathered) {
  if (neighbours.in_pool_order()) return values;
  const std::span<const std::uint32_t> order = neighbours.order();
  gathered.resize(order.size());
  for (std::size_t place = 0; place < order.size(); ++place) gathered[place] = values[order[place]];
  return gathered;
}

bool usable(const DotPool& pool, const PoolNeighbours& neighbours, std::span<const float> fraction) {
  return neighbours.size() == pool.size() && fraction.size() == pool.size() && pool.density_per_cm2 > 0.0;
}

}  // namespace

std::vector<float> ease_density_slopes(const DotPool& pool, const PoolNeighbours& neighbours, std::span<const float> fraction) {
  std::vector<float> eased(fraction.begin(), fraction.end());
  if (!usable(pool, neighbours, fraction)) return eased;
  std::vector<float> gathered;
  const std::span<const float> planned = by_place(neighbours, fraction, gathered);
  const std::span<const std::uint32_t> order = neighbours.order();
  on_both_cores(order.size(), [&](std::size_t begin, std::size_t end) {
    for (std::uint32_t place = std::uint32_t(begin); place < end; ++place)
      if (planned[place] > 0.0f) eased[order[place]] = eased_share(neighbours, planned, place).share;
  });
  return eased;
}

DotSelection select_on_slopes(const DotPool& pool, const PoolNeighbours& neighbours, std::span<const float> fraction, const SessionPlan& plan) {
  if (!usable(pool, neighbours, fraction)) return select_dots(pool, fraction, plan);
  // In the neighbours' order, where a dot's neighbours are near it in memory.
  const std::span<const std::uint32_t> order = neighbours.order();
  const std::span<const float> ranks = neighbours.ranks();
  std::vector<float> gathered;
  const std::span<const float> planned = by_place(neighbours, fraction, gathered);
  // Each dot's fate: not kept, kept, or kept only where it has room: ranked in the tail below its
  // eased share (on flat ground or a slope), or between that and its planned share (dropped by
  // easing). A dot's eased share only decides anything where its rank lies within kMostEased below
  // its planned share, or a session's part of it: two fifths of the dots kept, with three
  // sessions; the others keep their planned share.
  enum Fate : std::uint8_t { kNotKept, kKept, kTail, kTailOnSlope, kEasedOut, kRoundCapped };
  std::vector<std::uint8_t> fate(order.size());  // by place
  // Each core's half of the places: the dots kept for their planned share, with their sessions;
  // those of them whose eased share decides anything; and those checked. On a cache line of its
  // own: sharing one, the two cores' appends took a sixth of the time.
  struct Checked {
    std::uint32_t place;
    float sparsest;  // the least share a dot crowding it may be planned at, where it is looked for
  };
  struct alignas(64) Part {
    std::unique_ptr<std::uint32_t[]> kept;      // places
    std::unique_ptr<std::uint8_t[]> sessions;   // of the kept dots
    std::unique_ptr<std::uint32_t[]> matter;    // into kept
    std::size_t kept_count = 0, matter_count = 0;
    std::vector<std::uint32_t> capped;
    std::vector<Checked> checked, round_capped;
    std::vector<std::uint8_t> roomy;  // of each checked dot, whether it has room
  };
  std::array<Part, 2> parts;
  const std::span<const float> cumulative = shares_before_last(plan);
  // Whether a kept dot's eased share decides anything: whether it is eased out, in a session
  // other than its planned share's, or in the tail of its eased share.
  auto matters = [&](float u, float f) {
    auto decides = [&](float share) { return (u < share) & (u >= (1.0f - kTailChecked) * (1.0f - kMostEased) * share); };
    bool any = decides(f);
    for (const float c : cumulative) any |= decides(c * f);
    return any;
  };
  // Every dot as its planned share gives it, with no branch on whether it is kept or decides: a
  // dot's rank is random against its share, and those branches mispredicted about once a dot, most
  // of a dense plan's time. Each list is written at its end for every dot and grows only where the
  // dot belongs to it (its buffer is not cleared first: the rest of the time is memory traffic,
  // which is also why the plan is read where it lies when the places are the pool's indices).
  on_both_cores(order.size(), [&](std::size_t begin, std::size_t end) {
    Part& part = parts[begin == 0 ? 0 : 1];
    part.kept = std::make_unique_for_overwrite<std::uint32_t[]>(end - begin + 1);
    part.sessions = std::make_unique_for_overwrite<std::uint8_t[]>(end - begin + 1);
    part.matter = std::make_unique_for_overwrite<std::uint32_t[]>(end - begin + 1);
    // Through pointers held here: a byte written may be any object's, so the compiler read each
    // vector's and list's pointer again after every fate and session stored (a fifth of this pass).
    std::uint8_t* const fates = fate.data();
    std::uint32_t* const kept_at = part.kept.get();
    std::uint8_t* const sessions = part.sessions.get();
    std::uint32_t* const matter = part.matter.get();
    const float* const rank_at = ranks.data();
    const float* const plan_at = planned.data();
    std::size_t kept = 0, listed = 0;
    for (std::uint32_t place = std::uint32_t(begin); place < end; ++place) {
      const bool in = rank_at[place] < plan_at[place];
      fates[place] = in ? kKept : kNotKept;
      kept_at[kept] = place;
      kept += in;
    }
    // Only the kept dots' sessions: where few are kept, most of the work.
    for (std::size_t k = 0; k < kept; ++k) {
      const std::uint32_t place = kept_at[k];
      const float u = rank_at[place], f = plan_at[place];
      sessions[k] = session_of(u, f, cumulative);
      matter[listed] = std::uint32_t(k);
      listed += matters(u, f) | ((f < kSparseUnder) & (u >= kEdgeUnder * f));
    }
    part.kept_count = kept, part.matter_count = listed;
    // Those by their eased shares. A dot in the tail of its planned share always decides (the
    // tail lies within the window), so every dot not listed is kept for certain.
    for (std::size_t m = 0; m < part.matter_count; ++m) {
      if (m + kAhead < part.matter_count) neighbours.prefetch(part.kept[part.matter[m + kAhead]]);
      // A dot that reads further reads the lists of the furthest six of its twelve too, asked for
      // once its own list is in: on the 1M sphere's sparse slope the easing waited on them, and
      // the re-selection took about 0.86x the time with them asked for (the same dots).
      if (m + kAheadFurther < part.matter_count)
        if (const std::uint32_t ahead = part.kept[part.matter[m + kAheadFurther]]; planned[ahead] < kReadsFurtherUnder) {
          const std::span<const std::uint32_t> nearest = neighbours.around(ahead);
          for (const std::uint32_t further : nearest.subspan(nearest.size() / 2)) neighbours.prefetch(further);
        }
      const std::uint32_t k = part.matter[m], place = part.kept[k];
      const float u = ranks[place], f = planned[place];
      // Listed only to find a steep fall (kSparseUnder): its eased share decides nothing, and its
      // twelve nearest are enough to find one (reading further cost half as much again).
      const bool decides = f >= kSparseUnder || matters(u, f);
      const Eased eased = eased_share(neighbours, planned, place, decides);
      // At an edge already among the dots read, nothing round it is checked (kEdgeUnder).
      if (eased.capped && eased.least >= kEdgeUnder * f) part.capped.push_back(place);
      if (!decides) continue;
      const float e = eased.share;
      part.sessions[k] = session_of(u, u < e ? e : f, cumulative);  // by its eased share, where that keeps it
      if (u < (1.0f - kTailChecked) * e) continue;      // kept for certain
      fate[place] = !(u < e) ? kEasedOut : e < f ? kTailOnSlope : kTail;
      // On a slope its neighbours may be sparser: they are looked for out to half its density,
      // and where easing cannot follow the slope, to the edge's (a dot eased out by the unit
      // tests' step from 25% to 70% of the pool kept a neighbour at 46% of its share, 0.7445).
      // So too where it read not every dot within its reach (kReadsFurtherUnder): one that read
      // no fall kept a neighbour at 82% of its share, 2.03 mm away, at 0.7218.
      const bool flat = fate[place] == kTail && f >= kReadsFurtherUnder;
      part.checked.push_back({place, flat ? f : (eased.capped ? kEdgeUnder : 0.5f) * f});
    }
  });

  // Where the plan falls faster than easing may follow (a steep blend between zones), a dot kept
  // for certain there may stand too near a sparser one: the capped dots kept for certain, and
  // those round them, are checked for room too. Easing stops at its cap so that the denser side
  // of such a slope is not thinned throughout; the check leaves out only dots that are too near.
  // (The example design's blend from 15 to 90 dots/cm2 over about a centimetre kept pairs at 0.739.)
  // Those round one: within kRoundCappedSpacings of its own spacing (in a sparse zone, far past
  // its twelve nearest pool dots), at most kWidestRoomSpacings of the pool's; and of those, only
  // the ones ranked in or past the tail of the least share planned there (below it, two dots both
  // lie in that share of the pool, which is evenly spread; in its tail, the pool's prefixes are
  // 0.747-0.750, kTailChecked); none where the plan falls to an edge (kEdgeUnder). Each core walks
  // round its own capped dots.
  if (!parts[0].capped.empty() || !parts[1].capped.empty()) on_both_cores(2, [&](std::size_t core, std::size_t /*one past it*/) {
    Part& part = parts[core];
    std::vector<std::uint32_t> kept_round;
    for (std::uint32_t capped : part.capped) {
      const float reach = std::min(kRoundCappedSpacings / std::sqrt(planned[capped]), kWidestRoomSpacings) * neighbours.spacing_mm();
      float least = planned[capped];
      kept_round.assign(1, capped);
      neighbours.visit_within(capped, reach, [&](std::uint32_t k, float /*distance2*/) {
        if (planned[k] > 0.0f) least = std::min(least, planned[k]);
        if (fate[k] == kKept) kept_round.push_back(k);
      });
      if (least < kEdgeUnder * planned[capped]) continue;
      for (std::uint32_t k : kept_round)
        if (ranks[k] >= (1.0f - kTailChecked) * least) part.round_capped.push_back({k, least});
    }
  });
  // A dot round more than one capped dot is checked against the least share round any of them (the
  // first capped dot's least kept a dot beside a sparser zone that a second one reached), and a dot
  // already checked is checked against it too. Each core's list is in the order of its places.
  std::vector<Checked> round = std::move(parts[0].round_capped);
  round.insert(round.end(), parts[1].round_capped.begin(), parts[1].round_capped.end());
  std::sort(round.begin(), round.end(), [](const Checked& a, const Checked& b) { return a.place != b.place ? a.place < b.place : a.sparsest < b.sparsest; });
  const std::size_t checked_before[2] = {parts[0].checked.size(), parts[1].checked.size()};
  for (std::size_t r = 0; r < round.size(); ++r) {
    if (r > 0 && round[r].place == round[r - 1].place) continue;  // the first is the least
    const auto [place, least] = round[r];
    // The second core's checked dots are all at or past its first; a dot new to the lists goes to
    // either core.
    Part& part = parts[!parts[1].checked.empty() && place >= parts[1].checked.front().place ? 1 : 0];
    if (fate[place] == kKept) {
      fate[place] = kRoundCapped, part.checked.push_back(round[r]);
    } else {
      const auto begin = part.checked.begin(), end = begin + std::ptrdiff_t(checked_before[&part - parts.data()]);
      const auto found = std::lower_bound(begin, end, place, [](const Checked& c, std::uint32_t p) { return c.place < p; });
      if (found != end && found->place == place) found->sparsest = std::min(found->sparsest, least);
    }
  }

  // A dot in the tail is kept where no dot kept for certain, and no dot ranked before it in the
  // tail, stands closer than kRoomRho of the sparser one's spacing. (Not only the tail's dots that
  // are kept: deciding in rank order took a sort, and a dot is seldom crowded by one that is not.)
  auto room = [&](float f) { return kRoomRho * neighbours.spacing_mm() / std::sqrt(f); };
  // distance < room(f) exactly when distance^2 * f < crowded.
  const float crowded = kRoomRho * kRoomRho * neighbours.spacing_mm() * neighbours.spacing_mm();
  on_both_cores(2, [&](std::size_t core, std::size_t /*one past it*/) {
    Part& part = parts[core];
    part.roomy.reserve(part.checked.size());
    for (std::size_t c = 0; c < part.checked.size(); ++c) {
      if (c + kAhead < part.checked.size()) neighbours.prefetch(part.checked[c + kAhead].place);
      const auto [j, sparsest] = part.checked[c];
      const float f = planned[j], widest = kWidestRoomSpacings * neighbours.spacing_mm();
      float reach = room(sparsest);
      // Where the search would reach past five of the pool's spacings (a dot planned under a
      // 44th of the pool's density, a 22nd on a slope), the dot keeps what easing gave it; one
      // kept for certain round a capped slope, or one beside it looking further down (to the
      // edge's share), is checked as far as that.
      if (room(fate[j] == kTail ? f : 0.5f * f) > widest && fate[j] != kRoundCapped) {
        part.roomy.push_back(fate[j] != kEasedOut);
        continue;
      }
      reach = std::min(reach, widest);
      bool roomy = true;
      neighbours.visit_within(j, reach, [&](std::uint32_t i, float distance2) {
        const bool before = fate[i] == kKept || (fate[i] >= kTail && ranks[i] < ranks[j]);
        if (roomy && before && distance2 * std::min(planned[i], f) < crowded) roomy = false;
      });
      part.roomy.push_back(roomy);
    }
  });
  // Decided against the fates before, so the checked dots are kept or not only now.
  for (const Part& part : parts)
    for (std::size_t k = 0; k < part.checked.size(); ++k) fate[part.checked[k].place] = part.roomy[k] ? kKept : kNotKept;

  // In the neighbours' order, each core its half, less the checked dots without room.
  struct alignas(64) Half {  // a cache line of its own, as Part
    DotSelection kept;
  };
  std::array<Half, 2> halves;
  on_both_cores(2, [&](std::size_t core, std::size_t /*one past it*/) {
    const Part& part = parts[core];
    DotSelection& half = halves[core].kept;
    half.dots.reserve(part.kept_count), half.session.reserve(part.kept_count);
    for (std::size_t k = 0; k < part.kept_count; ++k)
      if (const std::uint32_t place = part.kept[k]; fate[place] == kKept)
        half.dots.push_back(neighbours.in_pool_order() ? place : order[place]), half.session.push_back(part.sessions[k]);
  });
  DotSelection selection = std::move(halves[0].kept);
  const DotSelection& second = halves[1].kept;
  selection.dots.insert(selection.dots.end(), second.dots.begin(), second.dots.end());
  selection.session.insert(selection.session.end(), second.session.begin(), second.session.end());
  return selection;
}

}  // namespace smp
