#include "design/design_file.h"

#include "head/landmarks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/geometric.hpp>
#include <nlohmann/json.hpp>

#include "core/input_error.h"
#include "design/session_dates.h"

namespace smp {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kFormat = "smp-studio design";

std::string number_text(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

// Reads fields out of one JSON object, collecting a line for each problem.
class Reader {
 public:
  Reader(const Json& object, std::string path, std::vector<std::string>& errors) : object_(object), path_(std::move(path)), errors_(errors) {}

  void number(const char* key, float& value, double low, double high, const char* unit) {
    const Json* field = find(key);
    if (!field) return;
    if (!field->is_number()) return fail(key, "should be a number (" + std::string(unit) + "), not " + std::string(field->type_name()));
    const double v = field->get<double>();
    if (!std::isfinite(v) || v < low || v > high)
      return fail(key, number_text(v) + " is outside " + number_text(low) + "-" + number_text(high) + " " + unit);
    value = float(v);
  }
  void integer(const char* key, int& value, int low, int high, const char* unit) {
    const Json* field = find(key);
    if (!field) return;
    if (!field->is_number_integer()) return fail(key, "should be a whole number (" + std::string(unit) + ")");
    const long long v = field->get<long long>();
    if (v < low || v > high) return fail(key, std::to_string(v) + " is outside " + std::to_string(low) + "-" + std::to_string(high) + " " + unit);
    value = int(v);
  }
  void text(const char* key, std::string& value) {
    const Json* field = find(key);
    if (!field) return;
    if (!field->is_string()) return fail(key, "should be text");
    value = field->get<std::string>();
  }
  void texts(const char* key, std::vector<std::string>& value) {
    const Json* field = find(key);
    if (!field) return;
    if (!field->is_array()) return fail(key, "should be a list of words in quotes");
    value.clear();
    for (const Json& item : *field) {
      if (!item.is_string()) return fail(key, "should be a list of words in quotes");
      value.push_back(item.get<std::string>());
    }
  }
  void points(const char* key, std::vector<glm::vec3>& value) {
    const Json* field = find(key);
    if (!field) return;
    if (!field->is_array()) return fail(key, "should be a list of [x, y, z] points in mm");
    value.clear();
    for (const Json& p : *field) {
      if (!p.is_array() || p.size() != 3 || !p[0].is_number() || !p[1].is_number() || !p[2].is_number())
        return fail(key, "should be a list of [x, y, z] points in mm");
      const glm::vec3 v(p[0].get<float>(), p[1].get<float>(), p[2].get<float>());
      if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z) || glm::length(v) > 1000.0f)
        return fail(key, "has a point off any head (over 1 m from its centre)");
      value.push_back(v);
    }
  }
  void flag(const char* key, bool& value) {
    const Json* field = find(key);
    if (!field) return;
    if (!field->is_boolean()) return fail(key, "should be true or false");
    value = field->get<bool>();
  }
  void colour(const char* key, glm::vec3& value) {
    const Json* field = find(key);
    if (!field) return;
    if (!field->is_array() || field->size() != 3) return fail(key, "should be [r, g, b], each 0-1");
    for (int c = 0; c < 3; ++c) {
      if (!(*field)[std::size_t(c)].is_number()) return fail(key, "should be [r, g, b], each 0-1");
      const double v = (*field)[std::size_t(c)].get<double>();
      if (!(v >= 0.0 && v <= 1.0)) return fail(key, "should be [r, g, b], each 0-1");
      value[c] = float(v);
    }
  }
  void date(const char* key, std::string& value) {
    const Json* field = find(key);
    if (!field) return;
    const std::string text = field->is_string() ? field->get<std::string>() : "";
    if (text.empty() && field->is_string()) return value.clear();
    if (!field->is_string() || !parse_iso_date(text)) return fail(key, "should be a date as YYYY-MM-DD (a real one), or empty");
    value = text;
  }
  void needle(const char* key, Needle& value) {
    const Json* field = find(key);
    if (!field) return;
    if (field->is_string())
      for (int n = 0; n < kNeedleCount; ++n)
        if (needle_spec(static_cast<Needle>(n)).key == field->get<std::string>()) {
          value = static_cast<Needle>(n);
          return;
        }
    std::string known;
    for (int n = 0; n < kNeedleCount; ++n) known += (n ? ", " : "") + std::string(needle_spec(static_cast<Needle>(n)).key);
    fail(key, "should be one of " + known);
  }
  const Json* object(const char* key) {
    const Json* field = find(key);
    if (field && !field->is_object()) {
      fail(key, "should be an object { ... }");
      return nullptr;
    }
    return field;
  }
  std::string path(const char* key) const { return path_.empty() ? key : path_ + "." + key; }
  void fail(const char* key, const std::string& problem) { errors_.push_back(path(key) + ": " + problem); }

