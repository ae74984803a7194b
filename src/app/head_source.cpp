#include "app/head_source.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

#include "core/input_error.h"
#include "head/orientation.h"
#include "head/landmarks_json.h"

namespace smp {
namespace {

constexpr const char* kBundledHead = "head.ply";

std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path(".") : exe.parent_path();
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::filesystem::path landmarks_path_for(const std::filesystem::path& mesh) {
  return mesh.parent_path() / (mesh.stem().string() + ".landmarks.json");
}

std::filesystem::path bundled_head_path() {
  std::vector<std::filesystem::path> candidates;
  if (const char* env = std::getenv("SMP_STUDIO_ASSETS")) candidates.emplace_back(env);
  const auto exe_dir = executable_dir();
  candidates.push_back(exe_dir / "assets");
  candidates.push_back(exe_dir.parent_path() / "assets");
  candidates.push_back(exe_dir.parent_path().parent_path() / "assets");
  candidates.emplace_back(SMP_SOURCE_ASSETS);
  for (const auto& dir : candidates)
    if (std::filesystem::exists(dir / kBundledHead)) return dir / kBundledHead;
  throw std::runtime_error(std::string("the bundled head (assets/") + kBundledHead +
                           ") was not found beside the program; set SMP_STUDIO_ASSETS to the assets folder");
}

namespace {

LoadedHead load_unfitted(const std::optional<std::filesystem::path>& path, Units units) {
  const std::filesystem::path mesh_path = path ? *path : bundled_head_path();
  LoadedHead head{import_mesh(mesh_path, path ? units : Units::Millimetres), std::nullopt, "", std::nullopt, mesh_path, {}};
  if (path) std::cerr << head.imported.normalisation.note << "\n";

  const std::filesystem::path landmark_file = landmarks_path_for(mesh_path);
  if (std::filesystem::exists(landmark_file)) {
    head.placement = landmarks_from_json(read_text(landmark_file), landmark_file.string());
    head.imported.mesh = rotate_mesh(head.imported.mesh, head.placement.orientation);
    if (head.placement.crop_to_top_mm > 0) head.imported.mesh = crop_to_top(head.imported.mesh, head.placement.crop_to_top_mm);
    head.landmarks = head.placement.landmarks;
    head.landmarks_note = "landmarks from " + landmark_file.filename().string();
    return head;
  }
  try {
    OrientedHead oriented = orient_head(head.imported.mesh, mesh_path.string());
    head.landmarks = oriented.landmarks;
    head.placement = {oriented.landmarks, oriented.rotation, oriented.cropped ? kBodyCropMm : 0.0f};
    head.landmarks_note = "landmarks estimated from the shape";
    if (oriented.rotation != glm::mat3(1.0f) || oriented.cropped) {
      head.imported.mesh = std::move(oriented.mesh);
      head.landmarks_note += "; " + oriented.note;
      std::cerr << mesh_path.string() << ": " << oriented.note << "\n";
    }
  } catch (const InputError& e) {
    head.landmarks_note = e.what();
  }
  return head;
}

}  // namespace

LoadedHead load_head(const HeadOptions& options) {
  LoadedHead head = load_unfitted(options.head, options.units);
  if (!options.fit) return head;
  if (!head.landmarks) throw InputError(head.landmarks_note);
  head.fit = fit_proportions(head.imported.mesh, *head.landmarks, *options.fit);
  head.imported.mesh = head.fit->mesh;
  head.landmarks = head.fit->landmarks;
  std::cerr << describe_fit(*head.fit, *options.fit) << "\n";
  return head;
}

std::string describe_fit(const ProportionsFit& fit, const TapeMeasurements& wanted) {
  char text[400];
  std::snprintf(text, sizeof text,
                "Fitted to the tape (circumference, ear to ear, glabella to inion): wanted %.1f / %.1f / %.1f cm, "
                "reached %.1f / %.1f / %.1f cm (worst %.2f%%) by stretching width x%.3f, height x%.3f, length x%.3f",
                wanted.circumference_mm / 10, wanted.ear_to_ear_over_vertex_mm / 10, wanted.glabella_to_inion_over_vertex_mm / 10,
                fit.achieved.circumference_mm / 10, fit.achieved.ear_to_ear_over_vertex_mm / 10,
                fit.achieved.glabella_to_inion_over_vertex_mm / 10, 100 * fit.worst_error, fit.scale.x, fit.scale.y, fit.scale.z);
  return text;
}


std::vector<Marker> landmark_markers(const Landmarks& landmarks) {
  std::vector<Marker> markers;
  for (Landmark l : kAllLandmarks) {
    const Side side = landmark_side(l);
    const glm::vec3 colour = side == Side::Left    ? glm::vec3(0.2f, 0.6f, 1.0f)
                             : side == Side::Right ? glm::vec3(1.0f, 0.25f, 0.3f)
                                                   : glm::vec3(1.0f, 0.8f, 0.15f);
    markers.push_back({landmarks[l], colour});
  }
  return markers;
}

std::vector<glm::vec4> zone_overlay(const ScalpZones& zones) {
  std::vector<glm::vec4> colours;
  colours.reserve(zones.vertex_zone.size());
  for (Zone z : zones.vertex_zone) colours.emplace_back(zone_colour(z), z == Zone::None ? 0.0f : 1.0f);
  return colours;
}

std::vector<DotInstance> dot_instances(const DotPool& pool, const DotSelection& selection, std::array<float, 3> session_diameter_mm) {
  // DOMAIN: session 1 goes in lighter, later sessions fill in darker; each session's needle sets
  // its size. Each impression also varies a little (+-12% in size, +-8% in shade), from a hash of
  // the dot so it is stable.
  constexpr float kSessionShade[3] = {0.7f, 0.85f, 1.0f};
  std::vector<DotInstance> dots;
  dots.reserve(selection.dots.size());
  for (std::size_t k = 0; k < selection.dots.size(); ++k) {
    const std::uint32_t i = selection.dots[k];
    const std::size_t session = std::min<std::size_t>(selection.session[k], 2);
    const std::uint32_t h = i * 2654435761u;
    const float jitter_size = float((h >> 8) & 0xFF) / 255.0f - 0.5f, jitter_shade = float((h >> 16) & 0xFF) / 255.0f - 0.5f;
    dots.push_back({pool.positions[i], pool.normals[i], session_diameter_mm[session] * (1.0f + 0.24f * jitter_size),
                    float(selection.session[k]), std::clamp(kSessionShade[session] * (1.0f + 0.16f * jitter_shade), 0.0f, 1.0f)});
  }
  return dots;
}

}  // namespace smp
