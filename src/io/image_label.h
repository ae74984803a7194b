#pragma once
// Writes a line of text onto an image (labels on rendered sheets), anti-aliased, in the UI font.
#include <string_view>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "core/image.h"

namespace smp {

// Centres `text` (ASCII) horizontally on `centre_x`, with its baseline at `baseline_y`, cap height
// about 0.7 * `height_px`. Returns false, drawing nothing, when the font is not installed.
bool draw_label(Image& image, std::string_view text, int centre_x, int baseline_y, float height_px,
                glm::vec3 colour_srgb = glm::vec3(0.92f));

// Width in pixels that `text` takes at `height_px` (0 when the font is not installed).
float label_width(std::string_view text, float height_px);

}  // namespace smp
