#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <unistd.h>

#include "core/image.h"
#include "io/jpeg.h"
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

TEST(Image, OpaquePngRoundTripsAndIsStoredWithoutAlpha) {
  Image image(41, 17);
  std::mt19937 random(11);
  for (std::size_t i = 0; i < image.rgba.size(); ++i) image.rgba[i] = i % 4 == 3 ? 255 : std::uint8_t(random());
  const std::vector<std::uint8_t> bytes = encode_png(image);
  ASSERT_GT(bytes.size(), 26u);
  EXPECT_EQ(bytes[25], 2) << "colour type: RGB";  // IHDR: signature 8, length 4, type 4, size 8, depth 1
  const std::filesystem::path path = std::filesystem::temp_directory_path() / ("smp-png-opaque-" + std::to_string(getpid()) + ".png");
  write_png(path, image);
  const Image back = read_png(path);
  std::filesystem::remove(path);
  EXPECT_EQ(back.rgba, image.rgba);
  image.rgba[3 + 4 * 100] = 254;  // one pixel not quite opaque: the alpha is kept
  EXPECT_EQ(encode_png(image)[25], 6) << "colour type: RGBA";
}

TEST(Image, JpegKeepsSingleColouredDotsAtFullColourResolution) {
  // Skin with one-pixel session-green dots on a 4-px grid: with chroma subsampling their green
  // would spread over 2x2 blocks and fade; at full resolution each stays green.
  Image image = solid(64, 48, 0);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      std::uint8_t* p = &image.rgba[(std::size_t(y) * 64 + std::size_t(x)) * 4];
      const bool dot = x % 4 == 1 && y % 4 == 1;
      p[0] = dot ? 40 : 230, p[1] = dot ? 200 : 180, p[2] = dot ? 60 : 150, p[3] = 255;
    }
  const std::vector<std::uint8_t> bytes = encode_jpeg(image, 92);
  ASSERT_GT(bytes.size(), 4u);
  EXPECT_EQ(bytes[0], 0xFF);
  EXPECT_EQ(bytes[1], 0xD8);  // a JPEG's start-of-image marker
  const std::filesystem::path path = std::filesystem::temp_directory_path() / ("smp-jpeg-test-" + std::to_string(getpid()) + ".jpg");
  {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    ASSERT_TRUE(file);
    std::fwrite(bytes.data(), 1, bytes.size(), file);
    std::fclose(file);
  }
  const Image back = read_png(path);  // stb_image reads JPEG too
  std::filesystem::remove(path);
  ASSERT_EQ(back.width, 64);
  ASSERT_EQ(back.height, 48);
  const std::uint8_t* dot = back.pixel(5, 5);
  EXPECT_GT(int(dot[1]) - int(dot[0]), 80) << "the dot is still green";
  const ImageDifference d = compare_images(back, image, 48);
  EXPECT_LT(d.mean_channel_diff, 8.0);
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
