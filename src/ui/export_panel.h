#pragma once
// The Export panel: which sessions and formats, paper, the folder, then a progress bar with
// Cancel while the guide is written, and "Open folder" once it is. The app runs the export and
// fills in the progress; the panel only edits the choices and asks.
#include <array>
#include <string>

#include "core/pigment_preview.h"

#include "design/design.h"

namespace smp {

struct ExportPanelState {
  bool open = false;  // shown (Ctrl+E, or Export guide in the Design panel)
  std::array<bool, kMaxSessions> sessions{true, true, true, true, true};
  bool pdf = true, png = true, svg = true, csv = true, json = true;
  bool ics = true, care = true, summary = true;  // schedule, care sheets, consultation record
  int paper = 0;        // 0 A4, 1 US Letter
  PreviewSettings preview;  // each session's preview picture: healed (default), fresh or years later
  bool anonymise = false;   // the patient's name/ID and notes left out of every file
  std::string folder;   // where the guide goes (a new folder, replaced whole if it exists)
  // Filled in by the app:
  bool running = false;
  float progress = 0.0f;  // 0..1
  std::string step;       // what is being done now
  std::string message;    // the last export's result, or its error
  bool message_is_error = false;
  std::string written;    // the last finished guide's folder, for "Open folder"
};

struct ExportPanelRequest {
  bool start = false, cancel = false, open_folder = false;
};

ExportPanelRequest draw_export_panel(ExportPanelState& state, int session_count);

}  // namespace smp
