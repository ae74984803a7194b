#pragma once
// How the head is shown (not part of the design): skin tone, lights and background.
// Colours are sRGB 0..1 as the user picks them; angles in degrees.
#include <array>

#include <glm/vec3.hpp>

#include "core/needle.h"
#include "core/pigment_preview.h"
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
  bool show_hairline = true;                // the designed hairline drawn on the skin
  bool show_density = false;                // the planned density as a shadow over the skin (instead of zones)
  bool show_heat = false;                   // the planned density as a heat map in dots/cm2 (over the others)
  bool show_measurements = false;           // the hairline's distances in mm drawn over the head
  bool show_dots = true;
  float dot_density_per_cm2 = 90.0f;        // over the whole scalp, until designs set it per zone
  // Each session's needle sets its dots' size (DOMAIN: a single needle for the first, finer layer).
  std::array<Needle, 3> session_needle{Needle::Single025, Needle::Triple020, Needle::Triple020};
  float pigment_strength = 1.0f;            // x each dot's own shade (designs set it from their dilution)
  int dot_session_first = 0;                // sessions drawn: first..last (0-based)
  int dot_session_last = 2;
  bool colour_sessions = false;             // tint dots by session instead of pigment
  PreviewSettings preview;                  // fresh, healed (default) or years later
  bool split_before_after = false;          // the bare scalp left of split_at, the design right of it
  float split_at = 0.5f;                    // share of the window's width
  bool mirror = false;                      // left and right swapped, as in a mirror
  float map_dot_px = 4.0f;                  // with colour_sessions: the smallest a dot is drawn, px
  int msaa_samples = 4;                     // anti-aliasing of the window: 0 (off), 2, 4 or 8

  glm::vec3 background_top_srgb{0.36f, 0.39f, 0.43f};
  glm::vec3 background_bottom_srgb{0.13f, 0.14f, 0.16f};

  // The fresh dot each session's needle leaves, mm.
  std::array<float, 3> session_dot_mm() const {
    return {fresh_dot_mm(session_needle[0]), fresh_dot_mm(session_needle[1]), fresh_dot_mm(session_needle[2])};
  }

  glm::vec3 skin_linear() const {
    return use_custom_skin ? srgb_to_linear(custom_skin_srgb) : fitzpatrick_skin_linear(fitzpatrick_type);
  }
};

}  // namespace smp
