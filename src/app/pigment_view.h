#pragma once
// The dots as the head's shader draws them: baked into a texture over the scalp chart
// (core/pigment_map.h). Here: the chart square the texture covers on a head, each vertex's and
// each dot's place on it, and the ink of a design's dots as the view shows them (which sessions,
// fresh, healed or years later).
#include <span>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "core/mesh.h"
#include "core/pigment_map.h"
#include "core/view_settings.h"
#include "head/anatomy.h"
#include "render/dot_pass.h"

namespace smp {

struct PigmentFrame {
  glm::vec2 low_mm{}, high_mm{};  // a square of the chart plane around the scalp
  int size = 0;                   // texels a side
  std::vector<glm::vec3> uvw;     // per vertex: texture u, v, and 1 on the chart square (0 off it)
};

// About 8 texels a mm (a healed dot is 1-2 texels, a fresh one 2-4), at most 4096 a side.
PigmentFrame pigment_frame(const Mesh& mesh, const Anatomy& anatomy);

// Where points on (or within a triangle of) the skin lie in the chart plane, mm, interpolated
// inside their triangle: exact to the mesh, not snapped to a vertex. Points off the mesh get a
// place far off the chart. With `triangles` (one per point: the triangle it lies on, as a dot pool
// keeps them) the search for each point's triangle is skipped.
std::vector<glm::vec2> chart_plane_of(const Mesh& mesh, const Anatomy& anatomy, std::span<const glm::vec3> points,
                                      std::span<const std::uint32_t> triangles = {});

// The dots' ink as `settings` shows them: the sessions in view, their look in the preview.
// `on_scar` (one flag per dot, or empty) marks dots in scar tissue, which age faster;
// `skin_metric` (one per dot, or empty: no stretch) makes each round on the skin.
std::vector<InkDot> ink_dots(std::span<const DotInstance> dots, std::span<const glm::vec2> plane_mm, const ViewSettings& settings,
                             std::span<const std::uint8_t> on_scar = {}, std::span<const glm::vec3> skin_metric = {});

}  // namespace smp
