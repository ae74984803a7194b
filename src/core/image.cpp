#include "core/image.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace smp {

void flip_rows(Image& image) {
  const std::size_t row = static_cast<std::size_t>(image.width) * 4;
  for (int y = 0; y < image.height / 2; ++y) {
    auto top = image.rgba.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * row);
    auto bottom = image.rgba.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(image.height - 1 - y) * row);
    std::swap_ranges(top, top + static_cast<std::ptrdiff_t>(row), bottom);
  }
}

void flip_columns(Image& image) {
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width / 2; ++x) {
      std::uint8_t* a = &image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4];
      std::uint8_t* b = &image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(image.width - 1 - x)) * 4];
      std::swap_ranges(a, a + 4, b);
    }
}

Image split_images(const Image& left, const Image& right, int split_x) {
  Image out = right;
  for (int y = 0; y < out.height && y < left.height; ++y)
    std::copy_n(left.pixel(0, y), std::size_t(std::clamp(split_x, 0, out.width)) * 4, &out.rgba[std::size_t(y) * std::size_t(out.width) * 4]);
  return out;
}

ImageDifference compare_images(const Image& a, const Image& b, int threshold) {
  ImageDifference d;
  d.same_size = a.width == b.width && a.height == b.height && !a.empty();
  if (!d.same_size) return d;
  const std::size_t pixels = static_cast<std::size_t>(a.width) * static_cast<std::size_t>(a.height);
  double sum = 0;
  std::size_t over = 0;
  for (std::size_t i = 0; i < pixels; ++i) {
    int pixel_max = 0;
    for (std::size_t c = 0; c < 3; ++c) {
      const int diff = std::abs(int(a.rgba[i * 4 + c]) - int(b.rgba[i * 4 + c]));
      pixel_max = std::max(pixel_max, diff);
      sum += diff;
    }
    d.max_channel_diff = std::max(d.max_channel_diff, pixel_max);
    if (pixel_max > threshold) ++over;
  }
  d.mean_channel_diff = sum / double(pixels * 3);
  d.fraction_over = double(over) / double(pixels);
  return d;
}

namespace {
bool halves_further(glm::ivec2 size, int max_width) { return size.x > max_width && size.x >= 2 && size.y >= 2; }

Image halved(const Image& image) {
  Image half(image.width / 2, image.height / 2);
  for (int y = 0; y < half.height; ++y)
    for (int x = 0; x < half.width; ++x) {
      std::uint8_t* to = &half.rgba[(std::size_t(y) * std::size_t(half.width) + std::size_t(x)) * 4];
      const std::uint8_t *a = image.pixel(2 * x, 2 * y), *b = image.pixel(2 * x + 1, 2 * y);
      const std::uint8_t *c = image.pixel(2 * x, 2 * y + 1), *d = image.pixel(2 * x + 1, 2 * y + 1);
      for (int k = 0; k < 4; ++k) to[k] = std::uint8_t((a[k] + b[k] + c[k] + d[k] + 2) / 4);
    }
  return half;
}
}  // namespace

Image shrink_to_width(const Image& image, int max_width) {
  if (!halves_further({image.width, image.height}, max_width)) return image;
  Image out = halved(image);  // straight from the original: a full-size copy first cost as much again
  while (halves_further({out.width, out.height}, max_width)) out = halved(out);
  return out;
}

glm::ivec2 shrunk_size(const Image& image, int max_width) {
  glm::ivec2 size(image.width, image.height);
  while (halves_further(size, max_width)) size /= 2;
  return size;
}

double luminance_stddev(const Image& image) {
  const std::size_t pixels = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
  if (pixels == 0) return 0;
  double sum = 0, sum_sq = 0;
  for (std::size_t i = 0; i < pixels; ++i) {
    const double y = 0.2126 * image.rgba[i * 4] + 0.7152 * image.rgba[i * 4 + 1] + 0.0722 * image.rgba[i * 4 + 2];
    sum += y;
    sum_sq += y * y;
  }
  const double mean = sum / double(pixels);
  return std::sqrt(std::max(0.0, sum_sq / double(pixels) - mean * mean));
}

}  // namespace smp

namespace smp {

Image tile_images(const std::vector<Image>& images, int columns, int caption_px) {
  if (images.empty() || columns <= 0) return {};
  const int w = images.front().width, h = images.front().height, cell_h = h + std::max(caption_px, 0);
  const int count = static_cast<int>(images.size());
  const int rows = (count + columns - 1) / columns;
  const int cols = std::min(columns, count);
  Image sheet(w * cols, cell_h * rows);
  // Fill with the first image's left column, row by row: a gradient backdrop carries on.
  const std::uint8_t* band = images.front().pixel(0, h - 1);
  for (int y = 0; y < sheet.height; ++y) {
    const std::uint8_t* fill = (y % cell_h) < h ? images.front().pixel(0, y % cell_h) : band;
    for (int x = 0; x < sheet.width; ++x)
      std::copy(fill, fill + 4, sheet.rgba.begin() + (static_cast<std::ptrdiff_t>(y) * sheet.width + x) * 4);
  }
  for (int i = 0; i < count; ++i) {
    const Image& tile = images[static_cast<std::size_t>(i)];
    if (tile.width != w || tile.height != h) continue;
    const int x0 = (i % cols) * w, y0 = (i / cols) * cell_h;
    for (int y = 0; y < h; ++y) {
      const std::uint8_t* src = tile.pixel(0, y);
      std::copy(src, src + static_cast<std::ptrdiff_t>(w) * 4,
                sheet.rgba.begin() + (static_cast<std::ptrdiff_t>(y0 + y) * sheet.width + x0) * 4);
    }
  }
  return sheet;
}

}  // namespace smp
