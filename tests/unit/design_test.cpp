// The design as data: files round-trip and bad ones are refused field by field; the hairline
// follows its sliders; the density field has its soft edge; warnings carry their numbers.
#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include "design/density_field.h"
#include "design/design_file.h"
#include "design/design_warnings.h"
#include "design/hairline_shape.h"

namespace smp {
namespace {

bool mentions(const std::vector<std::string>& lines, const std::string& text) {
  for (const std::string& line : lines)
    if (line.find(text) != std::string::npos) return true;
  return false;
}

TEST(DesignFile, RoundTripsEveryField) {
  Design d;
  d.name = "Norwood III, soft";
  d.hairline.height_mm = 72.5f;
  d.hairline.asymmetry_mm = -1.5f;
  d.hairline.widow_peak_depth_mm = 4.0f;
  d.hairline.seed = 42;
  d.zone_density[static_cast<std::size_t>(Zone::Crown)] = 110.0f;
  d.sessions.push_back({100.0f, 80.0f, Needle::Triple025, 14});
  d.sessions[2].cumulative_percent = 90.0f;
  d.patient.id = "P-0042";
  d.patient.fitzpatrick_type = 4;
  d.patient.use_sampled_skin = true;
  d.patient.sampled_skin_srgb = glm::vec3(0.5f, 0.375f, 0.25f);
  d.patient.hair_colour = "black";
  d.patient.notes = "scar left of crown";
  d.head_file = "scans/p42.ply";
  d.head_landmarks = {{"glabella", {0.5f, 24.0f, 92.25f}}, {"vertex", {2.0f, 140.0f, 0.75f}}};
  d.strokes.push_back({{{1.5f, 90.0f, 20.0f}, {4.0f, 91.0f, 18.5f}}, 12.0f, -30.0f});
  d.scars.push_back({"FUT strip", {{0.0f, 40.0f, -90.0f}}, 5.0f, 45.0f, Needle::Single018, 35.0f});
  d.first_session_date = "2026-12-01";
  const DesignReadResult back = design_from_json(design_to_json(d));
  ASSERT_TRUE(back.design) << (back.errors.empty() ? "" : back.errors.front());
  EXPECT_EQ(*back.design, d);
}

TEST(DesignFile, NamesTheFieldAndTheProblemAndAppliesNothing) {
  std::string text = design_to_json(Design{});
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return design_from_json(t);
  };
  DesignReadResult r = replace("\"height_mm\": 80.0", "\"height_mm\": 300");
  EXPECT_FALSE(r.design);
  EXPECT_TRUE(mentions(r.errors, "hairline.height_mm: 300 is outside 40-120 mm"));
  r = replace("\"height_mm\": 80.0", "\"height_mm\": \"high\"");
  EXPECT_TRUE(mentions(r.errors, "hairline.height_mm: should be a number (mm), not string"));
  r = replace("\"needle\": \"1rl-025\"", "\"needle\": \"9rl\"");
  EXPECT_TRUE(mentions(r.errors, "sessions[0].needle: should be one of 1rl-018"));
  r = replace("\"version\": 1", "\"version\": 7");
  EXPECT_TRUE(mentions(r.errors, "written by a newer SMP Studio"));
  r = replace("\"crown\": 85.0", "\"crwn\": 85.0");
  EXPECT_TRUE(mentions(r.errors, "density_per_cm2.crwn: not a zone"));
  r = replace("\"cumulative_percent\": 70.0", "\"cumulative_percent\": 20.0");
  EXPECT_TRUE(mentions(r.errors, "sessions[1].cumulative_percent: should be more than"));
  r = replace("\"first_session_date\": \"\"", "\"first_session_date\": \"1st of May\"");
  EXPECT_TRUE(mentions(r.errors, "first_session_date: should be a date as YYYY-MM-DD"));
  r = replace("\"strokes\": []", "\"strokes\": [{\"radius_mm\": 10, \"dabs_mm\": [[1, 2]]}]");
  EXPECT_TRUE(mentions(r.errors, "strokes[0].dabs_mm: should be a list of [x, y, z] points in mm"));
  r = design_from_json(text.substr(0, text.size() / 2));  // truncated
  EXPECT_FALSE(r.design);
  EXPECT_TRUE(mentions(r.errors, "not valid JSON")) << r.errors.front();
  r = design_from_json("{\"format\": \"smp-studio landmarks\", \"version\": 1}");
  EXPECT_TRUE(mentions(r.errors, "not a design file"));
}

// A frame like a head's: glabella 170 mm from the vertex at the front, corners at +-0.45 rad,
// and a round scalp edge 150 mm out.
HairlineFrame test_frame() {
  HairlineFrame frame;
  frame.glabella = {170.0, 0.0};
  frame.left_corner = {95.0, 0.45};
  frame.right_corner = {95.0, -0.45};
  for (double t = -3.0; t <= 3.2; t += 0.5) frame.scalp_edge.anchors.push_back({150.0, t});
  return frame;
}

TEST(HairlineShape, FollowsHeightAsymmetryAndBlendsIntoTheHeadsEdge) {
  HairlineDesign h;
  h.wave_mm = h.jitter_mm = 0.0f;
  h.height_mm = 80.0f;
  const HairlineShape shape(h, test_frame());
  EXPECT_NEAR(shape.edge_r(0.0), 170.0 - 80.0, 1e-6);  // 8 cm above the glabella along the midline
  EXPECT_NEAR(shape.edge_r(0.45), 95.0 - h.temple_recession_mm, 0.1);  // sampled every 0.0015 rad
  EXPECT_NEAR(shape.edge_r(2.0), 150.0, 1e-6);  // far round the side: the head's own edge
  for (double t = -1.2; t < 1.2; t += 0.01) EXPECT_LT(std::abs(shape.edge_r(t + 0.01) - shape.edge_r(t)), 3.0) << "continuous at " << t;
  h.asymmetry_mm = 4.0f;
  const HairlineShape lopsided(h, test_frame());
  EXPECT_NEAR(lopsided.edge_r(0.45) - lopsided.edge_r(-0.45), -4.0, 0.1);  // left 4 mm higher: nearer the vertex
  h.asymmetry_mm = 0.0f;
  h.widow_peak_depth_mm = 6.0f;
  EXPECT_NEAR(HairlineShape(h, test_frame()).edge_r(0.0), 96.0, 1e-6);
  h.widow_peak_depth_mm = 0.0f;
  h.wave_mm = 2.0f;
  const HairlineShape wavy(h, test_frame());
  double most = 0.0;
  for (double t = -0.4; t < 0.4; t += 0.001) most = std::max(most, std::abs(wavy.edge_r(t) - shape.edge_r(t)));
  EXPECT_GT(most, 1.0);
  EXPECT_LE(most, 2.0 + 1e-6);
}

TEST(DensityField, SoftEdgeStrayDotsAndZoneDensity) {
  HairlineDesign h;
  h.transition_mm = 8.0f;
  EXPECT_FLOAT_EQ(edge_factor(h, 20.0), 1.0f);
  EXPECT_NEAR(edge_factor(h, 0.0), 0.1f, 1e-6);
  EXPECT_LT(edge_factor(h, 2.0), edge_factor(h, 6.0));  // rises across the transition
  EXPECT_GT(edge_factor(h, -1.0), 0.0f);                // a few strays ahead
  EXPECT_LT(edge_factor(h, -1.0), 0.05f);
  EXPECT_FLOAT_EQ(edge_factor(h, -20.0), 0.0f);

  Design d;
  d.hairline.wave_mm = d.hairline.jitter_mm = 0.0f;
  const HairlineShape shape(d.hairline, test_frame());
  const std::vector<float> vertex_density{80.0f};
  // Dots on the midline: deep in the scalp, in the transition, ahead of the line, far ahead.
  const std::vector<DotPlace> places{{{40.0, 0.0}, 0}, {{86.0, 0.0}, 0}, {{91.0, 0.0}, 0}, {{120.0, 0.0}, 0}};
  const DesignedDensity out = designed_density(d, shape, vertex_density, places, 250.0);
  EXPECT_NEAR(out.fraction[0], 80.0 / 250.0, 1e-6);
  EXPECT_LT(out.fraction[1], out.fraction[0]);
  EXPECT_GT(out.fraction[1], 0.0f);
  EXPECT_TRUE(out.in_transition[1]);
  EXPECT_FALSE(out.in_transition[0]);
  EXPECT_LT(out.fraction[2], 0.05f * out.fraction[0]);
  EXPECT_EQ(out.fraction[3], 0.0f);
}

TEST(DensityField, ReadBetweenTheCornersOfTheDotsTriangle) {
  // A dot a quarter of the way from a 30 dots/cm2 vertex to a 50 one is asked for 35, not the
  // nearest vertex's 30: neighbouring dots either side of the middle no longer get 30 and 50.
  Design d;
  d.hairline.wave_mm = d.hairline.jitter_mm = 0.0f;
  const HairlineShape shape(d.hairline, test_frame());
  const std::vector<float> vertex_density{30.0f, 50.0f, 40.0f};
  DotPlace between{{40.0, 0.0}, 0};
  between.corners = {0, 1, 2};
  between.weights = {0.75f, 0.25f, 0.0f};
  const DotPlace at_vertex{{40.0, 0.0}, 1};  // no weights: the vertex alone
  const DesignedDensity out = designed_density(d, shape, vertex_density, {between, at_vertex}, 100.0);
  EXPECT_NEAR(out.fraction[0], 0.35, 1e-6);
  EXPECT_NEAR(out.fraction[1], 0.50, 1e-6);
}

TEST(DesignWarnings, EachWithItsNumber) {
  EXPECT_TRUE(design_warnings(Design{}).empty()) << design_warnings(Design{}).front();
  Design d;
  d.hairline.height_mm = 60.0f;
  d.hairline.asymmetry_mm = 5.0f;
  d.hairline.transition_mm = 3.0f;
  d.sessions[2].pigment_percent = 85.0f;
  d.zone_density[static_cast<std::size_t>(Zone::Crown)] = 180.0f;
  d.sessions[2].needle = Needle::Triple025;
  const std::vector<std::string> w = design_warnings(d);
  EXPECT_TRUE(mentions(w, "Hairline 60 mm above the glabella"));
  EXPECT_TRUE(mentions(w, "differ by 5.0 mm"));
  EXPECT_TRUE(mentions(w, "Transition zone 3.0 mm"));
  EXPECT_TRUE(mentions(w, "85% pigment on Fitzpatrick type 2"));
  EXPECT_TRUE(mentions(w, "helmet risk"));
}

}  // namespace
}  // namespace smp

