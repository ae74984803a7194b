#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <unistd.h>

#include "core/image.h"
#include "io/png.h"

namespace smp {
namespace {

Image solid(int w, int h, std::uint8_t value) {
  Image image(w, h);
  std::fill(image.rgba.begin(), image.rgba.end(), value);
  return image;
}

TEST(Image, PngRoundTripsEveryByte) {
  Image image(37, 23);  // odd sizes; noise, so every filter difference and wrap-around occurs
  std::mt19937 random(7);
  for (std::uint8_t& byte : image.rgba) byte = std::uint8_t(random());
  const std::filesystem::path path = std::filesystem::temp_directory_path() / ("smp-png-test-" + std::to_string(getpid()) + ".png");
  write_png(path, image);
  const Image back = read_png(path);
  std::filesystem::remove(path);
  ASSERT_EQ(back.width, image.width);
  ASSERT_EQ(back.height, image.height);
  EXPECT_EQ(back.rgba, image.rgba);
}

TEST(Image, ShrinkHalvesByBoxAverageUntilNarrowEnough) {
  Image image(8, 4);
  for (int x = 0; x < 8; ++x)
    for (int y = 0; y < 4; ++y) image.rgba[(std::size_t(y) * 8 + std::size_t(x)) * 4] = std::uint8_t(x % 2 ? 200 : 100);
  const Image small = shrink_to_width(image, 3);
  EXPECT_EQ(small.width, 2);
  EXPECT_EQ(small.height, 1);
  EXPECT_EQ(small.pixel(0, 0)[0], 150);
  EXPECT_EQ(shrink_to_width(image, 8).width, 8);  // already narrow enough: unchanged
}

TEST(Image, FlipRowsSwapsTopAndBottom) {
  Image image(1, 3);
  for (int y = 0; y < 3; ++y) image.rgba[static_cast<std::size_t>(y) * 4] = static_cast<std::uint8_t>(y);
  flip_rows(image);
  EXPECT_EQ(image.pixel(0, 0)[0], 2);
  EXPECT_EQ(image.pixel(0, 2)[0], 0);
}

TEST(Image, CompareMeasuresMaxAndMean) {
  Image a = solid(4, 4, 100), b = solid(4, 4, 100);
  EXPECT_EQ(compare_images(a, b).max_channel_diff, 0);
  b.rgba[0] = 140;  // one channel of one pixel
  const ImageDifference d = compare_images(a, b, 16);
  EXPECT_TRUE(d.same_size);
  EXPECT_EQ(d.max_channel_diff, 40);
  EXPECT_NEAR(d.mean_channel_diff, 40.0 / 48.0, 1e-9);
  EXPECT_NEAR(d.fraction_over, 1.0 / 16.0, 1e-9);
  EXPECT_FALSE(compare_images(a, solid(4, 5, 100)).same_size);
}

TEST(Image, BlankPictureHasNoLuminanceSpread) {
  EXPECT_EQ(luminance_stddev(solid(8, 8, 50)), 0.0);
  Image half = solid(8, 8, 0);
  std::fill(half.rgba.begin(), half.rgba.begin() + 128, 255);
  EXPECT_GT(luminance_stddev(half), 100.0);
}

TEST(Image, TilesLayOutLeftToRightThenDown) {
  const Image sheet = tile_images({solid(2, 2, 10), solid(2, 2, 20), solid(2, 2, 30)}, 2);
  ASSERT_EQ(sheet.width, 4);
  ASSERT_EQ(sheet.height, 4);
  EXPECT_EQ(sheet.pixel(0, 0)[0], 10);
  EXPECT_EQ(sheet.pixel(3, 1)[0], 20);
  EXPECT_EQ(sheet.pixel(1, 3)[0], 30);
  EXPECT_EQ(sheet.pixel(3, 3)[0], 10);  // the empty cell continues the backdrop
}

TEST(Image, CaptionBandsContinueTheBackdropBelowEachRow) {
  Image a = solid(2, 3, 10);
  a.rgba[(1 * 2) * 4] = 33;  // left pixel of the middle row: empty cells repeat the left column
  a.rgba[(2 * 2) * 4] = 77;  // bottom-left pixel: the colour the caption band continues
  const Image sheet = tile_images({a, a, a}, 2, 4);
  ASSERT_EQ(sheet.width, 4);
  ASSERT_EQ(sheet.height, 2 * (3 + 4));
  EXPECT_EQ(sheet.pixel(1, 0)[0], 10);
  EXPECT_EQ(sheet.pixel(3, 4)[0], 77);   // band under the first row
  EXPECT_EQ(sheet.pixel(0, 7)[0], 10);   // second row starts below the band
  EXPECT_EQ(sheet.pixel(3, 8)[0], 33);   // empty cell: the backdrop's middle row
  EXPECT_EQ(sheet.pixel(3, 12)[0], 77);  // and its band
}

}  // namespace
}  // namespace smp
