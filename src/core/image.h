#pragma once
// An 8-bit RGBA image, rows top to bottom: what the renderer captures and the exporters write.
#include <cstdint>
#include <vector>

#include <glm/vec2.hpp>

namespace smp {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes

  Image() = default;
  Image(int w, int h) : width(w), height(h), rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4, 0) {}
  bool empty() const { return width <= 0 || height <= 0; }
  const std::uint8_t* pixel(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4]; }
};

// GL reads rows bottom to top; images are stored top to bottom.
void flip_rows(Image& image);
// Left to right: what a mirror shows.
void flip_columns(Image& image);
// `left` up to column `split_x`, `right` from there on (same sizes): a before/after split.
Image split_images(const Image& left, const Image& right, int split_x);

struct ImageDifference {
  bool same_size = false;
  int max_channel_diff = 0;     // largest |a - b| over all RGB channels, 0..255
  double mean_channel_diff = 0; // mean |a - b| over all RGB channels, 0..255
  double fraction_over = 0;     // fraction of pixels whose largest channel diff exceeds `threshold`
};

ImageDifference compare_images(const Image& a, const Image& b, int threshold = 16);

// Halved in each direction (2x2 box average) until it is no larger than `max_width` wide: a
// picture made for print, shrunk to what a page embeds at its printed size.
Image shrink_to_width(const Image& image, int max_width);
// The size shrink_to_width(image, max_width) would have.
glm::ivec2 shrunk_size(const Image& image, int max_width);

// Standard deviation of luminance: near zero for a blank (single-colour) picture.
double luminance_stddev(const Image& image);

}  // namespace smp

namespace smp {

// Lays equally sized images out left to right, top to bottom, `columns` per row, each with a band
// `caption_px` tall below it for a caption. Empty cells take the first image's left column, caption
// bands its bottom-left colour, so both continue the image's backdrop.
Image tile_images(const std::vector<Image>& images, int columns, int caption_px = 0);

}  // namespace smp
