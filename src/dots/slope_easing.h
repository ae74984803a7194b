#pragma once
// Where the planned density changes across the skin (a hairline's graded band, zones blended into
// each other, a brush's edge), a dot kept for its own density may stand closer to its sparser
// neighbours down the slope than their spacing asks: the pool only knows each dot's own share.
// Easing keeps each dot as if the density were what it is where its neighbours down the slope are;
// the few dots it drops that have room after all are kept again, and the few ranked last
// that stand too near another are left out.
#include <span>
#include <vector>

#include "dots/dot_pool.h"
#include "dots/pool_neighbours.h"
#include "dots/selection.h"

namespace smp {

// A dot loses at most kMostEased of its share, so at a sharp edge (one zone at 35% beside another
// at 100%) the denser side is not thinned out.
inline constexpr float kMostEased = 0.15f;
// The spread a checked dot must leave to be kept: a hair over the goal of 0.75 (distance
// to the nearest dot over the hexagonal spacing of the sparser of the two), so rounding cannot
// take it under.
inline constexpr float kRoomRho = 0.751f;

// `fraction[i]`: the share of the pool's density planned at pool dot i. Returns each dot's share
// lowered by how steeply the plan falls from it to its nearest dots (those with none planned, such
// as dots off the scalp, never crowd it).
std::vector<float> ease_density_slopes(const DotPool& pool, const PoolNeighbours& neighbours, std::span<const float> fraction);

// The dots kept for `fraction`, in the sessions select_dots gives for the eased shares, except
// that the dots ranked in the last few percent below their eased share, and those between it and
// their planned share (these in the session the planned share puts them in), are kept only where
// no dot kept for certain, nor such a dot ranked before them, stands closer than kRoomRho of the
// sparser one's spacing (looked for out to neighbours half as dense on a slope, a quarter where
// the plan falls faster than kMostEased lets easing follow). Round such a steep fall, the dots
// kept for certain are checked so too. Same input, same dots, in the neighbours' order (cell by
// cell through space), not the pool's.
DotSelection select_on_slopes(const DotPool& pool, const PoolNeighbours& neighbours, std::span<const float> fraction, const SessionPlan& plan = {});

}  // namespace smp
