// The real window under a virtual X server: it opens, draws the head and the panel, and closes.
#include <filesystem>
#include <fstream>
#include <optional>

#include <glm/vec2.hpp>

#include <cstdio>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "io/png.h"
#include "support/test_files.h"

namespace smp {
namespace {

// A scripted run (xdotool after `sleep`) gives the window frames enough to outlast its script
// when frames come twice as fast as on the 2-core machine these were written on (~140 ms each
// under Xvfb): the window closes after its frames, and an input sent later is lost (a training
// run that closed at 7.0 s missed its 7.0 s Ctrl+Enter once the head was drawn in one pass).
// Every window these tests start keeps its recovery file in a folder of its own: a test must never
// offer, or remove, the recovery file of the person running the tests.
class OwnStateFolder : public ::testing::Environment {
 public:
  void SetUp() override {
    char folder[] = "/tmp/smp-gui-state-XXXXXX";
    ASSERT_NE(mkdtemp(folder), nullptr);
    path_ = folder;
    setenv("XDG_STATE_HOME", folder, 1);
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

 private:
  std::filesystem::path path_;
};
[[maybe_unused]] ::testing::Environment* const own_state_folder = ::testing::AddGlobalTestEnvironment(new OwnStateFolder);

TEST(Window, OpensDrawsAndClosesUnderXvfb) {
  if (test::run_command("command -v xvfb-run").exit_code != 0) GTEST_SKIP() << "xvfb-run is not installed";
  const auto shot = test::scratch_dir() / "window.png";
  const auto result = test::run_command("xvfb-run -a -s '-screen 0 1600x1000x24' " + std::string(SMP_STUDIO_BINARY) +
                                        " --window-size 1200x800 --frames 8 --screenshot " + shot.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const Image image = read_png(shot);
  EXPECT_EQ(image.width, 1200);
  EXPECT_EQ(image.height, 800);
  EXPECT_GT(luminance_stddev(image), 15.0) << "the window is blank";
  // The head sits in the middle of the window: a skin colour (red above blue), not the grey backdrop.
  const std::uint8_t* centre = image.pixel(image.width / 2 + 100, image.height / 2);
  EXPECT_GT(int(centre[0]) - int(centre[2]), 25) << "no skin at the centre of the window";
  // The View panel is drawn in the top-left corner: ImGui's dark panel over the light backdrop.
  const std::uint8_t* panel = image.pixel(40, 120);
  EXPECT_LT(int(panel[0]) + int(panel[1]) + int(panel[2]), 3 * 70) << "no panel at the top left";
}

TEST(Window, ScalesWithAHighDpiScreen) {
  if (test::run_command("command -v xvfb-run && command -v xrdb").exit_code != 0)
    GTEST_SKIP() << "xvfb-run or xrdb is not installed";
  const auto dir = test::scratch_dir();
  const auto shot = dir / "window.png";
  test::write_text(dir / "xresources", "Xft.dpi: 192\n");  // what a 2x desktop announces
  // -noreset: Xvfb would otherwise forget the resources when xrdb disconnects.
  const auto result = test::run_command("xvfb-run -a -s '-screen 0 2000x1400x24 -noreset' sh -c 'xrdb -nocpp -load " +
                                        (dir / "xresources").string() + " && " + SMP_STUDIO_BINARY +
                                        " --window-size 600x400 --frames 4 --screenshot " + shot.string() + "'");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const Image image = read_png(shot);
  EXPECT_EQ(image.width, 1200) << "the window follows the monitor's content scale";
  EXPECT_EQ(image.height, 800);
  // The View panel scales too: it ends near x = 340 at 1x and near x = 680 at 2x. (500, 130) lies
  // right of the "Skin tone" heading inside a 2x panel (dark, sum ~55), on the light backdrop
  // (sum ~300) if the UI had stayed at 1x.
  const std::uint8_t* p = image.pixel(500, 130);
  EXPECT_LT(int(p[0]) + int(p[1]) + int(p[2]), 120) << "the panel did not scale with the screen";
}

bool gold(const std::uint8_t* p) { return p[0] > 200 && p[1] > 150 && p[1] < 215 && p[2] < 80; }

// The topmost gold (midline landmark) marker right of the panel, at or below `from_y`.
std::optional<glm::ivec2> gold_marker(const Image& image, int from_y = 0) {
  for (int y = from_y; y < image.height; ++y)
    for (int x = 400; x < image.width; ++x)
      if (gold(image.pixel(x, y))) return glm::ivec2(x + 2, y + 3);  // near its middle
  return std::nullopt;
}

bool gold_near(const Image& image, glm::ivec2 at) {
  for (int y = at.y - 4; y <= at.y + 4; ++y)
    for (int x = at.x - 4; x <= at.x + 4; ++x)
      if (x >= 0 && y >= 0 && x < image.width && y < image.height && gold(image.pixel(x, y))) return true;
  return false;
}

TEST(Window, DraggingALandmarkMovesItOnTheSkin) {
  if (test::run_command("command -v xvfb-run && command -v xdotool").exit_code != 0)
    GTEST_SKIP() << "xvfb-run or xdotool is not installed";
  const auto dir = test::scratch_dir();
  const std::string studio = std::string(SMP_STUDIO_BINARY) + " --window-size 1200x800 --frames ";
  // Where the vertex marker is drawn before anything moves.
  ASSERT_EQ(test::run_command("xvfb-run -a -s '-screen 0 1600x1000x24' " + studio + "3 --screenshot " + (dir / "before.png").string()).exit_code, 0);
  const Image first = read_png(dir / "before.png");
  const auto before = gold_marker(first);
  ASSERT_TRUE(before.has_value()) << "no vertex marker in the first picture";
  const auto glabella = gold_marker(first, before->y + 150);  // the next midline marker down the face
  ASSERT_TRUE(glabella.has_value());
  // Drag it 100 px down the forehead while the window runs, then let it settle.
  const std::string x = std::to_string(before->x), y0 = std::to_string(before->y);
  const std::string script = studio + "140 --screenshot " + (dir / "after.png").string() + " & sleep 4; xdotool mousemove " + x + " " + y0 +
                             "; sleep 0.5; xdotool mousedown 1; for d in 20 40 60 80 100; do xdotool mousemove " + x + " $((" + y0 +
                             " + d)); sleep 0.3; done; xdotool mouseup 1; wait";
  const auto result = test::run_command("xvfb-run -a -s '-screen 0 1600x1000x24' sh -c '" + script + "'");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const Image last = read_png(dir / "after.png");
  const auto after = gold_marker(last);
  ASSERT_TRUE(after.has_value());
  // It ends near the mouse (the marker half sinks into the skin, so its visible top sits low),
  // while the glabella's marker stays put: the head did not turn.
  EXPECT_NEAR(after->y, before->y + 100, 30) << "the marker did not follow the mouse down the head";
  EXPECT_NEAR(after->x, before->x, 15);
  EXPECT_TRUE(gold_near(last, *glabella)) << "the head turned instead of the landmark moving";
}

}  // namespace
}  // namespace smp

namespace smp {
namespace {

// "design: hairline 80 mm, 41234 dots" as the window prints it after its last frame.
std::pair<double, long> design_line(const std::string& output) {
  const auto at = output.find("design: hairline ");
  if (at == std::string::npos) return {-1.0, -1};
  double height = -1.0;
  long dots = -1;
  std::sscanf(output.c_str() + at, "design: hairline %lf mm, %ld dots", &height, &dots);
  return {height, dots};
}

TEST(Window, DraggingTheHairlineHeightSliderRedrawsTheDots) {
  if (test::run_command("command -v xvfb-run && command -v xdotool").exit_code != 0)
    GTEST_SKIP() << "xvfb-run or xdotool is not installed";
  const std::string studio = std::string(SMP_STUDIO_BINARY) + " --window-size 1400x880 --frames ";
  // Untouched: the default design. The pool is cached by the first run.
  const auto still = test::run_command("xvfb-run -a -s '-screen 0 1600x1000x24' " + studio + "40");
  ASSERT_EQ(still.exit_code, 0) << still.output;
  const auto [height0, dots0] = design_line(still.output);
  ASSERT_GT(dots0, 1000) << still.output;
  EXPECT_DOUBLE_EQ(height0, 80.0);
  // The Height slider is the first of the Design panel's Hairline section (the panel's layout is
  // fixed at this size): drag its knob 80 px left, towards 50 mm, through the UI.
  const std::string script = studio + "140 & sleep 5; xdotool mousemove 1114 454; sleep 0.5; xdotool mousedown 1; "
                             "for d in 20 40 60 80; do xdotool mousemove $((1114 - d)) 454; sleep 0.3; done; sleep 2; xdotool mouseup 1; wait";
  const auto dragged = test::run_command("xvfb-run -a -s '-screen 0 1600x1000x24' sh -c '" + script + "'");
  ASSERT_EQ(dragged.exit_code, 0) << dragged.output;
  const auto [height1, dots1] = design_line(dragged.output);
  EXPECT_LT(height1, 75.0) << dragged.output;
  EXPECT_GT(dots1, dots0 + 500) << "a lower hairline adds dots in front of the old one";
}

TEST(Window, DraggingTheHairlinesMidFrontalHandleLowersTheHairline) {
  if (test::run_command("command -v xvfb-run && command -v xdotool").exit_code != 0)
    GTEST_SKIP() << "xvfb-run or xdotool is not installed";
  // At this window size the default three-quarter view puts the mid-frontal handle at (580, 253)
  // (found on a screenshot); dragging it 40 px down the forehead lowers the hairline.
  const std::string script = std::string(SMP_STUDIO_BINARY) +
                             " --window-size 1400x880 --frames 140 & sleep 5; xdotool mousemove 580 253; sleep 0.5; xdotool mousedown 1; "
                             "for d in 10 20 30 40; do xdotool mousemove 580 $((253 + d)); sleep 0.3; done; sleep 2; xdotool mouseup 1; wait";
  const auto result = test::run_command("xvfb-run -a -s '-screen 0 1600x1000x24' sh -c '" + script + "'");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto [height, dots] = design_line(result.output);
  // Held at the end before release (a slow frame would otherwise see the release first).
  EXPECT_LT(height, 74.0) << result.output;
  EXPECT_GT(height, 50.0) << result.output;
  EXPECT_GT(dots, 0);
}

// Nothing lost: the window is killed (SIGKILL, no chance to save) some time after an edit; the next
// start offers the autosaved design, Enter accepts it, and the edit is back.
TEST(Window, KilledMidEditTheDesignIsRecoveredOnTheNextStart) {
  if (test::run_command("command -v xvfb-run && command -v xdotool").exit_code != 0)
    GTEST_SKIP() << "xvfb-run or xdotool is not installed";
  const auto dir = test::scratch_dir();
  const auto recovery = dir / "smp-studio" / "recovery.json";
  const std::string studio = "XDG_STATE_HOME=" + dir.string() + " " + std::string(SMP_STUDIO_BINARY) + " --window-size 1400x880 --frames ";
  // The Height slider dragged towards 50 mm (as in DraggingTheHairlineHeightSliderRedrawsTheDots),
  // then killed once the autosave (every 30 s) has written the recovery file, or after 45 s.
  const std::string script = studio + "1000000 & pid=$!; sleep 5; xdotool mousemove 1114 454; sleep 0.5; xdotool mousedown 1; "
                             "for d in 20 40 60 80; do xdotool mousemove $((1114 - d)) 454; sleep 0.3; done; sleep 2; xdotool mouseup 1; "
                             "edited=$(date +%s); for i in $(seq 90); do [ -f " + recovery.string() + " ] && break; sleep 0.5; done; "
                             "echo autosaved after $(( $(date +%s) - edited )) s; kill -9 $pid; wait; " +
                             studio + "100 & sleep 5; xdotool key Return; wait";
  const auto result = test::run_command("xvfb-run -a -s '-screen 0 1600x1000x24' sh -c '" + script + "'");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  int autosaved_after = -1;
  const auto at = result.output.find("autosaved after ");
  ASSERT_NE(at, std::string::npos) << result.output;
  std::sscanf(result.output.c_str() + at, "autosaved after %d s", &autosaved_after);
  EXPECT_LE(autosaved_after, 31) << "the edit was not in the recovery file within 30 s";
  const auto [height, dots] = design_line(result.output);
  EXPECT_GT(height, 40.0) << result.output;
  EXPECT_LT(height, 75.0) << "the recovered design is not the edited one (80 mm is the default):\n" << result.output;
  EXPECT_GT(dots, 0);
  EXPECT_FALSE(std::filesystem::exists(recovery)) << "a clean exit leaves nothing to recover";
}

// --compare (the View panel's "Compare designs") shows another design in the right half, on the
// same camera: a line down the middle, a head on each side, the two hairlines different.
TEST(Window, ComparesTwoDesignsSideBySide) {
  if (test::run_command("command -v xvfb-run").exit_code != 0) GTEST_SKIP() << "xvfb-run is not installed";
  const auto dir = test::scratch_dir();
  const std::string example = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  nlohmann::json lower = nlohmann::json::parse(std::ifstream(example));
  lower["name"] = "Lower hairline";
  lower["hairline"]["height_mm"] = 62;
  std::ofstream(dir / "lower.json") << lower.dump();
  const auto shot = dir / "compare.png";
  const std::string run = "xvfb-run -a -s '-screen 0 1600x1000x24' " + std::string(SMP_STUDIO_BINARY) + " --window-size 1400x880 --frames 40 --design " +
                          example + " --compare ";
  const auto result = test::run_command(run + (dir / "lower.json").string() + " --screenshot " + shot.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("beside it: Lower hairline"), std::string::npos) << result.output;
  const auto [height, dots] = design_line(result.output);
  EXPECT_DOUBLE_EQ(height, 78.0) << "the design being edited is still the example";
  const Image image = read_png(shot);
  int white = 0;  // the divide: a light column in the middle
  for (int y = 0; y < image.height; ++y) white += image.pixel(image.width / 2 - 1, y)[1] > 200 || image.pixel(image.width / 2, y)[1] > 200;
  EXPECT_GT(white, image.height * 9 / 10);
  // Each half's free middle shows skin.
  const int centres[2] = {(330 + 700) / 2, (700 + 1000) / 2};
  for (int side = 0; side < 2; ++side) {
    const std::uint8_t* skin = image.pixel(centres[side], 440);
    EXPECT_GT(int(skin[0]) - int(skin[2]), 25) << "no head in half " << side;
  }
  // The right half's dots are its own design's: a lower hairline has more.
  const std::size_t beside = result.output.find("beside it: Lower hairline, ");
  ASSERT_NE(beside, std::string::npos);
  EXPECT_GT(std::stol(result.output.substr(beside + 27)), long(dots) + 500) << result.output;
  // A broken file: the window still runs, says why, and shows one design.
  std::ofstream(dir / "broken.json") << "{ not json";
  const auto broken = test::run_command(run + (dir / "broken.json").string());
  ASSERT_EQ(broken.exit_code, 0) << broken.output;
  EXPECT_NE(broken.output.find("nothing beside it:"), std::string::npos) << broken.output;
  EXPECT_NE(broken.output.find("broken.json"), std::string::npos) << broken.output;
}

// Training: the window opened on a case with a trainee's design (--case, --design); Ctrl+Enter
// submits it and the score, its faults and the two hairlines (reference green, trainee orange)
// appear; the attempt is logged where the chart of attempts reads it.
TEST(Window, TrainingSubmissionIsScoredLoggedAndDrawnBesideTheReference) {
  if (test::run_command("command -v xvfb-run && command -v xdotool").exit_code != 0)
    GTEST_SKIP() << "xvfb-run or xdotool is not installed";
  const auto dir = test::scratch_dir();
  const std::filesystem::path case_file = std::filesystem::path(SMP_ASSETS_DIR) / "cases" / "02-norwood-3.case.json";
  nlohmann::json attempt = nlohmann::json::parse(std::ifstream(case_file))["reference"];
  attempt["hairline"]["height_mm"] = attempt["hairline"]["height_mm"].get<double>() - 10;  // a centimetre too low
  std::ofstream(dir / "attempt.json") << attempt.dump();
  const auto shot = dir / "training.png";
  const std::string script = "XDG_DATA_HOME=" + (dir / "data").string() + " " + std::string(SMP_STUDIO_BINARY) +
                             " --window-size 1400x880 --case " + case_file.string() + " --design " + (dir / "attempt.json").string() +
                             " --frames 110 --screenshot " + shot.string() + " & sleep 7; xdotool key ctrl+Return; sleep 0.5; xdotool key 1; wait";
  const auto result = test::run_command("xvfb-run -a -s '-screen 0 1600x1000x24' sh -c '" + script + "'");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("faults: too_low"), std::string::npos) << result.output;
  std::ifstream log(dir / "data" / "smp-studio" / "attempts.csv");
  std::string header, row;
  std::getline(log, header);
  std::getline(log, row);
  EXPECT_EQ(header, "when,trainee,case,total,faults");
  EXPECT_NE(row.find("Norwood III: deep temple recession"), std::string::npos) << row;
  EXPECT_NE(row.find("too_low"), std::string::npos) << row;
  // Both hairlines on the forehead (front view): green beads and orange beads.
  const Image image = read_png(shot);
  int green = 0, orange = 0;
  for (int y = 100; y < 400; ++y)
    for (int x = 400; x < 950; ++x) {
      const std::uint8_t* p = image.pixel(x, y);
      green += p[1] > 200 && p[0] < 150 && p[2] < 170;
      orange += p[0] > 220 && p[1] > 110 && p[1] < 190 && p[2] < 90;
    }
  EXPECT_GT(green, 30) << "the reference's hairline";
  EXPECT_GT(orange, 30) << "the trainee's hairline";

