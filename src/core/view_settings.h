#pragma once
// How the head is shown (not part of the design): skin tone, lights and background.
// Colours are sRGB 0..1 as the user picks them; angles in degrees.
#include <glm/vec3.hpp>

#include "core/skin_tone.h"

namespace smp {

struct ViewSettings {
  int fitzpatrick_type = 2;                 // 1..6
  bool use_custom_skin = false;
  glm::vec3 custom_skin_srgb{0.85f, 0.68f, 0.58f};

  float key_light_intensity = 1.0f;         // x the default studio key light
  float key_light_azimuth_deg = -35.0f;     // left of the camera, seen from the camera
  float key_light_elevation_deg = 35.0f;    // above the camera
  float fill_light_intensity = 0.30f;
  float ambient_intensity = 0.22f;
  float rim_light_intensity = 0.45f;        // from behind: separates the head from the background

  bool show_landmarks = false;              // markers on the anatomical landmarks
  bool show_zones = false;                  // the scalp zones tinted over the skin
  bool show_dots = true;
  float dot_density_per_cm2 = 90.0f;        // over the whole scalp, until designs set it per zone
  float dot_diameter_mm = 0.4f;             // on the skin
  float pigment_strength = 0.8f;            // 0..1: how dark a healed dot is (1: undiluted carbon black)
  int dot_session_first = 0;                // sessions drawn: first..last (0-based)
  int dot_session_last = 2;
  bool colour_sessions = false;             // tint dots by session instead of pigment
  int msaa_samples = 4;                     // anti-aliasing of the window: 0 (off), 2, 4 or 8

  glm::vec3 background_top_srgb{0.36f, 0.39f, 0.43f};
  glm::vec3 background_bottom_srgb{0.13f, 0.14f, 0.16f};

  glm::vec3 skin_linear() const {
    return use_custom_skin ? srgb_to_linear(custom_skin_srgb) : fitzpatrick_skin_linear(fitzpatrick_type);
  }
};

}  // namespace smp
