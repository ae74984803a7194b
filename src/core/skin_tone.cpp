#include "core/skin_tone.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace smp {
namespace {

// sRGB 0..255, chosen from dermatology colour charts for each type (scalp, slightly paler than face).
constexpr std::array<std::array<float, 3>, kFitzpatrickTypes> kSkinSrgb{{
    {240, 206, 184},  // I
    {229, 184, 152},  // II
    {205, 154, 118},  // III
    {166, 115, 80},   // IV
    {122, 80, 54},    // V
    {74, 50, 38},     // VI
}};
constexpr std::array<std::string_view, kFitzpatrickTypes> kLabels{"I", "II", "III", "IV", "V", "VI"};

float channel_to_linear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }
float channel_to_srgb(float c) {
  c = std::clamp(c, 0.0f, 1.0f);
  return c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}

}  // namespace

glm::vec3 fitzpatrick_skin_linear(int type) {
  const auto& c = kSkinSrgb[static_cast<std::size_t>(std::clamp(type, 1, kFitzpatrickTypes) - 1)];
  return srgb_to_linear(glm::vec3(c[0], c[1], c[2]) / 255.0f);
}

std::string_view fitzpatrick_label(int type) {
  return kLabels[static_cast<std::size_t>(std::clamp(type, 1, kFitzpatrickTypes) - 1)];
}

glm::vec3 srgb_to_linear(glm::vec3 s) { return {channel_to_linear(s.r), channel_to_linear(s.g), channel_to_linear(s.b)}; }
glm::vec3 linear_to_srgb(glm::vec3 l) { return {channel_to_srgb(l.r), channel_to_srgb(l.g), channel_to_srgb(l.b)}; }

}  // namespace smp
