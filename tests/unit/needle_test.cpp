// Needles and their dots: sizes within DOMAIN.md's ranges.
#include <gtest/gtest.h>

#include "core/needle.h"

namespace smp {
namespace {

TEST(Needle, DotSizesFollowTheNeedle) {
  for (int n = 0; n < kNeedleCount; ++n) {
    const Needle needle = static_cast<Needle>(n);
    const NeedleSpec& spec = needle_spec(needle);
    EXPECT_GE(spec.diameter_mm, 0.18f);
    EXPECT_LE(spec.diameter_mm, 0.30f);
    EXPECT_GT(fresh_dot_mm(needle), spec.diameter_mm) << spec.label;  // pigment spreads around the needle
    EXPECT_NEAR(healed_dot_mm(needle), 0.5f * fresh_dot_mm(needle), 1e-6f);
    EXPECT_LT(fresh_dot_mm(needle), 1.0f) << "DOMAIN: dots well under 1 mm";
  }
  // A single needle heals to DOMAIN's 0.07-0.15 mm dots; three grouped leave a bigger one.
  EXPECT_NEAR(healed_dot_mm(Needle::Single020), 0.115f, 0.01f);
  EXPECT_GT(fresh_dot_mm(Needle::Triple020), 2.0f * fresh_dot_mm(Needle::Single020) * 0.9f);
  EXPECT_EQ(needle_spec(Needle::Triple025).key, "3rl-025");
}

}  // namespace
}  // namespace smp
