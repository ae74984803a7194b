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

}  // namespace
}  // namespace smp
