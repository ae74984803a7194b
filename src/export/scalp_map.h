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

// Just the zone colours (pale paper tints; face, ears and neck in skin tone) of the chart plane's
// box [low, high] mm, forehead up, `px_per_mm`: the backdrop of a guide's map page.
Image draw_zone_backdrop(const Mesh& mesh, const Anatomy& anatomy, glm::dvec2 low, glm::dvec2 high, double px_per_mm);

}  // namespace smp
