// The real window under a virtual X server: it opens, draws the head and the panel, and closes.
#include <filesystem>

#include <gtest/gtest.h>

#include "io/png.h"
#include "support/test_files.h"

namespace smp {
namespace {

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

}  // namespace
}  // namespace smp
