#pragma once
// Where the head comes from: the bundled head, or a mesh the user names with --head; and its
// landmarks, from the JSON beside the mesh (NAME.landmarks.json) or estimated from its shape.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "head/landmarks.h"
#include "head/landmarks_json.h"
#include "head/proportions_fit.h"
#include "head/scalp_zones.h"
#include "io/mesh_import.h"
#include "dots/dot_pool.h"
#include "dots/selection.h"
#include "render/dot_pass.h"
#include "render/marker_pass.h"

namespace smp {

struct HeadOptions {
  std::optional<std::filesystem::path> head;  // none: the bundled head
  Units units = Units::Auto;
  std::optional<TapeMeasurements> fit;        // stretch the head to a patient's tape measurements
};

struct LoadedHead {
  ImportedMesh imported;
  std::optional<Landmarks> landmarks;  // none when they could not be found: place them by hand
  std::string landmarks_note;          // where the landmarks came from, or why there are none
  std::optional<ProportionsFit> fit;   // set when the head was stretched to tape measurements
  std::filesystem::path mesh_path;     // the file the head was read from
  LandmarksFile placement;             // how the imported mesh was turned and cut, and its landmarks
};

// NAME.landmarks.json beside NAME.ply (or any mesh file): landmarks and orientation are kept there.
std::filesystem::path landmarks_path_for(const std::filesystem::path& mesh);

// The bundled head: $SMP_STUDIO_ASSETS, assets/ beside or above the executable, or the source tree.
std::filesystem::path bundled_head_path();

// Imports the head (or the bundled one), prints which units were assumed to stderr, finds the
// landmarks, and stretches it to the tape measurements if asked. A broken mesh or landmark file,
// or a fit without landmarks, throws InputError; landmarks that cannot be estimated only leave
// `landmarks` empty, with the reason in `landmarks_note`.
LoadedHead load_head(const HeadOptions& options);

// "Fitted to 55.5 / 34.0 / 32.5 cm: ..." for the user.
std::string describe_fit(const ProportionsFit& fit, const TapeMeasurements& wanted);

// One marker per landmark: gold on the midline, blue on the patient's left, red on their right.
std::vector<Marker> landmark_markers(const Landmarks& landmarks);

// The kept dots as the renderer draws them, `diameter_mm` across.
std::vector<DotInstance> dot_instances(const DotPool& pool, const DotSelection& selection, std::array<float, 3> session_diameter_mm);

// Each vertex tinted with its zone's colour; outside the scalp, untinted.
std::vector<glm::vec4> zone_overlay(const ScalpZones& zones);

}  // namespace smp