 private:
  const Json* find(const char* key) const {
    const auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }
  const Json& object_;
  std::string path_;
  std::vector<std::string>& errors_;
};

}  // namespace

Json photos_json(const std::vector<BeforePhoto>& photos) {
  Json list = Json::array();
  for (const BeforePhoto& p : photos) list.push_back({{"view", p.view}, {"file", p.file}});
  return list;
}

std::string design_to_json(const Design& d) {
  const HairlineDesign& h = d.hairline;
  Json density = Json::object();
  for (std::size_t z = 1; z < kZoneCount; ++z) density[std::string(zone_key(static_cast<Zone>(z)))] = d.zone_density[z];
  Json sessions = Json::array();
  for (const SessionDesign& s : d.sessions)
    sessions.push_back({{"cumulative_percent", s.cumulative_percent},
                        {"pigment_percent", s.pigment_percent},
                        {"needle", std::string(needle_spec(s.needle).key)},
                        {"interval_days", s.interval_days},
                        {"hairline_raise_mm", s.hairline_raise_mm},
                        {"needle_angle_deg", s.needle_angle_deg},
                        {"depth_note", s.depth_note}});
  auto points = [](const std::vector<glm::vec3>& dabs) {
    Json list = Json::array();
    for (const glm::vec3& p : dabs) list.push_back({p.x, p.y, p.z});
    return list;
  };
  Json strokes = Json::array(), scars = Json::array();
  for (const BrushStroke& s : d.strokes)
    strokes.push_back({{"radius_mm", s.radius_mm}, {"change_per_cm2", s.change_per_cm2}, {"dabs_mm", points(s.dabs)}});
  for (const ScarDesign& s : d.scars)
    scars.push_back({{"name", s.name},
                     {"radius_mm", s.radius_mm},
                     {"density_per_cm2", s.density_per_cm2},
                     {"needle", std::string(needle_spec(s.needle).key)},
                     {"pigment_percent", s.pigment_percent},
                     {"dabs_mm", points(s.dabs)}});
  Json landmarks = Json::object();
  for (const auto& [key, p] : d.head_landmarks) landmarks[key] = {p.x, p.y, p.z};
  const Json doc = {{"format", kFormat},
                    {"version", kDesignSchemaVersion},
                    {"name", d.name},
                    {"hairline",
                     {{"height_mm", h.height_mm},
                      {"temple_recession_mm", h.temple_recession_mm},
                      {"corner_offset_mm", h.corner_offset_mm},
                      {"corner_rounding", h.corner_rounding},
                      {"widow_peak_depth_mm", h.widow_peak_depth_mm},
                      {"widow_peak_width_mm", h.widow_peak_width_mm},
                      {"asymmetry_mm", h.asymmetry_mm},
                      {"wave_mm", h.wave_mm},
                      {"jitter_mm", h.jitter_mm},
                      {"transition_mm", h.transition_mm},
                      {"transition_falloff", h.transition_falloff},
                      {"stray_percent", h.stray_percent},
                      {"seed", h.seed}}},
                    {"density_per_cm2", density},
                    {"sessions", sessions},
                    {"first_session_date", d.first_session_date},
                    {"strokes", strokes},
                    {"scars", scars},
                    {"head", {{"file", d.head_file}, {"landmarks_mm", landmarks}}},
                    {"patient",
                     {{"id", d.patient.id},
                      {"fitzpatrick_type", d.patient.fitzpatrick_type},
                      {"use_sampled_skin", d.patient.use_sampled_skin},
                      {"sampled_skin_srgb", {d.patient.sampled_skin_srgb.r, d.patient.sampled_skin_srgb.g, d.patient.sampled_skin_srgb.b}},
                      {"hair_colour", d.patient.hair_colour},
                      {"notes", d.patient.notes},
                      {"photos", photos_json(d.patient.photos)},
                      {"intake",
                       {{"age_years", d.patient.intake.age_years},
                        {"reasons", d.patient.intake.reasons},
                        {"conditions", d.patient.intake.conditions},
                        {"medication", d.patient.intake.medication}}}}}};
  return doc.dump(2) + "\n";
}

