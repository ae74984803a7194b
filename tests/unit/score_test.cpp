// Scoring a trainee's design against a reference: the deliberate mistakes a trainer looks for are
// each caught with the right fault and number; the reference scores itself as perfect.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "design/design_score.h"
#include "design/training_case.h"

namespace smp {
namespace {

// A frame like the bundled head's: glabella 170 mm from the vertex, the frontotemporal corners
// 85 mm from it at +-0.45 rad.
HairlineFrame head_like_frame() {
  HairlineFrame frame;
  frame.glabella = {170.0, 0.0};
  frame.left_corner = {85.0, 0.45};
  frame.right_corner = {85.0, -0.45};
  for (double t = -3.0; t <= 3.2; t += 0.5) frame.scalp_edge.anchors.push_back({150.0, t});
  return frame;
}

Design reference_design() {
  Design d;
  d.hairline.asymmetry_mm = 0.0f;
  d.hairline.transition_mm = 9.0f;
  d.hairline.temple_recession_mm = 8.0f;
  d.patient.fitzpatrick_type = 3;
  return d;
}

DesignScore score(const Design& trainee, const Design& reference = reference_design()) {
  return score_design(reference, trainee, head_like_frame(), ScoreTolerances{});
}

TEST(Score, TheReferenceScoresItselfAsPerfect) {
  const DesignScore s = score(reference_design());
  EXPECT_TRUE(s.perfect());
  EXPECT_DOUBLE_EQ(s.total, 100.0);
  for (const ScoreItem& i : s.items) EXPECT_TRUE(i.pass) << i.key << ": " << i.reason;
  EXPECT_NE(s.item("hairline_centre_mean_mm"), nullptr);
  EXPECT_NE(s.item("density_crown_percent"), nullptr);
}

TEST(Score, AHairlineOneCentimetreTooLowIsCaughtWithItsDistance) {
  Design low = reference_design();
  low.hairline.height_mm -= 10.0f;
  const DesignScore s = score(low);
  ASSERT_NE(s.fault("too_low"), nullptr);
  EXPECT_NEAR(s.fault("too_low")->value, 10.0, 0.5);
  EXPECT_NEAR(s.item("hairline_centre_mean_mm")->value, 10.0, 0.5);
  EXPECT_FALSE(s.item("hairline_centre_mean_mm")->pass);
  EXPECT_EQ(s.fault("too_high"), nullptr);
  EXPECT_LT(s.total, 90.0);
}

TEST(Score, AsymmetryOfFiveMillimetresIsCaughtWithItsSize) {
  Design lopsided = reference_design();
  lopsided.hairline.asymmetry_mm = 5.0f;
  const DesignScore s = score(lopsided);
  ASSERT_NE(s.fault("asymmetric"), nullptr);
  EXPECT_NEAR(s.fault("asymmetric")->value, 5.0, 0.01);  // + : the patient's left corner higher
  EXPECT_NE(s.fault("asymmetric")->reason.find("left"), std::string::npos);
  EXPECT_EQ(s.fault("too_low"), nullptr);
}

TEST(Score, DensityFortyPercentOverIsCaughtPerZone) {
  Design dense = reference_design();
  for (float& d : dense.zone_density) d *= 1.4f;
  const DesignScore s = score(dense);
  ASSERT_NE(s.fault("too_dense"), nullptr);
  EXPECT_NEAR(s.fault("too_dense")->value, 40.0, 0.1);
  EXPECT_NEAR(s.item("density_frontal_percent")->value, 40.0, 0.1);
  EXPECT_FALSE(s.item("density_frontal_percent")->pass);
  EXPECT_EQ(s.fault("too_sparse"), nullptr);
}

TEST(Score, NoTransitionZoneIsAHarshEdge) {
  Design harsh = reference_design();
  harsh.hairline.transition_mm = 3.0f;  // the least a design file allows
  harsh.hairline.stray_percent = 0.0f;
  const DesignScore s = score(harsh);
  ASSERT_NE(s.fault("harsh_edge"), nullptr);
  EXPECT_NEAR(s.fault("harsh_edge")->value, 3.0, 1e-6);
  EXPECT_NEAR(s.item("transition_width_mm")->value, -6.0, 1e-6);
}

TEST(Score, StraightHairlineBlueGreyAndMissedScarAreFlagged) {
  Design straight = reference_design();
  straight.hairline.temple_recession_mm = -12.0f;  // the corners pulled forward to the centre's line
  straight.hairline.corner_rounding = 0.0f;
  EXPECT_NE(score(straight).fault("too_straight"), nullptr);

  Design fair = reference_design();
  fair.patient.fitzpatrick_type = 1;
  Design dark = fair;
  dark.sessions.back().pigment_percent = 85.0f;
  const DesignScore s = score(dark, fair);
  ASSERT_NE(s.fault("blue_grey_risk"), nullptr);
  EXPECT_NEAR(s.fault("blue_grey_risk")->value, 85.0, 1e-6);

  Design scarred = reference_design();
  scarred.scars.push_back(ScarDesign{"FUT strip", {{0, 30, -100}, {20, 30, -98}, {40, 30, -92}}, 4.0f});
  const DesignScore missed = score(reference_design(), scarred);
  ASSERT_NE(missed.fault("missed_scar"), nullptr);
  EXPECT_NE(missed.fault("missed_scar")->reason.find("FUT strip"), std::string::npos);
  Design covered = reference_design();
  covered.scars.push_back(ScarDesign{"mine", {{1, 31, -100}, {21, 30, -97}, {39, 31, -92}}, 5.0f});
  EXPECT_EQ(score(covered, scarred).fault("missed_scar"), nullptr);
}

TEST(Score, SessionPlanDifferencesAreScored) {
  Design rushed = reference_design();
  rushed.sessions[1].cumulative_percent = 95.0f;
  rushed.sessions[2].interval_days = 4;
  const DesignScore s = score(rushed);
  EXPECT_NEAR(s.item("session_fractions_pts")->value, 25.0, 1e-6);
  EXPECT_FALSE(s.item("session_fractions_pts")->pass);
  EXPECT_FALSE(s.item("session_intervals_days")->pass);
  EXPECT_TRUE(s.item("session_dilutions_pts")->pass);
}

TEST(TrainingCase, RoundTripsAndNamesEveryProblem) {
  TrainingCase c;
  c.name = "Test case";
  c.pattern = "Norwood III";
  c.age = 41;
  c.wishes = "Natural, please.";
  c.reference = reference_design();
  c.tolerances.hairline_mean_mm = 4.5f;
  const CaseReadResult back = case_from_json(case_to_json(c));
  ASSERT_TRUE(back.training_case) << (back.errors.empty() ? "" : back.errors.front());
  EXPECT_EQ(back.training_case->name, "Test case");
  EXPECT_EQ(back.training_case->age, 41);
  EXPECT_EQ(back.training_case->tolerances, c.tolerances);
  EXPECT_EQ(back.training_case->reference.hairline, c.reference.hairline);

  std::string text = case_to_json(c);
  text.replace(text.find("\"age\": 41"), 9, "\"age\": 12");
  text.replace(text.find("\"height_mm\": 80"), 15, "\"height_mm\": 300");
  const CaseReadResult bad = case_from_json(text);
  EXPECT_FALSE(bad.training_case);
  ASSERT_EQ(bad.errors.size(), 2u);
  EXPECT_NE(bad.errors[0].find("brief.age"), std::string::npos);
  EXPECT_NE(bad.errors[1].find("reference.hairline.height_mm"), std::string::npos);
  EXPECT_FALSE(case_from_json("{\"format\": \"smp-studio design\"}").training_case);
}

TEST(TrainingCase, TheLibraryHoldsTwelveCasesThatScoreTheirReferencesAsPerfect) {
  std::vector<std::string> patterns;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(SMP_ASSETS_DIR) / "cases")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const CaseReadResult c = case_from_json(text.str());
    ASSERT_TRUE(c.training_case) << entry.path() << ": " << c.errors.front();
    EXPECT_FALSE(c.training_case->wishes.empty()) << entry.path();
    EXPECT_TRUE(score_design(c.training_case->reference, c.training_case->reference, head_like_frame(), c.training_case->tolerances).perfect())
        << entry.path();
    patterns.push_back(c.training_case->pattern);
  }
  EXPECT_GE(patterns.size(), 12u);
  for (const char* pattern : {"Norwood II", "Norwood III", "Norwood IV", "Norwood V", "Norwood VI", "Norwood VII", "Ludwig I", "Ludwig II",
                              "Ludwig III", "FUT strip scar", "FUE scars", "Alopecia areata"})
    EXPECT_NE(std::find(patterns.begin(), patterns.end(), pattern), patterns.end()) << pattern;
}

}  // namespace
}  // namespace smp
