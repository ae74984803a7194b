#include "io/image_label.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <vector>

#include <stb/stb_truetype.h>

#include "core/ui_font.h"

namespace smp {
namespace {

// The font file, read once; empty when it is missing or unreadable.
const std::vector<unsigned char>& font_bytes() {
  static const std::vector<unsigned char> bytes = [] {
    std::ifstream in(kUiFontPath, std::ios::binary);
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {});
  }();
  return bytes;
}

}  // namespace

float label_width(std::string_view text, float height_px) {
  const auto& bytes = font_bytes();
  stbtt_fontinfo font;
  if (bytes.empty() || !stbtt_InitFont(&font, bytes.data(), stbtt_GetFontOffsetForIndex(bytes.data(), 0))) return 0.0f;
  const float scale = stbtt_ScaleForPixelHeight(&font, height_px);
  float width = 0;
  for (char c : text) {
    int advance = 0, bearing = 0;
    stbtt_GetCodepointHMetrics(&font, c, &advance, &bearing);
    width += float(advance) * scale;
  }
  return width;
}

bool draw_label(Image& image, std::string_view text, int centre_x, int baseline_y, float height_px, glm::vec3 colour) {
  const auto& bytes = font_bytes();
  stbtt_fontinfo font;
  if (bytes.empty() || !stbtt_InitFont(&font, bytes.data(), stbtt_GetFontOffsetForIndex(bytes.data(), 0))) return false;
  const float scale = stbtt_ScaleForPixelHeight(&font, height_px);
  float pen_x = float(centre_x) - 0.5f * label_width(text, height_px);
  std::vector<unsigned char> glyph;
  for (char c : text) {
    int x0, y0, x1, y1, advance, bearing;
    stbtt_GetCodepointBitmapBox(&font, c, scale, scale, &x0, &y0, &x1, &y1);
    stbtt_GetCodepointHMetrics(&font, c, &advance, &bearing);
    const int w = x1 - x0, h = y1 - y0;
    if (w > 0 && h > 0) {
      glyph.assign(static_cast<std::size_t>(w * h), 0);
      stbtt_MakeCodepointBitmap(&font, glyph.data(), w, h, w, scale, scale, c);
      const int left = int(pen_x + 0.5f) + x0, top = baseline_y + y0;
      for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
          const int px = left + x, py = top + y;
          if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
          const float coverage = glyph[static_cast<std::size_t>(y * w + x)] / 255.0f;
          std::uint8_t* dst = &image.rgba[(static_cast<std::size_t>(py) * static_cast<std::size_t>(image.width) + static_cast<std::size_t>(px)) * 4];
          for (int k = 0; k < 3; ++k)
            dst[k] = static_cast<std::uint8_t>(std::clamp(dst[k] + coverage * (colour[k] * 255.0f - dst[k]), 0.0f, 255.0f));
        }
    }
    pen_x += float(advance) * scale;
  }
  return true;
}

}  // namespace smp
