// The consultation's pure parts: screening flags from the intake, the quote's arithmetic, the care
// sheets, the iCalendar schedule, and the intake and per-session plan in the design file.
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "design/care_instructions.h"
#include "design/design_file.h"
#include "design/quote.h"
#include "design/screening.h"
#include "export/calendar_ics.h"

namespace smp {
namespace {

TEST(Screening, EachFlaggedAnswerSaysWhyTheMostSeriousFirst) {
  IntakeDesign intake;
  intake.age_years = 34;
  intake.reasons = {"receding"};
  EXPECT_TRUE(screen_intake(intake).empty()) << "a healthy adult raises no flag";
  intake.conditions = {"recent_tanning", "anticoagulants", "scalp_inflammation"};
  const auto flags = screen_intake(intake);
  ASSERT_EQ(flags.size(), 3u);
  EXPECT_EQ(flags[0].key, "scalp_inflammation");
  EXPECT_EQ(flags[0].level, FlagLevel::DoNotTreat);
  EXPECT_EQ(flags[1].key, "anticoagulants");
  EXPECT_EQ(flags[1].level, FlagLevel::SeeDoctorFirst);
  EXPECT_NE(flags[1].title.find("warfarin"), std::string::npos);
  EXPECT_NE(flags[1].why.find("bleed"), std::string::npos);
  EXPECT_EQ(flags[2].level, FlagLevel::Caution);
  for (const auto& flag : flags) EXPECT_GT(flag.why.size(), 40u) << flag.key << ": why it matters is missing";
}

TEST(Screening, EveryConditionTheIssueNamesIsAskedAndMinorsAndScarsAreFlagged) {
  for (const char* key : {"psoriasis", "scalp_inflammation", "keloid", "eczema", "anticoagulants", "skin_sensitivity", "recent_tanning"}) {
    IntakeDesign intake;
    intake.conditions = {key};
    ASSERT_EQ(screen_intake(intake).size(), 1u) << key;
    EXPECT_EQ(screen_intake(intake)[0].key, key);
  }
  for (const char* key : {"receding", "pattern_loss", "alopecia", "thinning", "scar_transplant", "scar_burn", "scar_injury"}) {
    bool listed = false;
    for (const auto& reason : intake_reasons()) listed = listed || reason.key == key;
    EXPECT_TRUE(listed) << key;
  }
  IntakeDesign minor;
  minor.age_years = 17;
  ASSERT_EQ(screen_intake(minor).size(), 1u);
  EXPECT_EQ(screen_intake(minor)[0].level, FlagLevel::DoNotTreat);
  IntakeDesign scars;
  scars.age_years = 40;
  scars.reasons = {"scar_transplant"};
  ASSERT_EQ(screen_intake(scars).size(), 1u);
  EXPECT_EQ(screen_intake(scars)[0].key, "scar_work");
  IntakeDesign newer;
  newer.conditions = {"something_new"};
  ASSERT_EQ(screen_intake(newer).size(), 1u) << "an answer this version does not know is shown, not dropped";
}

TEST(Quote, PricesTheMeasuredAreasAndAppliesTheMinimum) {
  PriceList prices;
  prices.currency = "GBP";
  prices.per_session = 150.0;
  prices.per_cm2 = 1.5;
  prices.scar_extra_per_cm2 = 4.0;
  prices.minimum = 500.0;
  const Quote quote = make_quote(prices, {412.34, 18.26, 3});
  ASSERT_EQ(quote.lines.size(), 3u);
  EXPECT_DOUBLE_EQ(quote.lines[0].amount, 450.0);
  EXPECT_DOUBLE_EQ(quote.lines[1].quantity, 412.3) << "areas are priced as printed, to 0.1 cm2";
  EXPECT_DOUBLE_EQ(quote.lines[1].amount, 618.45);
  EXPECT_DOUBLE_EQ(quote.lines[2].amount, 73.2);
  EXPECT_DOUBLE_EQ(quote.subtotal, 1141.65);
  EXPECT_DOUBLE_EQ(quote.total, 1141.65);
  EXPECT_FALSE(quote.minimum_applied);
  const Quote small = make_quote(prices, {40.0, 0.0, 1});
  EXPECT_EQ(small.lines.size(), 2u) << "no scar line without scars";
  EXPECT_DOUBLE_EQ(small.subtotal, 210.0);
  EXPECT_DOUBLE_EQ(small.total, 500.0);
  EXPECT_TRUE(small.minimum_applied);
  EXPECT_EQ(money_text(1141.65, "GBP"), "1,141.65 GBP");
  EXPECT_EQ(money_text(2.999, "EUR"), "3.00 EUR");
  EXPECT_EQ(money_text(1234567.5, "USD"), "1,234,567.50 USD");
}

TEST(CareSheets, PreCareAndEachSessionsAftercareSayWhatTheClinicSays) {
  auto says = [](const CareSheet& sheet, const std::string& text) {
    for (const auto& item : sheet.items)
      if (item.find(text) != std::string::npos) return true;
    return false;
  };
  const CareSheet before = pre_care_sheet();
  for (const char* text : {"alcohol", "blood thinners", "tanning", "two weeks", "Moisturise", "Exfoliate", "night before", "Shower"})
    EXPECT_TRUE(says(before, text)) << text;
  const CareSheet first = aftercare_sheet(1, 3), last = aftercare_sheet(3, 3);
  for (const char* text : {"4 days", "sweating", "swimming", "sauna", "direct sun", "razor", "10 days"}) {
    EXPECT_TRUE(says(first, text)) << text;
    EXPECT_TRUE(says(last, text)) << text;
  }
  EXPECT_TRUE(says(last, "sunscreen"));
  EXPECT_FALSE(says(first, "sunscreen")) << "sunscreen for good comes after the last session";
  EXPECT_EQ(last.title, "After session 3 of 3");
}

// RFC 5545's shape: CRLF lines of at most 75 octets, folded with a leading space; one VEVENT per
// session with UID, DTSTAMP, an all-day DTSTART and its exclusive DTEND; text escaped.
TEST(CalendarIcs, IsAValidCalendarWithOneAllDayEventPerSession) {
  const std::string long_text(200, 'x');
  const std::string ics = calendar_ics({{"2026-12-30", "SMP session 1 of 2", "Needle 1RL; 35% pigment, about 2 h\n" + long_text},
                                        {"2027-01-11", "SMP session 2 of 2, Ünïcode", ""}},
                                       "p42-design", "20261122T101500Z");
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0), 0u);
  EXPECT_EQ(ics.substr(ics.size() - 15), "END:VCALENDAR\r\n");
  std::istringstream lines(ics);
  std::string unfolded;
  for (std::string line; std::getline(lines, line);) {
    ASSERT_FALSE(line.empty());
    ASSERT_EQ(line.back(), '\r') << "every line ends in CRLF";
    line.pop_back();
    EXPECT_LE(line.size(), 75u) << line;
    if (line[0] == ' ') unfolded += line.substr(1);
    else unfolded += "\n" + line;
  }
  EXPECT_NE(unfolded.find("\nDTSTART;VALUE=DATE:20261230\nDTEND;VALUE=DATE:20261231"), std::string::npos) << unfolded;
  EXPECT_NE(unfolded.find("\nDTSTART;VALUE=DATE:20270111\nDTEND;VALUE=DATE:20270112"), std::string::npos);
  EXPECT_NE(unfolded.find("\nUID:p42-design-session-2@smp-studio"), std::string::npos);
  EXPECT_NE(unfolded.find("\nDESCRIPTION:Needle 1RL\\; 35% pigment\\, about 2 h\\n" + long_text + "\n"), std::string::npos);
  EXPECT_NE(unfolded.find("\nSUMMARY:SMP session 2 of 2\\, Ünïcode\n"), std::string::npos) << "a UTF-8 character is never split";
  const std::regex event("BEGIN:VEVENT\nUID:[^\n]+\nDTSTAMP:20261122T101500Z\nDTSTART;VALUE=DATE:\\d{8}\nDTEND;VALUE=DATE:\\d{8}\nSUMMARY:");
  EXPECT_EQ(std::distance(std::sregex_iterator(unfolded.begin(), unfolded.end(), event), std::sregex_iterator()), 2);
  EXPECT_THROW(calendar_ics({{"2026-02-30", "x", ""}}, "u", "20261122T101500Z"), std::invalid_argument);
}