  // A trainer saves the design on show as a new case: open "New case..." (at (560, 854) at this
  // size, found on a screenshot), type its name, press "Save as reference case" (592, 851).
  const std::string trainer = "XDG_DATA_HOME=" + (dir / "data").string() + " " + std::string(SMP_STUDIO_BINARY) +
                              " --window-size 1400x880 --case " + case_file.string() + " --design " + (dir / "attempt.json").string() +
                              " --frames 180 & sleep 7; xdotool mousemove 560 854 click 1; sleep 1.5; xdotool mousemove 640 532 click 1; sleep 1; "
                              "xdotool type --delay 150 \"Low one\"; sleep 1; xdotool key Return; sleep 1; xdotool mousemove 592 851 click 1; wait";
  const auto saved = test::run_command("xvfb-run -a -s '-screen 0 1600x1000x24' sh -c '" + trainer + "'");
  ASSERT_EQ(saved.exit_code, 0) << saved.output;
  const auto new_case = dir / "data" / "smp-studio" / "cases" / "low-one.case.json";
  ASSERT_TRUE(std::filesystem::exists(new_case)) << saved.output;
  const nlohmann::json written = nlohmann::json::parse(std::ifstream(new_case));
  EXPECT_EQ(written["name"], "Low one");
  EXPECT_DOUBLE_EQ(written["reference"]["hairline"]["height_mm"].get<double>(), attempt["hairline"]["height_mm"].get<double>());
}

// Ctrl+E opens the Export panel at the bottom middle; at this window size its Export button is at
// (517, 851) (found on a screenshot). The guide goes beside the design file, named after it.
TEST(Window, ExportPanelWritesTheGuideAndCancelLeavesNothing) {
  if (test::run_command("command -v xvfb-run && command -v xdotool").exit_code != 0)
    GTEST_SKIP() << "xvfb-run or xdotool is not installed";
  const auto dir = test::scratch_dir();
  std::filesystem::copy_file(std::string(SMP_ASSETS_DIR) + "/examples/example-design.json", dir / "case.json");
  auto run = [&](int frames, const std::string& after_click) {
    const std::string script = std::string(SMP_STUDIO_BINARY) + " --design " + (dir / "case.json").string() +
                               " --window-size 1400x880 --frames " + std::to_string(frames) +
                               " & sleep 5; xdotool key ctrl+e; sleep 1; xdotool mousemove 517 851; sleep 0.3; xdotool click 1; " +
                               after_click + " wait";
    return test::run_command("xvfb-run -a -s '-screen 0 1600x1000x24' sh -c '" + script + "'");
  };
  auto leftovers = [&] {
    std::vector<std::string> hidden;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.path().filename().string().starts_with(".")) hidden.push_back(entry.path().filename().string());
    return hidden;
  };
  // Cancelled (Escape) a second after starting: no guide, no half guide.
  const auto cancelled = run(140, "sleep 1.5; xdotool key Escape;");
  ASSERT_EQ(cancelled.exit_code, 0) << cancelled.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "case-guide")) << cancelled.output;
  EXPECT_TRUE(leftovers().empty()) << leftovers().front();
  // Left to finish: the whole guide.
  const auto written = run(260, "");
  ASSERT_EQ(written.exit_code, 0) << written.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "case-guide" / "guide.pdf")) << written.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "case-guide" / "session-3-back.png"));
  EXPECT_TRUE(std::filesystem::exists(dir / "case-guide" / "dots.csv"));
  EXPECT_TRUE(leftovers().empty());
  // The window draws its own frames between the export's steps: the pictures are still the
  // command line's (the front view's head is drawn in an earlier step than its dots).
  const auto cli = test::run_command(std::string(SMP_STUDIO_BINARY) + " export " + (dir / "case.json").string() + " --out " + (dir / "cli-guide").string());
  ASSERT_EQ(cli.exit_code, 0) << cli.output;
  for (const std::string picture : {"session-1-front.png", "session-3-front.png", "session-2-left.png"}) {
    const ImageDifference difference = compare_images(read_png(dir / "case-guide" / picture), read_png(dir / "cli-guide" / picture));
    EXPECT_TRUE(difference.same_size) << picture;
    EXPECT_EQ(difference.max_channel_diff, 0) << picture;
  }
}

}  // namespace
}  // namespace smp
