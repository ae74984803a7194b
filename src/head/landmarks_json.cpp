#include "head/landmarks_json.h"

#include <cmath>

#include <algorithm>

#include <glm/matrix.hpp>
#include <nlohmann/json.hpp>

#include "core/input_error.h"

namespace smp {

std::string landmarks_to_json(const LandmarksFile& file) {
  const Landmarks& landmarks = file.landmarks;
  nlohmann::ordered_json points = nlohmann::ordered_json::object();
  for (Landmark l : kAllLandmarks) {
    const glm::vec3 p = landmarks[l];
    // 0.01 mm is far below what anyone can place by hand; it keeps the file readable.
    auto round = [](float v) { return std::round(double(v) * 100.0) / 100.0; };
    points[std::string(landmark_key(l))] = {round(p.x), round(p.y), round(p.z)};
  }
  nlohmann::ordered_json doc = {{"format", "smp-studio landmarks"},
                                {"version", 1},
                                {"units", "mm"},
                                {"frame", "+Y up, +Z facing, +X the patient's left; mesh centred on its bounding box"},
                                {"landmarks", points}};
  if (file.orientation != glm::mat3(1.0f)) {  // rows of the rotation applied to the imported mesh
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (int r = 0; r < 3; ++r)
    {
      auto clean = [](float v) { return std::round(double(v) * 1e6) / 1e6 + 0.0; };  // + 0.0: no "-0.0"
      rows.push_back({clean(file.orientation[0][r]), clean(file.orientation[1][r]), clean(file.orientation[2][r])});
    }
    doc["orientation"] = rows;
  }
  if (file.crop_to_top_mm > 0) doc["crop_to_top_mm"] = file.crop_to_top_mm;
  return doc.dump(2) + "\n";
}

LandmarksFile landmarks_from_json(std::string_view text, const std::string& source) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for numbers past a double (found by fuzzing)
    throw InputError(source + ": " + json_problem(e));
  }
  if (!doc.is_object() || !doc.contains("landmarks") || !doc["landmarks"].is_object())
    throw InputError(source + ": no \"landmarks\" object");
  if (doc.contains("units") && doc["units"] != "mm") throw InputError(source + ": units must be \"mm\"");
  LandmarksFile file;
  Landmarks& result = file.landmarks;
  const auto& points = doc["landmarks"];
  for (Landmark l : kAllLandmarks) {
    const std::string key(landmark_key(l));
    if (!points.contains(key)) throw InputError(source + ": landmark \"" + key + "\" is missing");
    const auto& p = points[key];
    if (!p.is_array() || p.size() != 3 || !p[0].is_number() || !p[1].is_number() || !p[2].is_number())
      throw InputError(source + ": landmark \"" + key + "\" must be three numbers [x, y, z] in mm");
    const glm::vec3 v(p[0].get<float>(), p[1].get<float>(), p[2].get<float>());
    if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z))
      throw InputError(source + ": landmark \"" + key + "\" is not a finite point");
    result[l] = v;
  }
  for (const auto& [key, value] : points.items())
    if (!landmark_from_key(key)) throw InputError(source + ": unknown landmark \"" + key + "\"");
  if (doc.contains("orientation")) {
    const auto& rows = doc["orientation"];
    bool numbers = rows.is_array() && rows.size() == 3;
    for (int r = 0; numbers && r < 3; ++r) {
      numbers = rows[r].is_array() && rows[r].size() == 3;
      for (int c = 0; numbers && c < 3; ++c) {
        numbers = rows[r][c].is_number();
        if (numbers) file.orientation[c][r] = rows[r][c].get<float>();
      }
    }
    const glm::mat3 should_be_identity = glm::transpose(file.orientation) * file.orientation;
    float off = 0.0f;
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c) off = std::max(off, std::abs(should_be_identity[c][r] - (r == c ? 1.0f : 0.0f)));
    if (!numbers || off > 1e-3f || glm::determinant(file.orientation) < 0.0f)
      throw InputError(source + ": \"orientation\" must be a 3x3 rotation, given as three rows of three numbers");
  }
  if (doc.contains("crop_to_top_mm")) {
    if (!doc["crop_to_top_mm"].is_number() || doc["crop_to_top_mm"].get<float>() <= 0)
      throw InputError(source + ": \"crop_to_top_mm\" must be a positive number of mm");
    file.crop_to_top_mm = doc["crop_to_top_mm"].get<float>();
  }
  return file;
}

}  // namespace smp
