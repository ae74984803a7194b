// The consultation through the real binary: the quote priced on the areas measured on the head,
// the screening flags, each session's own hairline, the schedule (.ics), the care sheets and the
// one-page consultation record in the exported guide.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_files.h"

namespace smp {
namespace {

const std::string kBinary = SMP_STUDIO_BINARY;
const std::string kDesign = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";

std::string contents(const std::filesystem::path& path) {
  std::ostringstream s;
  s << std::ifstream(path, std::ios::binary).rdbuf();
  return s.str();
}

nlohmann::json measured(const std::string& env, const std::string& design) {
  const auto result = test::run_command(env + kBinary + " measure --json --design " + design, test::Stderr::Discarded);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  return nlohmann::json::parse(result.output.substr(result.output.find('{')));
}

std::string money(double amount) {  // as the program prints it, for amounts under a million
  char text[64];
  const long long cents = std::llround(amount * 100.0);
  const long long whole = cents / 100;
  if (whole >= 1000) std::snprintf(text, sizeof text, "%lld,%03lld.%02lld GBP", whole / 1000, whole % 1000, cents % 100);
  else std::snprintf(text, sizeof text, "%lld.%02lld GBP", whole, cents % 100);
  return text;
}

TEST(Consultation, QuoteIsThePriceListAppliedToTheMeasuredAreas) {
  const auto dir = test::scratch_dir();
  test::write_text(dir / "config" / "smp-studio" / "settings.json",
                   R"({"clinic_name": "Test Clinic", "dots_per_minute": 50,
                       "prices": {"currency": "GBP", "per_session": 120, "per_cm2": 1.5, "scar_extra_per_cm2": 4, "minimum": 300}})");
  const std::string env = "XDG_CONFIG_HOME=" + (dir / "config").string() + " ";
  const nlohmann::json design = measured(env, kDesign)["design"];
  const double treated = design["treated_area_cm2"].get<double>(), scar = design["scar_area_cm2"].get<double>();
  const double sessions = double(design["sessions"].size());
  EXPECT_GT(treated, 400.0) << "a Norwood IV design treats most of the scalp";
  EXPECT_LT(treated, design["dots"].get<double>() / 20.0) << "more area than its dots could cover at 20 dots/cm2";
  const double expected = std::round((sessions * 120.0 + std::round(treated * 10.0) / 10.0 * 1.5 + std::round(scar * 10.0) / 10.0 * 4.0) * 100.0) / 100.0;
  EXPECT_NEAR(design["quote"]["total"].get<double>(), expected, 0.005);
  EXPECT_EQ(design["quote"]["currency"], "GBP");
  EXPECT_NEAR(design["sessions"][0]["minutes_at_chair"].get<double>(), design["sessions"][0]["new_dots"].get<double>() / 50.0, 1.0)
      << "times follow the clinic's pace";
  ASSERT_EQ(design["flags"].size(), 1u);
  EXPECT_EQ(design["flags"][0]["key"], "anticoagulants");

