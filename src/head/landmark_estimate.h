#pragma once
// Finds the landmarks of a head from its shape alone: the midline profile gives the nose, nasion,
// glabella, vertex, back of the head and nape; proportions place the eye corners and temple
// corners; the ears are the lateral extremes. Needs the head in the program's frame (+Y up,
// +Z facing) and in millimetres.
#include <string>

#include "core/mesh.h"
#include "head/landmarks.h"

namespace smp {

// Throws InputError (naming `source`) when the shape has no recognisable face and midline,
// so the caller can fall back to manual placement instead of showing wrong points.
Landmarks estimate_landmarks(const Mesh& mesh, const std::string& source);

}  // namespace smp
