#pragma once
// The "View" panel: how the head is shown (skin tone, lights, backdrop), camera shortcuts and
// frame statistics. Edits ViewSettings only; no GL.
#include <cstddef>
#include <optional>
#include <string>

#include <glm/vec2.hpp>

#include "core/camera.h"
#include "core/view_settings.h"

namespace smp {

struct FrameStats {
  float frame_ms = 0.0f;        // smoothed CPU+GPU time of one frame
  std::size_t triangles = 0;
  std::size_t vertices = 0;
  glm::ivec2 framebuffer{0};    // px
  float content_scale = 1.0f;
  std::string gl_renderer;
  std::string head_note;        // where the head came from and which units were assumed
  std::string landmarks_note;   // where the landmarks came from, or why there are none
  std::string saved_note;       // the result of the last "Save landmarks"
  std::string dots_note;        // how many dots are shown, or that they are being prepared
};

// Another design shown beside the one being edited, on the same camera (a patient choosing
// between two hairlines).
struct CompareState {
  std::string path;     // the other design's file, as typed
  std::string message;  // what is shown beside, or why it cannot be
  bool active = false;
};

struct ViewPanelRequest {
  std::optional<View> view;     // a view button was pressed
  bool frame_head = false;      // "Frame" was pressed
  float covered_width = 0.0f;   // how much of the window's left the panel covers (ImGui units)
  int turn_axis = -1;           // 0, 1, 2: turn the head about X, Y or Z...
  float turn_degrees = 0.0f;    // ...by this much (90: a quarter turn, 5: a nudge)
  bool save_landmarks = false;  // "Save landmarks" was pressed
  bool compare_load = false;    // show the design at CompareState::path beside this one
  bool compare_stop = false;
};

// Loads the UI font at `scale` (high-DPI) and sets the program's style. Call once after ImGui::CreateContext.
void setup_imgui_style(float scale);

ViewPanelRequest draw_view_panel(ViewSettings& settings, const FrameStats& stats, CompareState& compare);

}  // namespace smp