DesignReadResult design_from_json(const std::string& text) {
  DesignReadResult result;
  std::vector<std::string>& errors = result.errors;
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for numbers past a double (found by fuzzing)
    errors.push_back(json_problem(e));
    return result;
  }
  if (!doc.is_object()) {
    errors.push_back("not a design: the file is not a JSON object");
    return result;
  }
  if (!doc.contains("format") || doc["format"] != kFormat) {
    errors.push_back("format: not a design file (expected \"format\": \"" + std::string(kFormat) + "\")");
    return result;
  }
  if (!doc.contains("version") || !doc["version"].is_number_integer()) {
    errors.push_back("version: missing or not a whole number");
    return result;
  }
  if (const int version = doc["version"].get<int>(); version < 1 || version > kDesignSchemaVersion) {
    errors.push_back("version: " + std::to_string(version) + " is not a version this program reads (1-" + std::to_string(kDesignSchemaVersion) +
                     (version > kDesignSchemaVersion ? "; it was written by a newer SMP Studio)" : ")"));
    return result;
  }

  Design d;
  Reader top(doc, "", errors);
  top.text("name", d.name);
  if (const Json* hairline = top.object("hairline")) {
    Reader h(*hairline, "hairline", errors);
    HairlineDesign& v = d.hairline;
    h.number("height_mm", v.height_mm, 40, 120, "mm");
    h.number("temple_recession_mm", v.temple_recession_mm, -20, 40, "mm");
    h.number("corner_offset_mm", v.corner_offset_mm, -25, 25, "mm");
    h.number("corner_rounding", v.corner_rounding, 0, 1, "");
    h.number("widow_peak_depth_mm", v.widow_peak_depth_mm, 0, 20, "mm");
    h.number("widow_peak_width_mm", v.widow_peak_width_mm, 5, 60, "mm");
    h.number("asymmetry_mm", v.asymmetry_mm, -15, 15, "mm");
    h.number("wave_mm", v.wave_mm, 0, 6, "mm");
    h.number("jitter_mm", v.jitter_mm, 0, 3, "mm");
    h.number("transition_mm", v.transition_mm, 3, 20, "mm");
    h.number("transition_falloff", v.transition_falloff, 0.5, 3, "");
    h.number("stray_percent", v.stray_percent, 0, 20, "%");
    h.integer("seed", v.seed, 0, 1000000, "");
  }
  if (const Json* density = top.object("density_per_cm2")) {
    Reader z(*density, "density_per_cm2", errors);
    for (std::size_t i = 1; i < kZoneCount; ++i) {
      const std::string key(zone_key(static_cast<Zone>(i)));
      z.number(key.c_str(), d.zone_density[i], 0, kMaxZoneDensity, "dots/cm2");
    }
    for (const auto& [key, value] : density->items()) {
      bool known = false;
      for (std::size_t i = 1; i < kZoneCount; ++i) known |= zone_key(static_cast<Zone>(i)) == key;
      if (!known) errors.push_back("density_per_cm2." + key + ": not a zone (zones: hairline_band, frontal, mid_scalp, crown, ...)");
    }
  }
  if (doc.contains("sessions")) {
    const Json& list = doc["sessions"];
    if (!list.is_array() || list.empty() || list.size() > std::size_t(kMaxSessions)) {
      errors.push_back("sessions: should be a list of 1-" + std::to_string(kMaxSessions) + " sessions");
    } else {
      d.sessions.assign(list.size(), SessionDesign{});
      float previous = 0.0f;
      for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string path = "sessions[" + std::to_string(k) + "]";
        if (!list[k].is_object()) {
          errors.push_back(path + ": should be an object { ... }");
          continue;
        }
        Reader s(list[k], path, errors);
        SessionDesign& v = d.sessions[k];
        s.number("cumulative_percent", v.cumulative_percent, 1, 100, "%");
        s.number("pigment_percent", v.pigment_percent, 5, 100, "%");
        s.needle("needle", v.needle);
        s.integer("interval_days", v.interval_days, 0, 365, "days");
        s.number("hairline_raise_mm", v.hairline_raise_mm, 0, 30, "mm");
        s.number("needle_angle_deg", v.needle_angle_deg, 15, 90, "degrees");
        s.text("depth_note", v.depth_note);
        if (v.cumulative_percent <= previous) s.fail("cumulative_percent", "should be more than the session before's (" + number_text(previous) + "%)");
        previous = v.cumulative_percent;
        if (k > 0 && v.hairline_raise_mm > d.sessions[k - 1].hairline_raise_mm)
          s.fail("hairline_raise_mm", "should not be more than the session before's (" + number_text(d.sessions[k - 1].hairline_raise_mm) +
                                          " mm): a later session cannot take dots away");
      }
      if (errors.empty() && d.sessions.back().cumulative_percent != 100.0f)
        errors.push_back("sessions[" + std::to_string(list.size() - 1) + "].cumulative_percent: the last session should reach 100%");
      if (errors.empty() && d.sessions.back().hairline_raise_mm != 0.0f)
        errors.push_back("sessions[" + std::to_string(list.size() - 1) + "].hairline_raise_mm: the last session should reach the design's hairline (0 mm)");
    }
  }
  top.date("first_session_date", d.first_session_date);
  if (const Json* head = top.object("head")) {
    Reader h(*head, "head", errors);
    h.text("file", d.head_file);
    if (const Json* marks = h.object("landmarks_mm")) {
      for (const auto& [key, value] : marks->items()) {
        if (!landmark_from_key(key)) {
          errors.push_back("head.landmarks_mm." + key + ": not a landmark");
          continue;
        }
        if (!value.is_array() || value.size() != 3 || !value[0].is_number() || !value[1].is_number() || !value[2].is_number()) {
          errors.push_back("head.landmarks_mm." + key + ": should be [x, y, z] in mm");
          continue;
        }
        d.head_landmarks.emplace_back(key, glm::vec3(value[0].get<float>(), value[1].get<float>(), value[2].get<float>()));
      }
    }
  }
  auto list = [&](const char* key, auto&& read_item) {
    if (!doc.contains(key)) return;
    if (!doc[key].is_array()) return errors.push_back(std::string(key) + ": should be a list");
    for (std::size_t k = 0; k < doc[key].size(); ++k) {
      const std::string path = std::string(key) + "[" + std::to_string(k) + "]";
      if (!doc[key][k].is_object()) {
        errors.push_back(path + ": should be an object { ... }");
        continue;
      }
      Reader item(doc[key][k], path, errors);
      read_item(item);
    }
  };
  list("strokes", [&](Reader& r) {
    BrushStroke& s = d.strokes.emplace_back();
    r.number("radius_mm", s.radius_mm, 1, 60, "mm");
    r.number("change_per_cm2", s.change_per_cm2, -kMaxZoneDensity, kMaxZoneDensity, "dots/cm2");
    r.points("dabs_mm", s.dabs);
  });
  list("scars", [&](Reader& r) {
    ScarDesign& s = d.scars.emplace_back();
    r.text("name", s.name);
    r.number("radius_mm", s.radius_mm, 1, 60, "mm");
    r.number("density_per_cm2", s.density_per_cm2, 0, kMaxZoneDensity, "dots/cm2");
    r.needle("needle", s.needle);
    r.number("pigment_percent", s.pigment_percent, 5, 100, "%");
    r.points("dabs_mm", s.dabs);
  });
  if (const Json* patient = top.object("patient")) {
    Reader p(*patient, "patient", errors);
    p.text("id", d.patient.id);
    p.integer("fitzpatrick_type", d.patient.fitzpatrick_type, 1, 6, "");
    p.flag("use_sampled_skin", d.patient.use_sampled_skin);
    p.colour("sampled_skin_srgb", d.patient.sampled_skin_srgb);
    p.text("hair_colour", d.patient.hair_colour);
    p.text("notes", d.patient.notes);
    if (patient->contains("photos")) {
      const Json& photos = (*patient)["photos"];
      if (!photos.is_array()) errors.push_back("patient.photos: should be a list of {\"view\": ..., \"file\": ...}");
      for (std::size_t k = 0; photos.is_array() && k < photos.size(); ++k) {
        const std::string path = "patient.photos[" + std::to_string(k) + "]";
        if (!photos[k].is_object()) {
          errors.push_back(path + ": should be an object { ... }");
          continue;
        }
        Reader r(photos[k], path, errors);
        BeforePhoto photo;
        r.text("view", photo.view);
        r.text("file", photo.file);
        if (std::find(std::begin(kPhotoViews), std::end(kPhotoViews), photo.view) == std::end(kPhotoViews))
          r.fail("view", "should be one of front, left, right, top, back");
        else if (photo.file.empty())
          r.fail("file", "should name the photo's file");
        else
          d.patient.photos.push_back(photo);
      }
    }
    if (const Json* intake = p.object("intake")) {
      Reader i(*intake, "patient.intake", errors);
      i.integer("age_years", d.patient.intake.age_years, 0, 120, "years");
      i.texts("reasons", d.patient.intake.reasons);
      i.texts("conditions", d.patient.intake.conditions);
      i.text("medication", d.patient.intake.medication);
    }
  }
  if (errors.empty()) result.design = std::move(d);
  return result;
}

}  // namespace smp
