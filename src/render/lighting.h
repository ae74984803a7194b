#pragma once
// Lights follow the camera like a photographer's: each is a direction in view space.
#include <cmath>

#include <glm/trigonometric.hpp>
#include <glm/vec3.hpp>

namespace smp {

// Towards a light `azimuth_deg` to the right of the camera and `elevation_deg` above it.
inline glm::vec3 light_direction(float azimuth_deg, float elevation_deg) {
  const float az = glm::radians(azimuth_deg), el = glm::radians(elevation_deg);
  return {std::cos(el) * std::sin(az), std::sin(el), std::cos(el) * std::cos(az)};
}

}  // namespace smp
