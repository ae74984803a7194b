#include "design/design_score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include <glm/geometric.hpp>

#include "design/design_warnings.h"

namespace smp {
namespace {

std::string format(const char* pattern, double a = 0, double b = 0, double c = 0) {
  char text[320];
  std::snprintf(text, sizeof text, pattern, a, b, c);
  return text;
}

// 100 within the tolerance, falling evenly to 0 at three times it.
double points_for(double value, double tolerance) {
  const double over = std::abs(value) - tolerance;
  if (over <= 1e-9) return 100.0;
  return tolerance > 0 ? std::max(0.0, 100.0 * (1.0 - over / (2.0 * tolerance))) : 0.0;
}

ScoreItem item(std::string key, std::string name, double value, std::string unit, double tolerance, std::string reason) {
  ScoreItem i{std::move(key), std::move(name), value, std::move(unit), tolerance, std::abs(value) <= tolerance + 1e-9, 0, std::move(reason)};
  i.points = points_for(value, tolerance);
  return i;
}

// Signed distance between two hairlines over a range of chart directions: trainee minus reference
// along the skin from the vertex (+: the trainee's is further from the vertex, lower on the head).
struct Deviation {
  double mean_abs = 0, max_abs = 0, mean_signed = 0;
};

Deviation deviation(const HairlineShape& reference, const HairlineShape& trainee, const std::vector<std::pair<double, double>>& ranges) {
  Deviation d;
  int n = 0;
  for (const auto& [from, to] : ranges)
    for (double theta = from; theta <= to + 1e-9; theta += 0.005, ++n) {
      const double delta = trainee.edge_r(theta) - reference.edge_r(theta);
      d.mean_abs += std::abs(delta);
      d.mean_signed += delta;
      d.max_abs = std::max(d.max_abs, std::abs(delta));
    }
  if (n > 0) d.mean_abs /= n, d.mean_signed /= n;
  return d;
}

double mean_edge(const HairlineShape& shape, double centre, double half_width) {
  double sum = 0;
  int n = 0;
  for (double theta = centre - half_width; theta <= centre + half_width + 1e-9; theta += 0.005, ++n) sum += shape.edge_r(theta);
  return n > 0 ? sum / n : 0.0;
}

std::string lower_or_higher(double signed_mm) { return signed_mm > 0 ? "lower (further from the vertex)" : "higher (nearer the vertex)"; }

}  // namespace

const ScoreItem* DesignScore::item(const std::string& key) const {
  const auto found = std::find_if(items.begin(), items.end(), [&](const ScoreItem& i) { return i.key == key; });
  return found == items.end() ? nullptr : &*found;
}

const ScoreFault* DesignScore::fault(const std::string& key) const {
  const auto found = std::find_if(faults.begin(), faults.end(), [&](const ScoreFault& f) { return f.key == key; });
  return found == faults.end() ? nullptr : &*found;
}

DesignScore score_design(const Design& reference, const Design& trainee, const HairlineFrame& frame, const ScoreTolerances& tol,
                         std::optional<SpreadFigures> spread) {
  DesignScore score;
  const HairlineShape ref(reference.hairline, frame), mine(trainee.hairline, frame);
  // Regions by chart direction, from the reference's temple corners (left positive).
  const double left = ref.left_corner().theta, right = ref.right_corner().theta;
  constexpr double kCorner = 0.15, kTemple = 0.6;  // radians either side of a corner; how far the temples run past it
  struct Region {
    const char* key;
    const char* name;
    std::vector<std::pair<double, double>> ranges;
  };
  const Region regions[] = {{"centre", "centre", {{0.5 * right, 0.5 * left}}},
                            {"corners", "temple corners", {{right - kCorner, right + kCorner}, {left - kCorner, left + kCorner}}},
                            {"temples", "temples", {{right - kTemple, right - kCorner}, {left + kCorner, left + kTemple}}}};
  Deviation centre;
  for (const Region& region : regions) {
    const Deviation d = deviation(ref, mine, region.ranges);
    if (std::string(region.key) == "centre") centre = d;
    const std::string where = std::string("Hairline, ") + region.name;
    score.items.push_back(item(std::string("hairline_") + region.key + "_mean_mm", where + ", mean", d.mean_abs, "mm", tol.hairline_mean_mm,
                               d.mean_abs <= tol.hairline_mean_mm
                                   ? format("Within %.1f mm of the reference on average.", tol.hairline_mean_mm)
                                   : format("On average %.1f mm from the reference, mostly ", d.mean_abs) + lower_or_higher(d.mean_signed) + "."));
    score.items.push_back(item(std::string("hairline_") + region.key + "_max_mm", where + ", largest", d.max_abs, "mm", tol.hairline_max_mm,
                               d.max_abs <= tol.hairline_max_mm ? format("Nowhere more than %.1f mm from the reference.", tol.hairline_max_mm)
                                                                : format("Up to %.1f mm from the reference.", d.max_abs)));
  }

  // Symmetry: how much higher the patient's left corner sits than the right (nearer the vertex),
  // beyond the reference's own difference (the head itself is never quite symmetric).
  auto corner_difference = [](const HairlineShape& s) { return s.right_corner().r - s.left_corner().r; };
  const double asymmetry = corner_difference(mine) - corner_difference(ref);
  score.items.push_back(item("symmetry_mm", "Symmetry (corners)", asymmetry, "mm", tol.symmetry_mm,
                             std::abs(asymmetry) <= tol.symmetry_mm
                                 ? format("Left and right corners balance as in the reference (within %.1f mm).", tol.symmetry_mm)
                                 : std::string("The patient's ") + (asymmetry > 0 ? "left" : "right") +
                                       format(" corner sits %.1f mm higher than the other, beyond the reference: it shows in a mirror.", std::abs(asymmetry))));

  const HairlineDesign &rh = reference.hairline, &th = trainee.hairline;
  const double width = th.transition_mm - rh.transition_mm;
  score.items.push_back(item("transition_width_mm", "Transition zone width", width, "mm", tol.transition_mm,
                             std::abs(width) <= tol.transition_mm
                                 ? format("%.1f mm wide, as the reference's %.1f mm.", th.transition_mm, rh.transition_mm)
                                 : format("%.1f mm wide against the reference's %.1f mm: ", th.transition_mm, rh.transition_mm) +
                                       (width < 0 ? "the edge is too sudden." : "the edge fades out too far.")));
  const double softness = th.transition_falloff - rh.transition_falloff;
  score.items.push_back(item("transition_softness", "Transition softness (falloff)", softness, "", tol.transition_falloff,
                             std::abs(softness) <= tol.transition_falloff
                                 ? format("Density rises across the edge as in the reference (falloff %.2f).", th.transition_falloff)
                                 : format("Falloff %.2f against the reference's %.2f: density rises %s across the edge.", th.transition_falloff,
                                          rh.transition_falloff) + (softness > 0 ? "late and fast" : "too early")));

  // Density per zone, as a share of the reference's.
  std::optional<std::size_t> densest_off;  // index of the zone furthest off, beyond tolerance
  for (std::size_t z = 1; z < kZoneCount; ++z) {
    const float a = reference.zone_density[z], b = trainee.zone_density[z];
    if (a <= 0.0f && b <= 0.0f) continue;
    const double percent = a > 0.0f ? 100.0 * (double(b) - double(a)) / double(a) : 100.0;
    const std::string label(zone_label(Zone(z)));
    score.items.push_back(item("density_" + std::string(zone_key(Zone(z))) + "_percent", "Density, " + label, percent, "%", tol.density_percent,
                               a <= 0.0f ? format("%.0f dots/cm\u00b2 where the reference has none.", b)
                                         : format("%.0f dots/cm\u00b2 against the reference's %.0f (%+.0f %%).", b, a, percent)));
    if (!score.items.back().pass && (!densest_off || std::abs(percent) > std::abs(score.items[*densest_off].value)))
      densest_off = score.items.size() - 1;
  }
  ScoreFault density_fault;
  if (densest_off) {
    const ScoreItem& off = score.items[*densest_off];
    density_fault = {off.value > 0 ? "too_dense" : "too_sparse", off.value, "%", off.name + ": " + off.reason};
  }

  // The session plan: how many, how dense after each, how dark, how far apart.
  const std::size_t common = std::min(reference.sessions.size(), trainee.sessions.size());
  double fractions = 0, dilutions = 0, intervals = 0;
  for (std::size_t k = 0; k < common; ++k) {
    const SessionDesign &a = reference.sessions[k], &b = trainee.sessions[k];
    fractions = std::max(fractions, double(std::abs(b.cumulative_percent - a.cumulative_percent)));
    dilutions = std::max(dilutions, double(std::abs(b.pigment_percent - a.pigment_percent)));
    if (k > 0) intervals = std::max(intervals, double(std::abs(b.interval_days - a.interval_days)));
  }
  const double count = double(trainee.sessions.size()) - double(reference.sessions.size());
  score.items.push_back(item("session_count", "Number of sessions", count, "", 0.0,
                             count == 0 ? format("%.0f sessions, as the reference.", double(common))
                                        : format("%.0f sessions against the reference's %.0f.", double(trainee.sessions.size()),
                                                 double(reference.sessions.size()))));
  score.items.push_back(item("session_fractions_pts", "Density reached after each session", fractions, "% pts", tol.session_percent,
                             fractions <= tol.session_percent ? format("Each session builds density as the reference's (within %.0f points).", tol.session_percent)
                                                              : format("A session's cumulative density differs by %.0f points from the reference's plan.", fractions)));
  score.items.push_back(item("session_dilutions_pts", "Pigment dilution per session", dilutions, "% pts", tol.dilution_percent,
                             dilutions <= tol.dilution_percent ? format("Dilutions as the reference's (within %.0f points).", tol.dilution_percent)
                                                               : format("A session's pigment differs by %.0f points from the reference's.", dilutions)));
  score.items.push_back(item("session_intervals_days", "Interval between sessions", intervals, "days", tol.interval_days,
                             intervals <= tol.interval_days ? format("Intervals as the reference's (within %.0f days).", tol.interval_days)
                                                            : format("An interval differs by %.0f days from the reference's.", intervals)));
  if (spread) {
    const double drop = spread->trainee_rho - spread->reference_rho;
    score.items.push_back(item("spread_rho", "Spread of the dots (spacing metric)", std::min(0.0, drop), "", tol.spread_rho,
                               format("Nearest dot over the even (hexagonal) spacing at the planned density: %.2f on average, the reference's %.2f.",
                                      spread->trainee_rho, spread->reference_rho) +
                                   (drop < -tol.spread_rho ? " Dots bunch where the density jumps: grade it." : "")));
  }

  // Faults, each with the number that shows it.
  auto fault = [&](const char* key, double value, const char* unit, std::string reason) { score.faults.push_back({key, value, unit, std::move(reason)}); };
  if (centre.mean_signed > tol.hairline_mean_mm)
    fault("too_low", centre.mean_signed, "mm", format("The hairline's centre is %.1f mm lower than the reference's: it ages the face and cannot be raised later.", centre.mean_signed));
  else if (th.height_mm < kLowestNaturalHairlineMm && rh.height_mm >= kLowestNaturalHairlineMm)
    fault("too_low", th.height_mm, "mm", format("The hairline is %.0f mm above the glabella: lower than %.0f mm rarely looks natural.", th.height_mm, kLowestNaturalHairlineMm));
  if (centre.mean_signed < -tol.hairline_mean_mm)
    fault("too_high", -centre.mean_signed, "mm", format("The hairline's centre is %.1f mm higher than the reference's: more forehead than planned.", -centre.mean_signed));
  // Straightness: the corners brought further forward (away from the vertex) than the centre,
  // against the reference: the front flattens into a line across the forehead.
  auto forward = [&](double theta) { return mean_edge(mine, theta, 0.1) - mean_edge(ref, theta, 0.1); };
  const double flattening = 0.5 * (forward(left) + forward(right)) - forward(0.0);
  if (flattening > tol.hairline_mean_mm)
    fault("too_straight", flattening, "mm", format("The temple corners come %.1f mm further forward than the reference's, against the centre: a straight, wig-like front.", flattening));
  else if (th.wave_mm + th.jitter_mm < 0.5f && rh.wave_mm + rh.jitter_mm >= 1.0f)
    fault("too_straight", th.wave_mm + th.jitter_mm, "mm", format("Irregularity %.1f mm (waves and jitter): a drawn line, not hair.", th.wave_mm + th.jitter_mm));
  if (std::abs(asymmetry) > tol.symmetry_mm) fault("asymmetric", asymmetry, "mm", score.item("symmetry_mm")->reason);
  if (th.transition_mm < kHarshTransitionMm || width < -tol.transition_mm)
    fault("harsh_edge", th.transition_mm, "mm", format("A %.1f mm transition zone (the reference: %.1f mm): the hairline reads as a hard line.", th.transition_mm, rh.transition_mm));
  const auto warnings = [](const Design& d, const char* about) {
    for (const std::string& w : design_warnings(d))
      if (w.find(about) != std::string::npos) return w;
    return std::string();
  };
  if (const std::string w = warnings(trainee, "helmet"); !w.empty() && warnings(reference, "helmet").empty()) fault("helmet_risk", 0, "", w);
  Design on_patient = trainee;  // the case's patient: the trainee's file may not carry the skin
  on_patient.patient = reference.patient;
  if (const std::string w = warnings(on_patient, "blue-grey"); !w.empty()) {
    float darkest = 0.0f;
    for (const SessionDesign& s : trainee.sessions) darkest = std::max(darkest, s.pigment_percent);
    fault("blue_grey_risk", darkest, "%", w);
  }
  for (const ScarDesign& scar : reference.scars) {
    // Covered when most of the scar's dabs lie inside a scar the trainee painted.
    std::size_t inside = 0;
    for (const glm::vec3& dab : scar.dabs) {
      bool covered = false;
      for (const ScarDesign& mine_scar : trainee.scars)
        for (const glm::vec3& p : mine_scar.dabs) covered = covered || glm::distance(p, dab) <= mine_scar.radius_mm + 3.0f;
      inside += covered;
    }
    if (2 * inside < scar.dabs.size() || scar.dabs.empty())
      fault("missed_scar", double(scar.dabs.size() - inside), "dabs",
            "The scar \"" + scar.name + "\" is not painted as scar tissue: it needs its own needle, density and dilution.");
  }
  if (!density_fault.key.empty()) score.faults.push_back(density_fault);

  double sum = 0;
  for (const ScoreItem& i : score.items) sum += i.points;
  score.total = std::clamp(sum / double(std::max<std::size_t>(1, score.items.size())) - 10.0 * double(score.faults.size()), 0.0, 100.0);
  return score;
}

}  // namespace smp
