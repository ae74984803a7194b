#include "export/raster.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace smp {
namespace {

void blend(Image& image, int x, int y, glm::vec3 colour, float alpha) {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height || alpha <= 0.0f) return;
  std::uint8_t* p = &image.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) + static_cast<std::size_t>(x)) * 4];
  for (int k = 0; k < 3; ++k)
    p[k] = static_cast<std::uint8_t>(std::clamp(p[k] + std::min(alpha, 1.0f) * (colour[k] * 255.0f - p[k]), 0.0f, 255.0f));
  p[3] = 255;
}

// Coverage of a pixel by a shape whose signed distance (px, negative inside) is d.
float coverage(float d) { return std::clamp(0.5f - d, 0.0f, 1.0f); }

}  // namespace

void fill_image(Image& image, glm::vec3 c) {
  for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
    image.rgba[i] = static_cast<std::uint8_t>(c.r * 255.0f + 0.5f);
    image.rgba[i + 1] = static_cast<std::uint8_t>(c.g * 255.0f + 0.5f);
    image.rgba[i + 2] = static_cast<std::uint8_t>(c.b * 255.0f + 0.5f);
    image.rgba[i + 3] = 255;
  }
}

void fill_triangle(Image& image, const glm::vec2 p[3], const glm::vec3 colour[3]) {
  const float area = (p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[2].x - p[0].x) * (p[1].y - p[0].y);
  if (std::abs(area) < 1e-9f) return;
  const int x0 = std::max(0, int(std::floor(std::min({p[0].x, p[1].x, p[2].x}))));
  const int x1 = std::min(image.width - 1, int(std::ceil(std::max({p[0].x, p[1].x, p[2].x}))));
  const int y0 = std::max(0, int(std::floor(std::min({p[0].y, p[1].y, p[2].y}))));
  const int y1 = std::min(image.height - 1, int(std::ceil(std::max({p[0].y, p[1].y, p[2].y}))));
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      const glm::vec2 c(float(x) + 0.5f, float(y) + 0.5f);  // pixel centre: shared edges are filled once
      const float w0 = ((p[1].x - c.x) * (p[2].y - c.y) - (p[2].x - c.x) * (p[1].y - c.y)) / area;
      const float w1 = ((p[2].x - c.x) * (p[0].y - c.y) - (p[0].x - c.x) * (p[2].y - c.y)) / area;
      const float w2 = 1.0f - w0 - w1;
      if (w0 < 0 || w1 < 0 || w2 < 0) continue;
      blend(image, x, y, w0 * colour[0] + w1 * colour[1] + w2 * colour[2], 1.0f);
    }
}

void draw_line(Image& image, glm::vec2 a, glm::vec2 b, float width, glm::vec3 colour, float opacity) {
  const float half = 0.5f * width;
  const int x0 = int(std::floor(std::min(a.x, b.x) - half - 1)), x1 = int(std::ceil(std::max(a.x, b.x) + half + 1));
  const int y0 = int(std::floor(std::min(a.y, b.y) - half - 1)), y1 = int(std::ceil(std::max(a.y, b.y) + half + 1));
  const glm::vec2 ab = b - a;
  const float length2 = std::max(glm::dot(ab, ab), 1e-12f);
  for (int y = std::max(0, y0); y <= std::min(image.height - 1, y1); ++y)
    for (int x = std::max(0, x0); x <= std::min(image.width - 1, x1); ++x) {
      const glm::vec2 c(float(x) + 0.5f, float(y) + 0.5f);
      const float t = std::clamp(glm::dot(c - a, ab) / length2, 0.0f, 1.0f);
      blend(image, x, y, colour, opacity * coverage(glm::length(c - (a + t * ab)) - half));
    }
}

void draw_dot(Image& image, glm::vec2 centre, float radius, glm::vec3 colour, float opacity) {
  for (int y = int(centre.y - radius - 1); y <= int(centre.y + radius + 1); ++y)
    for (int x = int(centre.x - radius - 1); x <= int(centre.x + radius + 1); ++x)
      blend(image, x, y, colour, opacity * coverage(glm::length(glm::vec2(float(x) + 0.5f, float(y) + 0.5f) - centre) - radius));
}

}  // namespace smp