#include "design/design_history.h"

namespace smp {
namespace {

TEST(DesignHistory, ASliderDragIsOneStepAndRedoFollowsUndo) {
  Design d;
  DesignHistory history(d);
  for (float h = 80.0f; h > 70.0f; h -= 0.5f) {  // a drag: many frames with the slider held
    d.hairline.height_mm = h;
    EXPECT_FALSE(history.settle(d, true));
  }
  EXPECT_TRUE(history.settle(d, false));  // released
  d.zone_density[static_cast<std::size_t>(Zone::Crown)] = 120.0f;
  history.settle(d, false);
  ASSERT_TRUE(history.undo(d));
  EXPECT_EQ(d.density(Zone::Crown), 85.0f);
  EXPECT_FLOAT_EQ(d.hairline.height_mm, 70.5f);
  ASSERT_TRUE(history.undo(d));
  EXPECT_FLOAT_EQ(d.hairline.height_mm, 80.0f) << "the whole drag undone at once";
  EXPECT_FALSE(history.undo(d));
  ASSERT_TRUE(history.redo(d));
  ASSERT_TRUE(history.redo(d));
  EXPECT_EQ(d.density(Zone::Crown), 120.0f);
  EXPECT_FALSE(history.redo(d));
  d.name = "new edit";
  history.settle(d, false);
  EXPECT_FALSE(history.can_redo()) << "a new edit ends the redo branch";
}

}  // namespace
}  // namespace smp

