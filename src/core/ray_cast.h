#pragma once
// Where a ray first meets a mesh: what the mouse points at on the head.
#include <optional>

#include <glm/vec3.hpp>

#include "core/mesh.h"

namespace smp {

struct RayHit {
  glm::vec3 point;
  float distance = 0;        // along the ray, in mm
  std::size_t triangle = 0;
};

// `direction` need not be unit length. Both sides of every triangle count (open scans).
std::optional<RayHit> cast_ray(const Mesh& mesh, glm::vec3 origin, glm::vec3 direction);

}  // namespace smp
