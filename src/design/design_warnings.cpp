#include "design/design_warnings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace smp {
namespace {

std::string format(const char* pattern, double a, double b = 0.0) {
  char text[256];
  std::snprintf(text, sizeof text, pattern, a, b);
  return text;
}

}  // namespace

std::vector<std::string> design_warnings(const Design& d) {
  std::vector<std::string> warnings;
  const HairlineDesign& h = d.hairline;
  if (h.height_mm < kLowestNaturalHairlineMm)
    warnings.push_back(format("Hairline %.0f mm above the glabella: lower than %.0f mm rarely looks natural.", h.height_mm, kLowestNaturalHairlineMm));
  if (std::abs(h.asymmetry_mm) > kMostAsymmetryMm)
    warnings.push_back(format("Left and right differ by %.1f mm: over %.0f mm shows in a mirror.", std::abs(h.asymmetry_mm), kMostAsymmetryMm));
  if (h.transition_mm < kHarshTransitionMm)
    warnings.push_back(format("Transition zone %.1f mm wide: under %.0f mm the hairline reads as a hard line.", h.transition_mm, kHarshTransitionMm));

  // Helmet risk: the densest zone's spacing against the largest healed dot of any session.
  float densest = 0.0f, biggest_dot = 0.0f;
  for (std::size_t z = 1; z < kZoneCount; ++z) densest = std::max(densest, d.zone_density[z]);
  for (const SessionDesign& s : d.sessions) biggest_dot = std::max(biggest_dot, healed_dot_mm(s.needle));
  if (densest > 0.0f && biggest_dot > 0.0f) {
    const double spacing_mm = std::sqrt(2.0 / (std::sqrt(3.0) * double(densest) / 100.0));
    if (spacing_mm < kHelmetSpacingInDots * biggest_dot)
      warnings.push_back(format("Dots %.2f mm apart at the densest zone, under 3 healed dots (3 x %.2f mm): helmet risk.", spacing_mm, biggest_dot));
  }
  float darkest = 0.0f;
  for (const SessionDesign& s : d.sessions) darkest = std::max(darkest, s.pigment_percent);
  if (d.patient.fitzpatrick_type <= 2 && darkest > kBlueGreyPigmentPercent)
    warnings.push_back(format("%.0f%% pigment on Fitzpatrick type %.0f skin: over 70%% can heal blue-grey on fair skin.", darkest, d.patient.fitzpatrick_type));
  return warnings;
}

}  // namespace smp