#include "design/paint.h"

namespace smp {
namespace {

TEST(Paint, StrokesAddAndRemoveDensityScarsTakeTheirOwn) {
  EXPECT_FLOAT_EQ(dab_weight(0.0f, 10.0f), 1.0f);
  EXPECT_FLOAT_EQ(dab_weight(4.9f, 10.0f), 1.0f);   // full inside half the radius
  EXPECT_GT(dab_weight(7.5f, 10.0f), 0.0f);
  EXPECT_LT(dab_weight(7.5f, 10.0f), 1.0f);
  EXPECT_FLOAT_EQ(dab_weight(10.0f, 10.0f), 0.0f);
  Design d;
  d.strokes.push_back({{{0, 0, 0}, {3, 0, 0}, {6, 0, 0}}, 10.0f, 30.0f});  // overlapping dabs: not added up
  d.strokes.push_back({{{50, 0, 0}}, 10.0f, -100.0f});
  d.scars.push_back({"scar", {{0, 0, 100}}, 8.0f, 40.0f, Needle::Single018, 30.0f});
  const PaintField paint(d);
  EXPECT_FLOAT_EQ(paint.density({3, 0, 0}, 80.0f), 110.0f);
  EXPECT_FLOAT_EQ(paint.density({0, 30, 0}, 80.0f), 80.0f);  // away from every dab
  EXPECT_FLOAT_EQ(paint.density({50, 0, 0}, 80.0f), 0.0f);   // never below zero
  ASSERT_TRUE(paint.scar({0, 2, 100}));
  EXPECT_EQ(paint.scar({0, 2, 100})->scar, 0u);
  EXPECT_FALSE(paint.scar({0, 20, 100}));
}

}  // namespace
}  // namespace smp

#include "design/session_dates.h"

namespace smp {
namespace {

TEST(SessionDates, FollowTheIntervalsAcrossMonthsAndYears) {
  Design d;
  EXPECT_TRUE(planned_session_dates(d).empty()) << "no first date, no plan";
  d.first_session_date = "2026-12-24";
  d.sessions[1].interval_days = 10;
  d.sessions[2].interval_days = 14;
  EXPECT_EQ(planned_session_dates(d), (std::vector<std::string>{"2026-12-24", "2027-01-03", "2027-01-17"}));
  d.first_session_date = "2026-02-30";
  EXPECT_TRUE(planned_session_dates(d).empty()) << "not a day";
}

}  // namespace
}  // namespace smp
