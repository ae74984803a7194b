#pragma once
// Where the head comes from: the bundled head, or a mesh the user names with --head; and its
// landmarks, from the JSON beside the mesh (NAME.landmarks.json) or estimated from its shape.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "head/landmarks.h"
#include "head/scalp_zones.h"
#include "io/mesh_import.h"
#include "render/marker_pass.h"

namespace smp {

struct LoadedHead {
  ImportedMesh imported;
  std::optional<Landmarks> landmarks;  // none when they could not be found: place them by hand
  std::string landmarks_note;          // where the landmarks came from, or why there are none
};

// The bundled head: $SMP_STUDIO_ASSETS, assets/ beside or above the executable, or the source tree.
std::filesystem::path bundled_head_path();

// Imports `path` (or the bundled head), prints which units were assumed to stderr, and finds the
// landmarks. A broken mesh or landmark file throws InputError; landmarks that cannot be estimated
// only leave `landmarks` empty, with the reason in `landmarks_note`.
LoadedHead load_head(const std::optional<std::filesystem::path>& path, Units units);

// One marker per landmark: gold on the midline, blue on the patient's left, red on their right.
std::vector<Marker> landmark_markers(const Landmarks& landmarks);

// Each vertex tinted with its zone's colour; outside the scalp, untinted.
std::vector<glm::vec4> zone_overlay(const ScalpZones& zones);

}  // namespace smp
