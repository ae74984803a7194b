#pragma once
// Turning an imported scan into the program's frame (+Y up, +Z facing). Scanners and modelling
// tools save heads Z-up, Y-up, facing any axis; a full body scan has the head on top. The 24
// quarter-turn orientations are tried and the one where a face is found (a nose bridge below a
// brow, on the midline) is kept.
#include <optional>
#include <string>

#include <glm/mat3x3.hpp>

#include "core/mesh.h"
#include "head/landmarks.h"

namespace smp {

constexpr float kBodyCropMm = 320.0f;  // a mesh taller than this much above the head is cut below the neck

struct OrientedHead {
  Mesh mesh;            // turned (and cropped to the head, for a body)
  Landmarks landmarks;  // found on the turned mesh
  glm::mat3 rotation{1.0f};
  bool cropped = false;  // cut kBodyCropMm below its top
  std::string note;     // what was assumed, for the user
};

// Rotates a mesh about the origin, where an imported mesh has its bounding-box centre, so that
// turns compose into one rotation that can be saved; normals follow.
Mesh rotate_mesh(const Mesh& mesh, const glm::mat3& rotation);

// Keeps the part of the mesh within `height` mm of its top (a body scan's head and neck).
Mesh crop_to_top(const Mesh& mesh, float height);

// The canonical orientation is tried first. Throws InputError (naming `source`) when no
// orientation shows a face, so the user can place the landmarks by hand.
OrientedHead orient_head(const Mesh& mesh, const std::string& source);

}  // namespace smp
