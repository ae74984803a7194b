#pragma once
// The window's side of the Export panel: starts a GuideExport from the panel's choices, runs one
// step of it per frame (the panel shows the progress between steps), cancels it, and opens the
// finished guide's folder in the desktop's file manager.
#include <memory>
#include <string>
#include <vector>

#include "app/guide_export.h"
#include "ui/export_panel.h"

namespace smp {

class ExportRunner {
 public:
  // `head`: the prepared head the guide is drawn on, or null while it is not ready.
  void handle(const ExportPanelRequest& request, ExportPanelState& panel, const Design& design, const GuideHead* head,
              const ClinicSettings& clinic);
  void step(ExportPanelState& panel);  // call once per frame, with the window's GL context current
  // Stops an export under way (nothing of it is left); `why` goes to the panel.
  void cancel(ExportPanelState& panel, const std::string& why);
  bool running() const { return job_ != nullptr; }

 private:
  std::unique_ptr<GuideExport> job_;
  std::vector<int> openers_;  // xdg-open processes, reaped when they end
};

}  // namespace smp
