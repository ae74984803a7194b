#pragma once
// The design being edited, as a document: its file and unsaved changes, presets, the recovery file
// written every 30 s, and the two questions the window may ask (recover after a crash? save before
// closing?). Undo lives with the window, which interleaves design steps with landmark drags.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "design/design.h"
#include "head/landmarks.h"
#include "ui/design_panel.h"

namespace smp {

// The head a design is being made on, as a saved design records it.
struct DesignHead {
  std::string file;                   // absolute; empty: the bundled head
  std::optional<Landmarks> landmarks;
};

class DesignDocument {
 public:
  // A recovery file left by a run that did not close cleanly is offered (draw_questions).
  DesignDocument(const std::optional<std::filesystem::path>& path, const std::optional<Design>& opened);

  Design design;
  DesignPanelState panel;

  bool dirty() const { return design != saved_; }
  bool save(const DesignHead& head);
  // Reads the file named in the panel; false (with the reason shown) leaves the design as it was.
  bool open(const DesignHead& head);
  void apply_preset();
  void save_as_preset();
  void start_new();
  // Writes the recovery file when 30 s have passed and the design changed since.
  void autosave();
  // A clean exit: nothing to recover.
  void remove_recovery();
  // The recover and unsaved-changes questions, when due (ImGui). True: the window may close now.
  // Enter (`accept_key`) recovers, Esc (`decline_key`) discards, besides the buttons.
  bool draw_questions(const DesignHead& head, bool accept_key, bool decline_key);
  void ask_before_closing() { ask_before_closing_ = true; }
  bool closing_confirmed() const { return closing_confirmed_; }
  std::string title() const;
  // The panel's message line: the last action's result, or its error.
  void report(const std::string& message, bool error);

 private:

  Design saved_, autosaved_;
  std::optional<Design> recovered_;
  bool ask_before_closing_ = false, closing_confirmed_ = false;
  std::chrono::steady_clock::time_point last_autosave_ = std::chrono::steady_clock::now();
};

}  // namespace smp
