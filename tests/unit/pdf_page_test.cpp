// Drawing helpers of the PDF pages (export/pdf_page).
#include <algorithm>
#include <utility>

#include <gtest/gtest.h>

#include "export/pdf_page.h"

namespace smp {
namespace {

// A legend is a word, then a coloured dot beside it. Text used to leave Cairo's current point at
// its end, and the dot's arc joined that point with a line: a filled sliver of no area, which PDF
// viewers still draw as a hairline from the word to the dot (seen in the guide's legends).
TEST(PdfPage, TextLeavesNoCurrentPointForTheNextDotToJoin) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 200, 60);
  cairo_t* cr = cairo_create(surface);
  pdf::text(cr, 5, 15, 10, "new dots");
  EXPECT_FALSE(cairo_has_current_point(cr));
  cairo_arc(cr, 180, 50, 4, 0, 6.2832);
  double x0, y0, x1, y1;
  cairo_path_extents(cr, &x0, &y0, &x1, &y1);
  EXPECT_GT(x0, 170.0) << "the dot's path reaches back to the text";
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
}

// The columns [first, last] that text painted on a white 400 x 40 surface inks.
std::pair<int, int> inked_columns(void (*draw)(cairo_t*)) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 400, 40);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  draw(cr);
  cairo_surface_flush(surface);
  const unsigned char* pixels = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  int first = 400, last = -1;
  for (int y = 0; y < 40; ++y)
    for (int x = 0; x < 400; ++x)
      if (pixels[y * stride + 4 * x + 1] < 128) first = std::min(first, x), last = std::max(last, x);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return {first, last};
}

// Headers put the design's name against the right margin, however long it is.
TEST(PdfPage, TextEndingAtTheMarginEndsThereAndLongTextShrinksIntoItsRoom) {
  const auto [first, last] = inked_columns([](cairo_t* cr) { pdf::text_ending_at(cr, 380, 25, 12, "Norwood IV"); });
  EXPECT_NEAR(last, 379, 2) << "ends at the margin";
  EXPECT_GT(first, 280) << "short text keeps its size";
  const auto [long_first, long_last] = inked_columns(
      [](cairo_t* cr) { pdf::text_ending_at(cr, 380, 25, 12, "Norwood IV, soft mature hairline, second opinion", false, 0.1, 250); });
  EXPECT_NEAR(long_last, 379, 2);
  EXPECT_GE(long_first, 380 - 252) << "shrunk into its 250 pt";
}

// The session pages' pictures are encoded ahead, on both cores; each is found again by the
// picture and the width it is drawn at, and only so.
TEST(PdfPage, PicturesEncodedAheadAreFoundByPictureAndWidth) {
  Image front(320, 240), back(320, 240);
  for (std::size_t i = 0; i < front.rgba.size(); ++i) front.rgba[i] = std::uint8_t(i * 7), back.rgba[i] = 200;
  pdf::PictureEncodings ready;
  ready.encode({{&front, 40.0}, {&back, 40.0}, {&front, 20.0}});
  const auto jpeg = ready.find(front, 40.0);
  ASSERT_TRUE(jpeg);
  ASSERT_GT(jpeg->size(), 2u);
  EXPECT_EQ((*jpeg)[0], 0xFF);
  EXPECT_EQ((*jpeg)[1], 0xD8) << "a JPEG";
  EXPECT_NE(ready.find(back, 40.0), jpeg);
  EXPECT_NE(ready.find(front, 20.0), jpeg) << "drawn smaller, it is embedded smaller";
  EXPECT_FALSE(ready.find(front, 60.0));
  const Image other(320, 240);
  EXPECT_FALSE(ready.find(other, 40.0));
}

}  // namespace
}  // namespace smp
