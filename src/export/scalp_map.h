#pragma once
// The scalp map: the head's scalp laid flat (the vertex chart), with its zones, the edge of the
// treatable scalp, the landmarks, distance rings, a legend and a scale bar. Forehead up, the
// patient's left on the left, as the artist standing behind the chair sees it.
#include <glm/vec2.hpp>

#include "core/image.h"
#include "core/mesh.h"
#include "head/anatomy.h"

namespace smp {

Image draw_scalp_map(const Mesh& mesh, const Landmarks& landmarks, const Anatomy& anatomy,
                     const GeodesicDistance& geodesic, glm::ivec2 size);

}  // namespace smp
