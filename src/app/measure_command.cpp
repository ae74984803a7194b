// `smp-studio measure`: the landmarks and the tape-measure figures of a head, as text or JSON.
#include <cmath>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/head_source.h"
#include "core/input_error.h"
#include "head/geodesic.h"
#include "app/design_dots.h"
#include "app/clinic_settings_file.h"
#include "app/design_io.h"
#include "design/screening.h"
#include "app/pool_cache.h"
#include "design/session_dates.h"
#include "head/anatomy.h"

namespace smp {
namespace {

struct Figure {
  const char* key;    // JSON name, in mm
  const char* label;  // for people, shown in cm
  double mm;
};

std::vector<Figure> figures_of(const HeadMeasurements& m) {
  return {{"circumference_mm", "Head circumference (glabella-inion)", m.circumference_mm},
          {"ear_to_ear_over_vertex_mm", "Ear to ear over the vertex", m.ear_to_ear_over_vertex_mm},
          {"glabella_to_inion_over_vertex_mm", "Glabella to inion over the vertex", m.glabella_to_inion_over_vertex_mm},
          {"glabella_to_vertex_mm", "Glabella to vertex", m.glabella_to_vertex_mm}};
}

double round_to(double value, double step) { return std::round(value / step) * step; }

}  // namespace

int run_measure(const MeasureOptions& options) {
  const std::optional<Design> design = options.design.empty() ? std::nullopt : std::optional(read_design_file(options.design));
  const LoadedHead head = load_head(design ? head_for_design(options.head, *design) : options.head);
  if (!head.landmarks) throw InputError(head.landmarks_note);
  const Mesh& mesh = head.imported.mesh;
  const GeodesicDistance geodesic(mesh);
  const Anatomy anatomy = prepare_anatomy(mesh, *head.landmarks, geodesic);
  const HeadMeasurements& measured = anatomy.measurements;
  const std::string source = options.head.head ? options.head.head->string() : "bundled head";
  // The design's figures, from the same selection the window and the renders use.
  DotCounts counts;
  TreatedArea area;  // measured where the design's dots go: what the quote is priced on
  const ClinicSettings clinic = read_clinic_settings(clinic_settings_path());
  const double pace = options.dots_per_minute > 0 ? options.dots_per_minute : clinic.dots_per_minute;
  if (design) {
    const DotPool pool = cached_head_pool(mesh);
    DesignDots designed(mesh, *head.landmarks, anatomy, geodesic, pool);
    counts = designed.make(*design).counts;
    area = designed.treated_area(*design);
  }
  const double treated_cm2 = area.treated_cm2;
  auto zone_total = [&](std::size_t z) {
    std::size_t n = 0;
    for (const auto& session : counts.per_session_zone) n += session[z];
    return n;
  };

  if (options.json) {
    nlohmann::ordered_json out;
    out["head"] = source;
    out["units"] = "mm";
    out["landmarks_source"] = head.landmarks_note;
    for (Landmark l : kAllLandmarks) {
      const glm::vec3 p = (*head.landmarks)[l];
      out["landmarks"][std::string(landmark_key(l))] = {round_to(p.x, 0.01), round_to(p.y, 0.01), round_to(p.z, 0.01)};
    }
    for (const Figure& f : figures_of(measured)) out["measurements"][f.key] = round_to(f.mm, 0.1);
    out["measurements"]["scalp_area_cm2"] = round_to(anatomy.zones.scalp_area_mm2 / 100.0, 0.1);
    for (std::size_t z = 1; z < kZoneCount; ++z)
      out["zones_cm2"][std::string(zone_key(Zone(z)))] = round_to(anatomy.zones.area_mm2[z] / 100.0, 0.1);
    out["scalp_chart"] = {{"projection", "azimuthal equidistant from the vertex"},
                          {"mean_area_error", round_to(anatomy.chart_distortion.area_error, 0.001)},
                          {"mean_angle_error", round_to(anatomy.chart_distortion.angle_error, 0.001)}};
    if (design) {
      nlohmann::ordered_json d;
      const std::vector<std::string> dates = planned_session_dates(*design);
      d["file"] = options.design.string();
      d["name"] = design->name;
      d["hairline_height_mm"] = design->hairline.height_mm;
      d["treated_area_cm2"] = round_to(treated_cm2, 0.1);
      d["scar_area_cm2"] = round_to(area.scar_cm2, 0.1);
      d["dots"] = counts.total;
      for (std::size_t k = 0; k < design->sessions.size(); ++k) {
        const SessionDesign& s = design->sessions[k];
        d["sessions"].push_back({{"session", k + 1},
                                 {"new_dots", counts.in_session(k)},
                                 {"reaches_percent", s.cumulative_percent},
                                 {"needle", std::string(needle_spec(s.needle).key)},
                                 {"pigment_percent", s.pigment_percent},
                                 {"minutes_at_chair", round_to(double(counts.in_session(k)) / pace, 1.0)},
                                 {"hairline_height_mm", session_hairline(*design, k).height_mm},
                                 {"needle_angle_deg", s.needle_angle_deg},
                                 {"date", k < dates.size() ? dates[k] : ""}});
        for (std::size_t z = 1; z < kZoneCount; ++z) d["sessions"].back()["new_dots_per_zone"][std::string(zone_key(Zone(z)))] = counts.per_session_zone[k][z];
      }
      const Quote quote = make_quote(clinic.prices, area);
      nlohmann::ordered_json q;
      q["currency"] = quote.currency;
      for (const QuoteLine& line : quote.lines)
        q["lines"].push_back({{"what", line.what}, {"quantity", line.quantity}, {"unit", line.unit}, {"unit_price", line.unit_price}, {"amount", line.amount}});
      q["total"] = quote.total;
      q["minimum_applied"] = quote.minimum_applied;
      d["quote"] = q;
      for (const ScreeningFlag& flag : screen_intake(design->patient.intake))
        d["flags"].push_back({{"key", flag.key}, {"level", std::string(flag_level_words(flag.level))}, {"title", flag.title}});
      for (std::size_t z = 1; z < kZoneCount; ++z) d["dots_per_zone"][std::string(zone_key(Zone(z)))] = zone_total(z);
      out["design"] = d;
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::printf("Head       %s (%zu triangles)\nLandmarks  %s\n\nMeasured along the skin\n", source.c_str(),
              mesh.triangle_count(), head.landmarks_note.c_str());
  for (const Figure& f : figures_of(measured)) std::printf("  %-38s %6.1f cm\n", f.label, f.mm / 10.0);
  std::printf("\nScalp zones (areas on the skin)\n");
  for (std::size_t z = 1; z < kZoneCount; ++z)
    std::printf("  %-38s %6.1f cm2\n", std::string(zone_label(Zone(z))).c_str(), anatomy.zones.area_mm2[z] / 100.0);
  std::printf("  %-38s %6.1f cm2\n", "Whole treatable scalp", anatomy.zones.scalp_area_mm2 / 100.0);
  std::printf("\nScalp chart (azimuthal equidistant from the vertex): mean area error %.1f%%, mean angle error %.1f%%\n",
              100 * anatomy.chart_distortion.area_error, 100 * anatomy.chart_distortion.angle_error);
  if (design) {
    std::printf("\nDesign \"%s\" (%s)\n  hairline %.1f mm above the glabella, %.1f cm2 treated, %zu dots\n", design->name.c_str(),
                options.design.string().c_str(), double(design->hairline.height_mm), treated_cm2, counts.total);
    for (std::size_t k = 0; k < design->sessions.size(); ++k) {
      const SessionDesign& s = design->sessions[k];
      std::printf("  Session %zu: %6zu new dots (to %3.0f%%), hairline %.0f mm, %s at %.0f deg, %2.0f%% pigment, about %3.0f min at %.0f dots/min\n",
                  k + 1, counts.in_session(k), double(s.cumulative_percent), double(session_hairline(*design, k).height_mm),
                  std::string(needle_spec(s.needle).label).c_str(), double(s.needle_angle_deg), double(s.pigment_percent),
                  double(counts.in_session(k)) / pace, pace);
    }
    const Quote quote = make_quote(clinic.prices, area);
    std::printf("  Quote: %s%s\n", money_text(quote.total, quote.currency).c_str(), quote.minimum_applied ? " (the minimum fee)" : "");
    for (const ScreeningFlag& flag : screen_intake(design->patient.intake))
      std::printf("  ! %s: %s\n", flag.title.c_str(), std::string(flag_level_words(flag.level)).c_str());
    for (std::size_t z = 1; z < kZoneCount; ++z)
      std::printf("  %-38s %6zu dots (%3.0f dots/cm2 asked)\n", std::string(zone_label(Zone(z))).c_str(), zone_total(z), double(design->zone_density[z]));
  }
  std::printf("\nLandmarks (mm; +Y up, +Z facing, +X the patient's left)\n");
  for (Landmark l : kAllLandmarks) {
    const glm::vec3 p = (*head.landmarks)[l];
    std::printf("  %-26s x %7.1f   y %7.1f   z %7.1f\n", std::string(landmark_label(l)).c_str(), double(p.x), double(p.y),
                double(p.z));
  }
  return 0;
}

}  // namespace smp
