#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "core/pigment_map.h"
#include "core/pigment_preview.h"

namespace smp {
namespace {

double total_ink(const PigmentMap& map) { return std::accumulate(map.ink.begin(), map.ink.end(), 0.0) / 255.0; }

TEST(PigmentMap, ADotLandsWhereItIsAndNowhereElse) {
  const std::vector<InkDot> dots{{{2.0f, -3.0f}, 1.0f, 0.9f}};
  const PigmentMap map = bake_pigment(dots, {-10, -10}, {10, 10}, 200);  // 10 texels a mm
  EXPECT_FLOAT_EQ(map.texels_per_mm(), 10.0f);
  const auto at = [&](float x_mm, float y_mm) {
    return map.ink[std::size_t(int((y_mm + 10) * 10)) * 200 + std::size_t(int((x_mm + 10) * 10))];
  };
  EXPECT_GT(at(2.0f, -3.0f), 200);   // dark at its centre
  EXPECT_EQ(at(2.0f, -2.0f), 0);     // nothing 1 mm away (its radius is 0.5 mm)
  EXPECT_EQ(at(-5.0f, 5.0f), 0);
}

TEST(PigmentMap, DotsSmallerThanATexelKeepTheirShareOfInk) {
  // A hundred 0.05 mm dots at 4 texels a mm (a fifth of a texel each): the ink adds up to what
  // a hundred such discs hold, within the profile's soft rim and 8-bit rounding.
  std::vector<InkDot> dots;
  for (int i = 0; i < 100; ++i) dots.push_back({{-8.0f + 0.16f * float(i), 0.37f * float(i % 7)}, 0.05f, 0.5f});
  const PigmentMap small = bake_pigment(dots, {-10, -10}, {10, 10}, 80);
  for (InkDot& d : dots) d.diameter_mm = 0.5f;  // ten times wider: a hundred times the ink
  const PigmentMap large = bake_pigment(dots, {-10, -10}, {10, 10}, 80);
  EXPECT_NEAR(total_ink(large) / total_ink(small), 100.0, 25.0);
}

TEST(PigmentMap, OverlappingDotsDarkenLikeInkNotBeyondBlack) {
  const std::vector<InkDot> one{{{0, 0}, 2.0f, 0.5f}};
  const std::vector<InkDot> two{{{0, 0}, 2.0f, 0.5f}, {{0, 0}, 2.0f, 0.5f}};
  const PigmentMap a = bake_pigment(one, {-5, -5}, {5, 5}, 100), b = bake_pigment(two, {-5, -5}, {5, 5}, 100);
  const std::size_t centre = 50 * 100 + 50;
  EXPECT_NEAR(a.ink[centre], 128, 2);  // half the light taken
  EXPECT_NEAR(b.ink[centre], 191, 2);  // then half of what is left: 75%
}

TEST(PigmentMap, AHaloSpreadsFaintInkAroundTheDot) {
  const std::vector<InkDot> plain{{{0, 0}, 0.2f, 0.8f}};
  const std::vector<InkDot> halo{{{0, 0}, 0.2f, 0.8f, 0.5f, 0.6f}};
  const PigmentMap a = bake_pigment(plain, {-5, -5}, {5, 5}, 100), b = bake_pigment(halo, {-5, -5}, {5, 5}, 100);
  const std::size_t beside = 50 * 100 + 54;  // 0.4 mm from the centre
  EXPECT_EQ(a.ink[beside], 0);
  EXPECT_GT(b.ink[beside], 5);
  EXPECT_LT(b.ink[beside], b.ink[50 * 100 + 50]);
}

// Texels of `map` with any ink, along a row and a column through the texel at (x, y).
std::pair<int, int> inked_extent(const PigmentMap& map, int x, int y) {
  int across = 0, down = 0;
  for (int i = 0; i < map.size; ++i) {
    across += map.ink[std::size_t(y) * std::size_t(map.size) + std::size_t(i)] > 0;
    down += map.ink[std::size_t(i) * std::size_t(map.size) + std::size_t(x)] > 0;
  }
  return {across, down};
}

TEST(PigmentMap, ADotIsRoundOnTheSkinWhereTheChartStretchesIt) {
  // Where the chart lays 1 mm of skin over 2 mm of its y (down the back of the head it widens
  // the skin across), a round dot is twice as tall in the chart, its halo too, and it holds the
  // ink of its disc on the skin: twice the chart's texels. Baked round, each read back as a
  // dash half as wide as long on the skin.
  for (const float diameter : {1.0f, 0.08f}) {  // ten texels across, and less than one
    InkDot round{{0.05f, 0.05f}, diameter, 0.6f, 0.4f, 0.8f};
    InkDot stretched = round;
    stretched.skin_metric = {1.0f, 0.0f, 0.25f};  // skin length^2 per chart length^2, along x and y
    const PigmentMap a = bake_pigment(std::vector<InkDot>{round}, {-5, -5}, {5, 5}, 100);
    const PigmentMap b = bake_pigment(std::vector<InkDot>{stretched}, {-5, -5}, {5, 5}, 100);
    const auto [round_across, round_down] = inked_extent(a, 50, 50);
    const auto [across, down] = inked_extent(b, 50, 50);
    EXPECT_EQ(round_across, round_down) << diameter;
    EXPECT_NEAR(double(across), double(round_across), 1.0) << diameter;
    EXPECT_NEAR(double(down), 2.0 * double(round_down), 2.0) << diameter;
    EXPECT_NEAR(total_ink(b) / total_ink(a), 2.0, 0.25) << diameter;
  }
}

// Dots on a jittered grid over a 40 mm square, with halos, some stretched as on the back of the head.
std::vector<InkDot> field_of_dots() {
  std::vector<InkDot> dots;
  for (int y = 0; y < 40; ++y)
    for (int x = 0; x < 40; ++x) {
      const float jx = float((x * 7 + y * 13) % 10) * 0.05f, jy = float((x * 11 + y * 3) % 10) * 0.05f;
      InkDot dot{{-20.0f + float(x) + jx, -20.0f + float(y) + jy}, 0.15f + 0.02f * float(x % 5), 0.8f, 0.5f, 0.6f};
      if (x > 20) dot.skin_metric = {1.0f, 0.1f, 0.5f};
      dots.push_back(dot);
    }
  return dots;
}

TEST(PigmentBaker, ABakeAfterAChangeEqualsAFreshOneAndRedoesOnlyTheRowsRoundIt) {
  for (const float inflamed : {0.0f, 1.0f}) {
    std::vector<InkDot> dots = field_of_dots();
    PigmentBaker baker;
    baker.bake(dots, {-21, -21}, {21, 21}, 840, inflamed);  // 20 texels a mm
    EXPECT_EQ(baker.changed_rows(), std::make_pair(0, 840));
    // As a hairline moves: dots near y = -15 mm dropped, moved and added; the rest as they were.
    std::vector<InkDot> changed;
    for (InkDot dot : dots) {
      if (dot.at_mm.y > -16.0f && dot.at_mm.y < -14.0f) {
        if (dot.at_mm.x < 0.0f) continue;
        dot.at_mm.x += 0.2f;
      }
      changed.push_back(dot);
    }
    changed.push_back({{3.3f, -15.2f}, 0.3f, 0.7f, 0.5f, 0.6f});
    const PigmentMap& again = baker.bake(changed, {-21, -21}, {21, 21}, 840, inflamed);
    const PigmentMap fresh = bake_pigment(changed, {-21, -21}, {21, 21}, 840, inflamed);
    EXPECT_EQ(again.ink, fresh.ink) << inflamed;
    EXPECT_EQ(again.inflamed, fresh.inflamed) << inflamed;
    // The rows baked again hold the change (texel rows 100-140) and leave most of the map alone.
    const auto [first, last] = baker.changed_rows();
    EXPECT_LE(first, 100) << inflamed;
    EXPECT_GE(last, 140) << inflamed;
    EXPECT_LT(last - first, 840 / 3) << inflamed;
    // Nothing changed: nothing baked.
    baker.bake(changed, {-21, -21}, {21, 21}, 840, inflamed);
    EXPECT_EQ(baker.changed_rows().second - baker.changed_rows().first, 0) << inflamed;
    // Only darker, as many dots as before.
    for (InkDot& dot : changed)
      if (dot.at_mm.y > 10.0f && dot.at_mm.y < 11.0f) dot.darkness = 0.9f;
    EXPECT_EQ(baker.bake(changed, {-21, -21}, {21, 21}, 840, inflamed).ink, bake_pigment(changed, {-21, -21}, {21, 21}, 840, inflamed).ink) << inflamed;
  }
}

TEST(PigmentBaker, ANewSquareSizeOrRednessBakesTheWholeMap) {
  const std::vector<InkDot> dots = field_of_dots();
  PigmentBaker baker;
  baker.bake(dots, {-21, -21}, {21, 21}, 420);
  EXPECT_EQ(baker.bake(dots, {-21, -21}, {21, 21}, 400).ink, bake_pigment(dots, {-21, -21}, {21, 21}, 400).ink);
  EXPECT_EQ(baker.changed_rows(), std::make_pair(0, 400));
  EXPECT_EQ(baker.bake(dots, {-22, -21}, {21, 21}, 400).ink, bake_pigment(dots, {-22, -21}, {21, 21}, 400).ink);
  EXPECT_EQ(baker.changed_rows(), std::make_pair(0, 400));
  const PigmentMap& red = baker.bake(dots, {-22, -21}, {21, 21}, 400, 1.0f);
  EXPECT_EQ(red.inflamed, bake_pigment(dots, {-22, -21}, {21, 21}, 400, 1.0f).inflamed);
  EXPECT_EQ(baker.changed_rows(), std::make_pair(0, 400));
  EXPECT_TRUE(baker.bake(dots, {-22, -21}, {21, 21}, 400).inflamed.empty());
  EXPECT_EQ(baker.changed_rows(), std::make_pair(0, 400));
}

TEST(PigmentPreview, HealedDotsShrinkAndTheFirstSessionHealsLighter) {
  const PreviewSettings fresh{Preview::Fresh, 0}, healed{Preview::Healed, 0};
  const InkLook f = ink_look(0.3f, 0.5f, 1, fresh), h = ink_look(0.3f, 0.5f, 1, healed), first = ink_look(0.3f, 0.5f, 0, healed);
  EXPECT_NEAR(h.diameter_mm, 0.15f, 1e-6f);  // DOMAIN: about half
  EXPECT_LT(h.darkness, f.darkness);
  EXPECT_LT(first.darkness, h.darkness);     // session 1: two to three shades lighter
  EXPECT_GT(first.darkness, 0.3f);           // but a diluted carbon black dot is still a dark dot
}

TEST(PigmentPreview, YearsFadeAndBlurUntilATouchUpIsDue) {
  const InkLook healed = ink_look(0.3f, 0.5f, 1, {Preview::Healed, 0});
  const InkLook five = ink_look(0.3f, 0.5f, 1, {Preview::Years, 5}), ten = ink_look(0.3f, 0.5f, 1, {Preview::Years, 10});
  EXPECT_LT(five.darkness, healed.darkness);
  EXPECT_LT(ten.darkness, five.darkness);
  EXPECT_GT(ten.diameter_mm, healed.diameter_mm);  // ink spreads slowly
  EXPECT_GT(touch_up_years(), 3.0f);  // DOMAIN: fades over 3-8 years
  EXPECT_LT(touch_up_years(), 8.0f);
  const InkLook due = ink_look(0.3f, 0.5f, 1, {Preview::Years, touch_up_years()});
  EXPECT_NEAR(due.darkness / healed.darkness, 0.7f, 0.01f);
}

TEST(PigmentPreview, ScarTissueFadesFasterAndNeedsItsTouchUpSooner) {
  const PreviewSettings five{Preview::Years, 5};
  const InkLook skin = ink_look(0.3f, 0.5f, 1, five), scar = ink_look(0.3f, 0.5f, 1, five, true);
  EXPECT_LT(scar.darkness, skin.darkness);
  EXPECT_GT(scar.diameter_mm, skin.diameter_mm);
  EXPECT_LT(touch_up_years(true), touch_up_years());
  const InkLook healed = ink_look(0.3f, 0.5f, 1, {Preview::Healed, 0}, true);
  const InkLook due = ink_look(0.3f, 0.5f, 1, {Preview::Years, touch_up_years(true)}, true);
  EXPECT_NEAR(due.darkness / healed.darkness, 0.7f, 0.01f);
  // Healed (a month), a scar's dots look as the rest: only the years differ.
  EXPECT_FLOAT_EQ(healed.darkness, ink_look(0.3f, 0.5f, 1, {Preview::Healed, 0}).darkness);
}

TEST(PigmentPreview, NamesRoundTripAndNonsenseIsRefused) {
  for (const char* name : {"fresh", "healed", "years:5", "years:0", "years:10", "years:2.5"}) {
    const auto parsed = parse_preview(name);
    ASSERT_TRUE(parsed) << name;
    EXPECT_EQ(preview_name(*parsed), name);
  }
  for (const char* bad : {"", "Fresh", "years", "years:", "years:11", "years:-1", "years:5x", "aged"}) EXPECT_FALSE(parse_preview(bad)) << bad;
}

}  // namespace
}  // namespace smp