  // A broken settings file: one line naming it, exit 2.
  test::write_text(dir / "config" / "smp-studio" / "settings.json", R"({"prices": {"per_cm2": "cheap"}})");
  const auto broken = test::run_command(env + kBinary + " measure --design " + kDesign);
  EXPECT_EQ(broken.exit_code, 2) << broken.output;
  EXPECT_NE(broken.output.find("settings.json: prices.per_cm2"), std::string::npos) << broken.output;
}

TEST(Consultation, EachSessionHasItsOwnHairlineAndLaterSessionsFillWhatTheFirstLeaves) {
  const auto dir = test::scratch_dir();
  nlohmann::json flat = nlohmann::json::parse(contents(kDesign));
  for (auto& session : flat["sessions"]) session["hairline_raise_mm"] = 0;
  test::write_text(dir / "flat.json", flat.dump());
  const nlohmann::json raised = measured("", kDesign)["design"], same = measured("", (dir / "flat.json").string())["design"];
  EXPECT_DOUBLE_EQ(raised["sessions"][0]["hairline_height_mm"].get<double>(), raised["hairline_height_mm"].get<double>() + 4.0);
  EXPECT_DOUBLE_EQ(raised["sessions"][2]["hairline_height_mm"].get<double>(), raised["hairline_height_mm"].get<double>());
  EXPECT_EQ(raised["dots"], same["dots"]) << "a session's own hairline moves dots between sessions, it adds or removes none";
  const int band_raised = raised["sessions"][0]["new_dots_per_zone"]["hairline_band"].get<int>();
  const int band_flat = same["sessions"][0]["new_dots_per_zone"]["hairline_band"].get<int>();
  EXPECT_LT(band_raised, band_flat) << "session 1's higher line leaves the front dots to later sessions";
  EXPECT_EQ(raised["sessions"][0]["new_dots_per_zone"]["crown"], same["sessions"][0]["new_dots_per_zone"]["crown"]) << "the crown is untouched";
}

TEST(Consultation, ExportHasTheScheduleCareSheetsRecordAndEachSessionsHairline) {
  const auto dir = test::scratch_dir();
  test::write_text(dir / "config" / "smp-studio" / "settings.json",
                   R"({"clinic_name": "Test Clinic", "prices": {"currency": "GBP", "per_session": 120, "per_cm2": 1.5, "minimum": 300}})");
  const std::string env = "XDG_CONFIG_HOME=" + (dir / "config").string() + " ";
  const auto guide = dir / "guide";
  const auto result = test::run_command(env + kBinary + " export " + kDesign + " --out " + guide.string());
  if (result.output.find("no offscreen OpenGL") != std::string::npos) GTEST_SKIP() << result.output;
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const double total = measured(env, kDesign)["design"]["quote"]["total"].get<double>();

  auto pages = [](const std::filesystem::path& pdf) {
    const auto info = test::run_command("pdfinfo " + pdf.string());
    int n = 0;
    std::sscanf(info.output.c_str() + info.output.find("Pages:") + 6, "%d", &n);
    return n;
  };
  auto text_of = [](const std::filesystem::path& pdf) { return test::run_command("pdftotext -layout " + pdf.string() + " -").output; };
  EXPECT_EQ(pages(guide / "consultation.pdf"), 1);
  EXPECT_EQ(pages(guide / "care-sheets.pdf"), 4) << "before the first session, then after each of 3";
  const std::string record = text_of(guide / "consultation.pdf");
  for (const std::string& text : {std::string("Consultation record"), std::string("Test Clinic"), std::string("Anticoagulants"), money(total),
                                  std::string("Practitioner"), std::string("82 mm"), std::string("78 mm")})
    EXPECT_NE(record.find(text), std::string::npos) << text << " not in the consultation record:\n" << record;
  const std::string care = text_of(guide / "care-sheets.pdf");
  for (const char* text : {"Before your first session", "After session 3 of 3", "28 days", "sunscreen", "2026-12-13"})
    EXPECT_NE(care.find(text), std::string::npos) << text;
  const std::string guide_text = text_of(guide / "guide.pdf");
  for (const std::string& text : {std::string("see a doctor first"), money(total), std::string("Before your first session"),
                                  std::string("4.0 mm higher than the design's"), std::string("2.0 mm higher than the design's"),
                                  std::string("glabella to the hairline's centre 82 mm"), std::string("glabella to the hairline's centre 78 mm"),
                                  std::string("1RL 0.20 mm edge"), std::string("Time at 60 dots a minute")})
    EXPECT_NE(guide_text.find(text), std::string::npos) << text << " not in guide.pdf";

  // The scalp maps (SVG, 1:1 in mm) draw each session's own hairline: session 1's middle sits 4 mm
  // (the example's raise) from session 3's, which is the design's.
  auto hairline_middle = [&](int session) {
    const std::string svg = contents(guide / ("scalp-map-session-" + std::to_string(session) + ".svg"));
    const auto end = svg.find("\" fill=\"none\" stroke=\"#1a1a1a\"");
    const auto start = svg.rfind("<polyline points=\"", end);
    std::istringstream points(svg.substr(start + 18, end - start - 18));
    std::vector<std::pair<double, double>> line;
    for (std::string point; points >> point;) line.emplace_back(std::stod(point), std::stod(point.substr(point.find(',') + 1)));
    return line.at(line.size() / 2);
  };
  const auto [x1, y1] = hairline_middle(1);
  const auto [x3, y3] = hairline_middle(3);
  EXPECT_NEAR(std::hypot(x1 - x3, y1 - y3), 4.0, 1.0) << "session 1's line is not 4 mm from session 3's on the map";

  // The schedule: RFC 5545 lines (CRLF, at most 75 octets), one all-day event per planned date.
  const std::string ics = contents(guide / "schedule.ics");
  std::istringstream lines(ics);
  std::string unfolded;
  for (std::string line; std::getline(lines, line);) {
    ASSERT_EQ(line.back(), '\r');
    line.pop_back();
    EXPECT_LE(line.size(), 75u);
    unfolded += line[0] == ' ' ? line.substr(1) : "\n" + line;
  }
  EXPECT_EQ(unfolded.substr(0, 30), "\nBEGIN:VCALENDAR\nVERSION:2.0\nP");
  for (const char* date : {"20261201", "20261213", "20261227"})
    EXPECT_NE(unfolded.find(std::string("\nDTSTART;VALUE=DATE:") + date + "\n"), std::string::npos) << date;
  const std::regex event("\nBEGIN:VEVENT\nUID:[^\n]+@smp-studio\nDTSTAMP:\\d{8}T\\d{6}Z\nDTSTART;VALUE=DATE:\\d{8}\nDTEND;VALUE=DATE:\\d{8}\nSUMMARY:SMP session \\d of 3 at Test Clinic");
  EXPECT_EQ(std::distance(std::sregex_iterator(unfolded.begin(), unfolded.end(), event), std::sregex_iterator()), 3) << unfolded;

  // Without a first session date there is no schedule to write: said, and left out.
  nlohmann::json undated = nlohmann::json::parse(contents(kDesign));
  undated["first_session_date"] = "";
  test::write_text(dir / "undated.json", undated.dump());
  const auto no_dates = test::run_command(kBinary + " export " + (dir / "undated.json").string() + " --formats ics,json --out " + (dir / "u").string());
  ASSERT_EQ(no_dates.exit_code, 0) << no_dates.output;
  EXPECT_NE(no_dates.output.find("schedule.ics: left out, the design has no first session date"), std::string::npos) << no_dates.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "u" / "schedule.ics"));
}

