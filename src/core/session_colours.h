#pragma once
// The colours that tell sessions apart on maps and guides (linear RGB): sessions 1-5, then grey for
// "an earlier session". shaders/dot.frag holds the same table for the 3D views.
#include <array>
#include <cstddef>

#include <glm/vec3.hpp>

namespace smp {

inline constexpr std::array<glm::vec3, 6> kSessionColours{glm::vec3(0.80f, 0.08f, 0.05f), glm::vec3(0.02f, 0.20f, 0.80f),
                                                          glm::vec3(0.03f, 0.50f, 0.10f), glm::vec3(0.85f, 0.40f, 0.02f),
                                                          glm::vec3(0.45f, 0.10f, 0.70f), glm::vec3(0.30f, 0.30f, 0.30f)};
inline constexpr std::size_t kEarlierSessionColour = 5;

// Session `number` (1-based) as a colour for paper, sRGB 0..1.
glm::vec3 session_colour_srgb(int number);

}  // namespace smp
