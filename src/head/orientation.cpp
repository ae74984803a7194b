#include "head/orientation.h"

#include <cmath>
#include <limits>
#include <vector>

#include <glm/geometric.hpp>

#include "core/input_error.h"
#include "head/landmark_estimate.h"

namespace smp {
namespace {

// The 24 rotations that map axes onto axes (determinant +1).
std::vector<glm::mat3> quarter_turns() {
  std::vector<glm::mat3> turns{glm::mat3(1.0f)};  // the program's own frame first
  const glm::vec3 axes[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  for (const glm::vec3& up : axes)
    for (const glm::vec3& facing : axes) {
      if (std::abs(glm::dot(up, facing)) > 0.5f || (up.y > 0.5f && facing.z > 0.5f)) continue;
      // The rotation sending `up` to +Y and `facing` to +Z: its rows are (up x facing, up, facing).
      const glm::vec3 side = glm::cross(up, facing);
      turns.push_back(glm::transpose(glm::mat3(side, up, facing)));
    }
  return turns;
}

std::string axis_name(const glm::vec3& v) {
  const char* names[3] = {"X", "Y", "Z"};
  for (int i = 0; i < 3; ++i)
    if (std::abs(v[i]) > 0.5f) return std::string(v[i] > 0 ? "+" : "-") + names[i];
  return "?";
}

// How much the candidate looks like a face: the depth of the nose bridge below the brow.
float face_score(const Landmarks& l) { return l[Landmark::Glabella].z - l[Landmark::Nasion].z; }

}  // namespace

Mesh rotate_mesh(const Mesh& mesh, const glm::mat3& rotation) {
  Mesh turned = mesh;
  for (glm::vec3& p : turned.positions) p = rotation * p;
  for (glm::vec3& n : turned.normals) n = rotation * n;
  return turned;
}

Mesh crop_to_top(const Mesh& mesh, float height) {
  const float cut = bounds_of(mesh).max.y - height;
  Mesh top;
  std::vector<std::uint32_t> remap(mesh.positions.size(), std::numeric_limits<std::uint32_t>::max());
  for (std::size_t f = 0; f + 2 < mesh.indices.size(); f += 3) {
    const std::uint32_t v[3] = {mesh.indices[f], mesh.indices[f + 1], mesh.indices[f + 2]};
    if (mesh.positions[v[0]].y < cut || mesh.positions[v[1]].y < cut || mesh.positions[v[2]].y < cut) continue;
    for (std::uint32_t i : v) {
      if (remap[i] == std::numeric_limits<std::uint32_t>::max()) {
        remap[i] = static_cast<std::uint32_t>(top.positions.size());
        top.positions.push_back(mesh.positions[i]);
      }
      top.indices.push_back(remap[i]);
    }
  }
  compute_smooth_normals(top);
  return top;
}

OrientedHead orient_head(const Mesh& mesh, const std::string& source) {
  std::optional<OrientedHead> best;
  float best_score = 0.0f;
  for (const glm::mat3& turn : quarter_turns()) {
    Mesh candidate = rotate_mesh(mesh, turn);
    const bool body = bounds_of(candidate).size().y > 1.6f * kBodyCropMm;
    if (body) candidate = crop_to_top(candidate, kBodyCropMm);
    try {
      Landmarks landmarks = estimate_landmarks(candidate, source);
      const float score = face_score(landmarks);
      if (!best || score > best_score) {
        const glm::mat3 back = glm::transpose(turn);  // where the file's axes came from
        std::string note = "assumed " + axis_name(back * glm::vec3(0, 1, 0)) + " up and facing " +
                           axis_name(back * glm::vec3(0, 0, 1));
        if (body) note += "; taller than a head, so cut " + std::to_string(int(kBodyCropMm)) + " mm below its top";
        best = OrientedHead{std::move(candidate), landmarks, turn, body, note};
        best_score = score;
      }
      if (turn == glm::mat3(1.0f) && !body) break;  // the program's own frame works: take it
    } catch (const InputError&) {
      // no face this way round
    }
  }
  if (!best) throw InputError(source + ": no face found whichever way up it is turned (not a head, or the face is "
                                       "missing); place the landmarks by hand");
  return *best;
}

}  // namespace smp
