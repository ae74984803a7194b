#pragma once
// The scalp chart laid flat, a place in its plane for every mesh vertex: what a picture over the
// scalp (the baked pigment) is laid out by, so it must be one sheet with no folds or tears.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "core/mesh.h"
#include "head/scalp_chart.h"

namespace smp {

// ScalpChart::plane of each vertex, the same for vertices at the same position (a mesh cut along
// a seam has its two sides' geodesics, and so chart places, differ a little: the picture would
// crack along the seam), and untangled within `within_mm` of the vertex: a tiny triangle's chart
// places come from geodesic distances a fraction of a mm off, enough to fold it or stretch it
// several times, and a dot of pigment across one showed as a streak.
std::vector<glm::vec2> chart_plane(const Mesh& mesh, const ScalpChart& chart, double within_mm);

// The triangles with every corner within `within_mm` of the vertex whose area in `plane` is
// folded (negative), or more than twice or under half what the chart makes of the skin's area at
// that distance from the vertex (the median over a 5 mm ring).
std::size_t tangled_triangles(const Mesh& mesh, const ScalpChart& chart, const std::vector<glm::vec2>& plane, double within_mm);

// How the chart plane (`plane`, one place per vertex) stretches the skin on each of `triangles`
// (InkDot::skin_metric: skin length squared per chart length squared), read from the triangles
// around it; the identity where the chart folds there.
std::vector<glm::vec3> chart_skin_metric(const Mesh& mesh, const std::vector<glm::vec2>& plane, std::span<const std::uint32_t> triangles);

}  // namespace smp
