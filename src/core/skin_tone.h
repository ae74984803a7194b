#pragma once
// Skin colours for the Fitzpatrick scale (I very fair .. VI deeply pigmented): the head's base
// colour, which later decides how a pigment shade reads on the patient.
#include <string_view>

#include <glm/vec3.hpp>

namespace smp {

constexpr int kFitzpatrickTypes = 6;

// Linear-light RGB (0..1) of a typical scalp of Fitzpatrick type 1..6 (clamped).
glm::vec3 fitzpatrick_skin_linear(int type);
std::string_view fitzpatrick_label(int type);  // "I" .. "VI"

glm::vec3 srgb_to_linear(glm::vec3 srgb);
glm::vec3 linear_to_srgb(glm::vec3 linear);

}  // namespace smp
