#include "head/landmarks.h"

namespace smp {
namespace {

struct Names {
  std::string_view key, label;
};
constexpr std::array<Names, kLandmarkCount> kNames{{
    {"glabella", "Glabella"},
    {"nasion", "Nasion"},
    {"left_lateral_canthus", "Left outer eye corner"},
    {"right_lateral_canthus", "Right outer eye corner"},
    {"left_frontotemporal", "Left temple corner"},
    {"right_frontotemporal", "Right temple corner"},
    {"left_ear_top", "Left ear top"},
    {"right_ear_top", "Right ear top"},
    {"vertex", "Vertex"},
    {"inion", "Inion (occipital point)"},
    {"nape", "Nape midpoint"},
}};

}  // namespace

std::string_view landmark_key(Landmark l) { return kNames[static_cast<std::size_t>(l)].key; }
std::string_view landmark_label(Landmark l) { return kNames[static_cast<std::size_t>(l)].label; }

Side landmark_side(Landmark l) {
  const std::string_view key = landmark_key(l);
  return key.starts_with("left") ? Side::Left : key.starts_with("right") ? Side::Right : Side::Midline;
}

std::optional<Landmark> landmark_from_key(std::string_view key) {
  for (Landmark l : kAllLandmarks)
    if (landmark_key(l) == key) return l;
  return std::nullopt;
}

}  // namespace smp