TEST(DesignFile, KeepsTheIntakeAndEachSessionsPlan) {
  Design d;
  d.patient.intake.age_years = 41;
  d.patient.intake.reasons = {"pattern_loss", "scar_transplant"};
  d.patient.intake.conditions = {"anticoagulants"};
  d.patient.intake.medication = "aspirin 75 mg";
  d.patient.photos = {{"front", "photos/front.jpg"}, {"top", "/clinic/p42/top.png"}};
  d.sessions[0].hairline_raise_mm = 6.0f;
  d.sessions[1].hairline_raise_mm = 3.0f;
  d.sessions[0].needle_angle_deg = 60.0f;
  d.sessions[0].depth_note = "very shallow at the front";
  const DesignReadResult back = design_from_json(design_to_json(d));
  ASSERT_TRUE(back.design) << (back.errors.empty() ? "" : back.errors[0]);
  EXPECT_EQ(*back.design, d);
  Design bad = d;
  bad.sessions[1].hairline_raise_mm = 8.0f;  // higher than session 1's: would take dots away
  EXPECT_FALSE(design_from_json(design_to_json(bad)).design);
  bad = d;
  bad.sessions[2].hairline_raise_mm = 1.0f;  // the design's own line never reached
  EXPECT_FALSE(design_from_json(design_to_json(bad)).design);
  bad = d;
  bad.patient.photos[0].view = "chin";  // not a side the clinic photographs
  EXPECT_FALSE(design_from_json(design_to_json(bad)).design);
  EXPECT_FLOAT_EQ(session_hairline(d, 0).height_mm, d.hairline.height_mm + 6.0f);
  EXPECT_FLOAT_EQ(session_hairline(d, 2).height_mm, d.hairline.height_mm);
}

}  // namespace
}  // namespace smp
