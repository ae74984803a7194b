#include "app/clinic_settings_file.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "app/design_io.h"
#include "core/input_error.h"
#include "io/atomic_file.h"

namespace smp {

ClinicSettings read_clinic_settings(const std::filesystem::path& path) {
  ClinicSettings settings;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return settings;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(read_input_file(path, "a settings file"));
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path.string() + ": not valid JSON (" + e.what() + ")");
  }
  std::vector<std::string> problems;
  if (!doc.is_object()) refuse_input_file(path, {"should be a JSON object { ... }"});
  auto number = [&](const nlohmann::json& in, const char* key, double& value, double low, double high, const std::string& where) {
    if (!in.contains(key)) return;
    if (!in[key].is_number() || !std::isfinite(in[key].get<double>()) || in[key].get<double>() < low || in[key].get<double>() > high)
      return problems.push_back(where + key + ": should be a number from " + std::to_string(int(low)) + " to " + std::to_string(int(high)));
    value = in[key].get<double>();
  };
  if (doc.contains("clinic_name")) {
    if (doc["clinic_name"].is_string()) settings.clinic_name = doc["clinic_name"].get<std::string>();
    else problems.push_back("clinic_name: should be text");
  }
  number(doc, "dots_per_minute", settings.dots_per_minute, 5, 1000, "");
  double interval = settings.default_interval_days;
  number(doc, "default_interval_days", interval, 1, 90, "");
  settings.default_interval_days = int(std::lround(interval));
  if (doc.contains("prices")) {
    const nlohmann::json& p = doc["prices"];
    if (!p.is_object()) {
      problems.push_back("prices: should be an object { ... }");
    } else {
      if (p.contains("currency")) {
        if (p["currency"].is_string() && !p["currency"].get<std::string>().empty()) settings.prices.currency = p["currency"].get<std::string>();
        else problems.push_back("prices.currency: should be text such as \"EUR\"");
      }
      number(p, "per_session", settings.prices.per_session, 0, 1e6, "prices.");
      number(p, "per_cm2", settings.prices.per_cm2, 0, 1e4, "prices.");
      number(p, "scar_extra_per_cm2", settings.prices.scar_extra_per_cm2, 0, 1e4, "prices.");
      number(p, "minimum", settings.prices.minimum, 0, 1e7, "prices.");
    }
  }
  if (!problems.empty()) refuse_input_file(path, problems);
  return settings;
}

void write_clinic_settings(const std::filesystem::path& path, const ClinicSettings& s) {
  const nlohmann::json doc = {{"format", "smp-studio settings"},
                              {"clinic_name", s.clinic_name},
                              {"dots_per_minute", s.dots_per_minute},
                              {"default_interval_days", s.default_interval_days},
                              {"prices",
                               {{"currency", s.prices.currency},
                                {"per_session", s.prices.per_session},
                                {"per_cm2", s.prices.per_cm2},
                                {"scar_extra_per_cm2", s.prices.scar_extra_per_cm2},
                                {"minimum", s.prices.minimum}}}};
  std::error_code ignored;
  std::filesystem::create_directories(path.parent_path(), ignored);
  write_file_atomically(path, doc.dump(2) + "\n");
}

}  // namespace smp
