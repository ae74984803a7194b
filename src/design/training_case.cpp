#include "design/training_case.h"

#include <nlohmann/json.hpp>

#include "core/input_error.h"

#include "design/design_file.h"

namespace smp {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kFormat = "smp-studio case";
constexpr int kCaseSchemaVersion = 1;

// A number at `key` of `object` into `value` when present, within [low, high].
void read_number(const Json& object, const char* key, float& value, float low, float high, std::vector<std::string>& errors) {
  if (!object.contains(key)) return;
  const Json& v = object[key];
  if (!v.is_number()) {
    errors.push_back(std::string("tolerances.") + key + ": not a number");
    return;
  }
  const double x = v.get<double>();
  if (x < low || x > high) {
    errors.push_back(std::string("tolerances.") + key + ": " + v.dump() + " is outside " + Json(low).dump() + "-" + Json(high).dump());
    return;
  }
  value = float(x);
}

}  // namespace

std::string case_to_json(const TrainingCase& c) {
  const ScoreTolerances& t = c.tolerances;
  const Json doc = {{"format", kFormat},
                    {"version", kCaseSchemaVersion},
                    {"name", c.name},
                    {"pattern", c.pattern},
                    {"brief", {{"age", c.age}, {"wishes", c.wishes}}},
                    {"tolerances",
                     {{"hairline_mean_mm", t.hairline_mean_mm},
                      {"hairline_max_mm", t.hairline_max_mm},
                      {"symmetry_mm", t.symmetry_mm},
                      {"transition_mm", t.transition_mm},
                      {"transition_falloff", t.transition_falloff},
                      {"density_percent", t.density_percent},
                      {"session_percent", t.session_percent},
                      {"dilution_percent", t.dilution_percent},
                      {"interval_days", t.interval_days},
                      {"spread_rho", t.spread_rho}}},
                    {"reference", Json::parse(design_to_json(c.reference))}};
  return doc.dump(2) + "\n";
}

CaseReadResult case_from_json(const std::string& text) {
  CaseReadResult result;
  std::vector<std::string>& errors = result.errors;
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for numbers past a double (found by fuzzing)
    errors.push_back(json_problem(e));
    return result;
  }
  if (!doc.is_object() || !doc.contains("format") || doc["format"] != kFormat) {
    errors.push_back(std::string("format: not a training case (expected \"format\": \"") + kFormat + "\")");
    return result;
  }
  if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"].get<int>() != kCaseSchemaVersion) {
    errors.push_back("version: not a case version this program reads (1)");
    return result;
  }
  TrainingCase c;
  auto text_at = [&](const Json& object, const char* key, std::string& value, const std::string& where) {
    if (!object.contains(key)) return;
    if (object[key].is_string()) value = object[key].get<std::string>();
    else errors.push_back(where + key + ": not text");
  };
  text_at(doc, "name", c.name, "");
  text_at(doc, "pattern", c.pattern, "");
  if (c.name.empty()) errors.push_back("name: missing");
  if (doc.contains("brief")) {
    const Json& brief = doc["brief"];
    if (!brief.is_object()) {
      errors.push_back("brief: not an object");
    } else {
      text_at(brief, "wishes", c.wishes, "brief.");
      if (brief.contains("age")) {
        if (!brief["age"].is_number_integer() || brief["age"].get<int>() < 18 || brief["age"].get<int>() > 100)
          errors.push_back("brief.age: " + brief["age"].dump() + " is not an adult's age in years (18-100)");
        else c.age = brief["age"].get<int>();
      }
    }
  }
  if (doc.contains("tolerances")) {
    const Json& t = doc["tolerances"];
    ScoreTolerances& v = c.tolerances;
    if (!t.is_object()) {
      errors.push_back("tolerances: not an object");
    } else {
      read_number(t, "hairline_mean_mm", v.hairline_mean_mm, 0.5f, 30, errors);
      read_number(t, "hairline_max_mm", v.hairline_max_mm, 0.5f, 50, errors);
      read_number(t, "symmetry_mm", v.symmetry_mm, 0.5f, 20, errors);
      read_number(t, "transition_mm", v.transition_mm, 0.5f, 15, errors);
      read_number(t, "transition_falloff", v.transition_falloff, 0.05f, 3, errors);
      read_number(t, "density_percent", v.density_percent, 1, 100, errors);
      read_number(t, "session_percent", v.session_percent, 1, 100, errors);
      read_number(t, "dilution_percent", v.dilution_percent, 1, 100, errors);
      read_number(t, "interval_days", v.interval_days, 0, 30, errors);
      read_number(t, "spread_rho", v.spread_rho, 0.01f, 1, errors);
    }
  }
  if (!doc.contains("reference")) {
    errors.push_back("reference: missing (the trainer's design)");
  } else {
    DesignReadResult reference = design_from_json(doc["reference"].dump());
    for (const std::string& e : reference.errors) errors.push_back("reference." + e);
    if (reference.design) c.reference = *reference.design;
  }
  if (errors.empty()) result.training_case = std::move(c);
  return result;
}

}  // namespace smp
