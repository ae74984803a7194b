#include "core/session_colours.h"

#include <algorithm>

#include <glm/exponential.hpp>

namespace smp {

glm::vec3 session_colour_srgb(int number) {
  const std::size_t index = std::size_t(std::clamp(number - 1, 0, int(kSessionColours.size()) - 2));
  return glm::pow(kSessionColours[index], glm::vec3(1.0f / 2.2f));  // as the shader encodes it
}

}  // namespace smp
