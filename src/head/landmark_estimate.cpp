#include "head/landmark_estimate.h"

#include <algorithm>

#include <glm/geometric.hpp>
#include <cmath>
#include <limits>
#include <optional>

#include "core/input_error.h"

namespace smp {
namespace {

constexpr float kNone = std::numeric_limits<float>::lowest();

// The head seen along Z at the midline: for each 1 mm of height, the front-most and back-most
// surface point near x = 0.
struct MidlineProfile {
  float min_y = 0;
  std::vector<std::optional<glm::vec3>> front, back;

  std::optional<glm::vec3> at(const std::vector<std::optional<glm::vec3>>& side, float y) const {
    const auto i = static_cast<std::ptrdiff_t>(std::floor(y - min_y));
    if (i < 0 || i >= std::ssize(side)) return std::nullopt;
    return side[static_cast<std::size_t>(i)];
  }
  // The point of `side` in heights [lo, hi] that maximises `score`.
  template <class Score>
  std::optional<glm::vec3> best(const std::vector<std::optional<glm::vec3>>& side, float lo, float hi, Score score) const {
    std::optional<glm::vec3> result;
    float best_score = kNone;
    for (float y = std::max(lo, min_y); y <= hi; y += 1.0f) {
      const auto p = at(side, y);
      if (p && score(*p) > best_score) best_score = score(*p), result = p;
    }
    return result;
  }
};

MidlineProfile midline_profile(const Mesh& mesh, const Bounds& b) {
  MidlineProfile profile;
  profile.min_y = b.min.y;
  const auto bins = static_cast<std::size_t>(std::ceil(b.size().y)) + 1;
  profile.front.resize(bins);
  profile.back.resize(bins);
  const float band = std::max(2.0f, 0.012f * b.size().x);
  for (const glm::vec3& p : mesh.positions) {
    if (std::abs(p.x - b.centre().x) > band) continue;
    // Front and back halves apart: a height with no front point must not offer a back one.
    auto& slot = (p.z > b.centre().z ? profile.front : profile.back)[static_cast<std::size_t>(p.y - b.min.y)];
    if (!slot || (p.z > b.centre().z ? p.z > slot->z : p.z < slot->z)) slot = p;
  }
  return profile;
}

// The surface point seen from the front (largest z) nearest to (x, y) within `radius` mm.
std::optional<glm::vec3> front_point(const Mesh& mesh, float x, float y, float radius) {
  std::optional<glm::vec3> result;
  for (const glm::vec3& p : mesh.positions)
    if (std::hypot(p.x - x, p.y - y) <= radius && (!result || p.z > result->z)) result = p;
  return result;
}

// The top of the ear on one side (+1: the patient's left, +X): the highest point of the part of
// the head that stands out furthest sideways.
std::optional<glm::vec3> ear_top(const Mesh& mesh, float side, float below_y, float above_y) {
  std::optional<glm::vec3> outermost;
  for (const glm::vec3& p : mesh.positions)
    if (p.y < below_y && p.y > above_y && (!outermost || side * p.x > side * outermost->x)) outermost = p;
  if (!outermost) return std::nullopt;
  std::optional<glm::vec3> top;
  for (const glm::vec3& p : mesh.positions) {
    const bool in_ear = side * p.x > side * outermost->x - 10.0f && std::hypot(p.y - outermost->y, p.z - outermost->z) < 45.0f;
    if (in_ear && (!top || p.y > top->y)) top = p;
  }
  return top;
}

// Area (mm²) of the skin within `depth` mm of the top: small for the dome of a skull, large for
// the flat cut of a neck (an upside-down head) or a box.
double area_near_top(const Mesh& mesh, float top_y, float depth) {
  double area = 0.0;
  for (std::size_t f = 0; f + 2 < mesh.indices.size(); f += 3) {
    const glm::vec3 &a = mesh.positions[mesh.indices[f]], &b = mesh.positions[mesh.indices[f + 1]], &c = mesh.positions[mesh.indices[f + 2]];
    if (std::min({a.y, b.y, c.y}) >= top_y - depth) area += 0.5 * double(glm::length(glm::cross(b - a, c - a)));
  }
  return area;
}

}  // namespace

Landmarks estimate_landmarks(const Mesh& mesh, const std::string& source) {
  auto fail = [&](const char* what) { return InputError(source + ": cannot find the landmarks (" + what + "); place them by hand"); };
  if (mesh.positions.empty()) throw fail("the mesh is empty");
  const Bounds b = bounds_of(mesh);
  const float height = b.size().y;
  const MidlineProfile profile = midline_profile(mesh, b);
  Landmarks l;

  const auto top = profile.best(profile.front, b.max.y - 0.1f * height, b.max.y, [](glm::vec3 p) { return p.y; });
  const auto nose_tip = profile.best(profile.front, b.min.y + 0.1f * height, b.max.y - 0.3f * height, [](glm::vec3 p) { return p.z; });
  if (!top || !nose_tip) throw fail("no midline profile");
  const auto nasion = profile.best(profile.front, nose_tip->y + 10, nose_tip->y + 60, [](glm::vec3 p) { return -p.z; });
  if (!nasion || nasion->z > nose_tip->z - 5.0f) throw fail("no nose: is the face towards +Z and the top towards +Y?");
  const auto glabella = profile.best(profile.front, nasion->y + 1, nasion->y + 35, [](glm::vec3 p) { return p.z; });
  const auto inion = profile.best(profile.back, nasion->y - 40, top->y - 0.15f * height, [](glm::vec3 p) { return -p.z; });
  if (!glabella || !inion) throw fail("no forehead or back of the head");
  // A face has a bridge: the nasion is a dip with the brow standing out above it. A ball or a box
  // has none, and guessing would put the points anywhere.
  if (glabella->z < nasion->z + 1.5f || nasion->y > nose_tip->y + 55) throw fail("no nose bridge below a brow");
  if (top->y - glabella->y < 70.0f) throw fail("no forehead and crown above the brow");
  // A skull's top within 3 mm is a cap about 4.6 cm across (17 cm2); a neck's flat cut is 90 cm2.
  if (area_near_top(mesh, b.max.y, 3.0f) > 4000.0) throw fail("the top is flat, not a crown: upside down?");
  l[Landmark::Vertex] = *top;
  l[Landmark::Nasion] = *nasion;
  l[Landmark::Glabella] = *glabella;
  l[Landmark::Inion] = *inion;
  // The neck hairline runs about 8 cm below the occipital point on an adult, level with the ear lobes.
  const auto nape = profile.best(profile.back, std::max(b.min.y + 3, inion->y - 83), std::max(b.min.y + 3, inion->y - 77),
                                 [](glm::vec3 p) { return -p.z; });
  l[Landmark::Nape] = nape.value_or(*inion);

  // Head breadth over the forehead, in front of the ears.
  float half_breadth = 0.0f;
  for (const glm::vec3& p : mesh.positions)
    if (p.y > glabella->y && p.y < glabella->y + 40 && p.z > b.centre().z) half_breadth = std::max(half_breadth, std::abs(p.x - b.centre().x));
  // Outer eye corners sit about 0.3 head-breadths either side of the midline, just below the nasion;
  // the temple corners of the hairline straight above them, half-way from the glabella to the vertex.
  const float canthus_x = 0.6f * half_breadth;
  const float eye_y = nasion->y - 8.0f;
  const float temple_y = glabella->y + 0.5f * (top->y - glabella->y);
  for (float side : {1.0f, -1.0f}) {
    const float x = b.centre().x + side * canthus_x;
    const auto canthus = front_point(mesh, x, eye_y, 3.0f);
    const auto temple = front_point(mesh, x, temple_y, 3.0f);
    // Ears sit level with the eyes and brows; lower down, shoulders of a body scan stand out further.
    const auto ear = ear_top(mesh, side, glabella->y + 20, nasion->y - 60);
    if (!canthus || !temple || !ear) throw fail("no eye corners, temples or ears");
    // Ears are behind the face and near the height of the brow: an upside-down or sideways
    // shape that happened to show a dip like a nose bridge fails here.
    if (ear->z > glabella->z - 50.0f || std::abs(ear->y - glabella->y) > 50.0f) throw fail("no ears beside the head");
    l[side > 0 ? Landmark::LeftCanthus : Landmark::RightCanthus] = *canthus;
    l[side > 0 ? Landmark::LeftFrontotemporal : Landmark::RightFrontotemporal] = *temple;
    l[side > 0 ? Landmark::LeftEarTop : Landmark::RightEarTop] = *ear;
  }
  return l;
}

}  // namespace smp
