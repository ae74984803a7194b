#include "core/needle.h"

namespace smp {
namespace {

constexpr std::array<NeedleSpec, kNeedleCount> kNeedles{{
    {"1RL 0.18 mm", "1rl-018", 1, 0.18f},
    {"1RL 0.20 mm", "1rl-020", 1, 0.20f},
    {"1RL 0.25 mm", "1rl-025", 1, 0.25f},
    {"1RL 0.30 mm", "1rl-030", 1, 0.30f},
    {"3RL 0.20 (0603)", "3rl-020", 3, 0.20f},
    {"3RL 0.25 (0803)", "3rl-025", 3, 0.25f},
}};

constexpr float kSpread = 1.15f;                        // pigment beyond the needle's own width
constexpr float kThreeRoundAcross = 2.1547005f;         // 1 + 2 / sqrt(3)
constexpr float kHealedShrink = 0.5f;

}  // namespace

const NeedleSpec& needle_spec(Needle needle) { return kNeedles[static_cast<std::size_t>(needle)]; }

float fresh_dot_mm(Needle needle) {
  const NeedleSpec& spec = needle_spec(needle);
  return spec.diameter_mm * kSpread * (spec.points == 3 ? kThreeRoundAcross : 1.0f);
}

float healed_dot_mm(Needle needle) { return kHealedShrink * fresh_dot_mm(needle); }

}  // namespace smp
