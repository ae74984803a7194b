#pragma once
// Needles and the dot each leaves: a session's needle sets the size of its dots on the skin.
// DOMAIN: needles 0.18-0.30 mm with 1 or 3 points (1RL, 3RL; 0603 = 3 x 0.20 mm, 0803 = 3 x 0.25 mm);
// a single needle at the hairline, groupings elsewhere; a healed dot is about half the fresh one.
#include <array>
#include <string_view>

namespace smp {

enum class Needle { Single018, Single020, Single025, Single030, Triple020, Triple025 };
inline constexpr int kNeedleCount = 6;

struct NeedleSpec {
  std::string_view label;  // as on the cartridge box
  std::string_view key;    // for files and the command line
  int points;              // needles in the grouping
  float diameter_mm;       // of one needle
};

const NeedleSpec& needle_spec(Needle needle);

// The impression just after tattooing: one point leaves a dot a little wider than the needle
// (pigment spreads about 15% around it); three points grouped round leave one dot 2.15 needles
// across (three touching circles fit in a circle 1 + 2/sqrt(3) of their diameters wide).
float fresh_dot_mm(Needle needle);
// About a month later, healed: about half as wide.
float healed_dot_mm(Needle needle);

}  // namespace smp
