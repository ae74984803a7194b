#pragma once
// The anatomical points everything on the head is placed and measured from (millimetres, in the
// head's frame: +Y up, +Z facing, +X the patient's left).
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include <glm/vec3.hpp>

namespace smp {

enum class Landmark {
  Glabella,             // between the brows
  Nasion,               // the deepest point of the nose bridge
  LeftCanthus,          // outer corner of the left eye
  RightCanthus,
  LeftFrontotemporal,   // temple corner of the hairline, up from the outer eye corner
  RightFrontotemporal,
  LeftEarTop,
  RightEarTop,
  Vertex,               // top of the head
  Inion,                // the back of the head on the midline (occipital point)
  Nape,                 // middle of the nape, where the neck hairline runs
};
constexpr std::size_t kLandmarkCount = 11;

constexpr std::array<Landmark, kLandmarkCount> kAllLandmarks{
    Landmark::Glabella,  Landmark::Nasion,     Landmark::LeftCanthus, Landmark::RightCanthus,
    Landmark::LeftFrontotemporal, Landmark::RightFrontotemporal, Landmark::LeftEarTop, Landmark::RightEarTop,
    Landmark::Vertex,    Landmark::Inion,      Landmark::Nape};

enum class Side { Midline, Left, Right };  // the patient's left and right

std::string_view landmark_key(Landmark landmark);    // "left_ear_top": files and the command line
std::string_view landmark_label(Landmark landmark);  // "Left ear top": people
std::optional<Landmark> landmark_from_key(std::string_view key);
Side landmark_side(Landmark landmark);

struct Landmarks {
  std::array<glm::vec3, kLandmarkCount> positions{};
  glm::vec3& operator[](Landmark l) { return positions[static_cast<std::size_t>(l)]; }
  const glm::vec3& operator[](Landmark l) const { return positions[static_cast<std::size_t>(l)]; }
};

}  // namespace smp