// Before photos named in the design (relative to its file) are in the guide and the record; a photo
// that cannot be read stops the export with one line naming it.
TEST(Consultation, BeforePhotosGoIntoTheGuideAndTheRecord) {
  if (test::run_command("command -v pdfimages && command -v pdftotext").exit_code != 0) GTEST_SKIP() << "poppler-utils is not installed";
  const auto dir = test::scratch_dir();
  std::filesystem::create_directories(dir / "photos");
  for (const char* view : {"front", "left"}) {  // stand-ins for photos: the bare head, rendered
    const auto shot = test::run_command(kBinary + " render --size 320x240 --view " + view + " --out " + (dir / "photos" / (std::string(view) + ".png")).string());
    if (shot.output.find("no offscreen OpenGL") != std::string::npos) GTEST_SKIP() << shot.output;
    ASSERT_EQ(shot.exit_code, 0) << shot.output;
  }
  nlohmann::json design = nlohmann::json::parse(contents(kDesign));
  design["patient"]["photos"] = {{{"view", "front"}, {"file", "photos/front.png"}}, {{"view", "left"}, {"file", "photos/left.png"}}};
  test::write_text(dir / "with-photos.json", design.dump());
  ASSERT_EQ(test::run_command(kBinary + " validate " + (dir / "with-photos.json").string()).exit_code, 0);
  const auto result = test::run_command("cd / && " + kBinary + " export " + (dir / "with-photos.json").string() + " --formats pdf,summary --sessions 1 --size 400x300 --out " +
                                        (dir / "guide").string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto images_in = [](const std::filesystem::path& pdf) {
    const auto list = test::run_command("pdfimages -list " + pdf.string());
    int lines = 0;
    for (char c : list.output) lines += c == '\n';
    return lines - 2;  // two header lines
  };
  EXPECT_EQ(images_in(dir / "guide" / "consultation.pdf"), 5) << "2 photos and the 3 pictures of the design";
  const std::string guide = test::run_command("pdftotext " + (dir / "guide" / "guide.pdf").string() + " -").output;
  EXPECT_NE(guide.find("Before treatment"), std::string::npos);

  design["patient"]["photos"] = {{{"view", "front"}, {"file", "photos/missing.jpg"}}};
  test::write_text(dir / "missing-photo.json", design.dump());
  const auto missing = test::run_command(kBinary + " export " + (dir / "missing-photo.json").string() + " --formats summary --out " + (dir / "none").string());
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find((dir / "photos" / "missing.jpg").string()), std::string::npos) << missing.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "none"));
}

}  // namespace
}  // namespace smp
