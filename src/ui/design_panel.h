#pragma once
// The Design panel: hairline, density per zone, sessions and patient, the live warnings, presets
// and the design file. It edits the Design in place; what needs the app (files) comes back as a
// request.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "design/clinic_settings.h"
#include "design/design.h"
#include "design/quote.h"

namespace smp {

// The brush: what a left drag on the head paints while it is not Off.
enum class PaintMode { Off, Add, Remove, Scar };
struct PaintTool {
  PaintMode mode = PaintMode::Off;
  float radius_mm = 10.0f;
  float strength_per_cm2 = 25.0f;  // added or removed by a stroke at its centre
};

struct DesignPanelState {
  PaintTool paint;
  std::string path = "designs/untitled.json";  // the design file: typed, or set by Open/Save
  std::vector<std::filesystem::path> presets;  // bundled and saved ones, listed by the app
  int preset = 0;
  std::string message;                         // the last file action's result, or its error
  bool message_is_error = false;
  ClinicSettings clinic;                       // the price list and pace, edited in the Quote section
  bool clinic_dirty = false;                   // changed since read or kept
};

// What the panel shows beside the controls, computed by the app from the design.
struct DesignPanelInfo {
  std::vector<std::size_t> session_dots;                  // new dots per session
  std::array<std::size_t, kZoneCount> zone_dots{};        // all sessions, per zone
  std::array<double, kZoneCount> zone_area_cm2{};
  std::vector<std::string> warnings;
  std::vector<double> session_minutes;                    // at the chair, at the clinic's pace
  double dots_per_minute = 60.0;
  TreatedArea area;                                       // measured on the head
  std::optional<Quote> quote;                             // none until the dots are ready
  bool dirty = false;                                     // unsaved changes
  bool can_undo = false, can_redo = false;
};

struct DesignPanelRequest {
  bool save = false, open = false, apply_preset = false, save_preset = false, new_design = false, undo = false, redo = false;
  bool export_guide = false;  // show the Export panel
  bool save_settings = false;  // keep the clinic's settings (state.clinic) on disk
  float covered_width = 0.0f;  // px of the window's right side the panel covers
};

DesignPanelRequest draw_design_panel(Design& design, DesignPanelState& state, const DesignPanelInfo& info);

}  // namespace smp
