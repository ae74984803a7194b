#pragma once
// Drawing on an Image without a GPU: filled triangles with colours per corner, lines and dots,
// anti-aliased by coverage. For maps and guides that must look the same on every machine.
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "core/image.h"

namespace smp {

void fill_image(Image& image, glm::vec3 colour_srgb);
// Corners in pixels (y down); colours sRGB 0..1, interpolated across the triangle.
void fill_triangle(Image& image, const glm::vec2 p[3], const glm::vec3 colour[3]);
void draw_line(Image& image, glm::vec2 a, glm::vec2 b, float width_px, glm::vec3 colour, float opacity = 1.0f);
void draw_dot(Image& image, glm::vec2 centre, float radius_px, glm::vec3 colour, float opacity = 1.0f);

}  // namespace smp
