#pragma once
// What a design may get wrong, each with the number behind it, shown live while designing.
#include <string>
#include <vector>

#include "design/design.h"

namespace smp {

std::vector<std::string> design_warnings(const Design& design);

// DOMAIN thresholds.
constexpr float kLowestNaturalHairlineMm = 65.0f;
constexpr float kMostAsymmetryMm = 3.0f;
constexpr float kHelmetSpacingInDots = 3.0f;   // spacing under this many healed dot diameters merges into a helmet
constexpr float kBlueGreyPigmentPercent = 70.0f;
constexpr float kHarshTransitionMm = 4.0f;

}  // namespace smp
