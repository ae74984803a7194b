#pragma once
// Landmarks as JSON text: the file beside a head mesh (head.landmarks.json), later part of a design.
// Positions are in mm in the frame of the imported mesh (centred on its bounding box).
#include <string>
#include <string_view>

#include <glm/mat3x3.hpp>

#include "head/landmarks.h"

namespace smp {

// What is saved beside a mesh: how the imported mesh was turned (about its centre) and cut, and
// the landmarks on the turned mesh.
struct LandmarksFile {
  Landmarks landmarks;
  glm::mat3 orientation{1.0f};
  float crop_to_top_mm = 0.0f;  // 0: not cut
};

std::string landmarks_to_json(const LandmarksFile& file);
// Throws InputError naming `source` and what is wrong (bad JSON, a missing or non-numeric point,
// an orientation that is not a rotation).
LandmarksFile landmarks_from_json(std::string_view text, const std::string& source);

}  // namespace smp
