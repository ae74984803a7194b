#pragma once
// Where the planned density changes across the skin (a hairline's graded band, zones blended into
// each other, a brush's edge), a dot kept for its own density may stand closer to its sparser
// neighbours down the slope than their spacing asks: the pool only knows each dot's own share.
// Easing keeps each dot as if the density were what it is where its neighbours down the slope are.
#include <span>

#include "core/mesh.h"
#include "dots/dot_pool.h"

namespace smp {

// `fraction[i]`: the share of the pool's density kept at pool dot i (what select_dots reads),
// lowered where the field slopes; `vertex_fraction`: the same field at the mesh's vertices, which
// its slope is read from (on the triangle each dot lies on). A dot loses at most kMostEased of its
// share, so at a sharp edge (the hairline's front) the density is not wiped out.
inline constexpr float kMostEased = 0.15f;
void ease_density_slopes(const DotPool& pool, const Mesh& mesh, std::span<const float> vertex_fraction, std::span<float> fraction);

}  // namespace smp
