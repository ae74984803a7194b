#include "head/landmarks_json.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/input_error.h"

namespace smp {

std::string landmarks_to_json(const Landmarks& landmarks) {
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
  return doc.dump(2) + "\n";
}

Landmarks landmarks_from_json(std::string_view text, const std::string& source) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(source + ": not valid JSON (byte " + std::to_string(e.byte) + ")");
  }
  if (!doc.is_object() || !doc.contains("landmarks") || !doc["landmarks"].is_object())
    throw InputError(source + ": no \"landmarks\" object");
  if (doc.contains("units") && doc["units"] != "mm") throw InputError(source + ": units must be \"mm\"");
  Landmarks result;
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
  return result;
}

}  // namespace smp
