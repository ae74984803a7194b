#pragma once
// The window's side of the Training panel: the case library, a blank start, scoring a submission
// on the head on show, the attempts log, and saving the design on show as a new case.
#include <filesystem>
#include <optional>
#include <utility>
#include <vector>

#include "app/design_document.h"
#include "app/design_dots.h"
#include "app/guide_export.h"
#include "core/image.h"
#include "design/training_case.h"
#include "render/marker_pass.h"
#include "ui/training_panel.h"

namespace smp {

// The trainees' attempts, one row each (when, trainee, case, total, faults), beside the user's
// cases: $XDG_DATA_HOME/smp-studio/attempts.csv.
std::filesystem::path attempts_log_path();
// Appends a row (the file is rewritten atomically); throws std::runtime_error naming the file.
void log_attempt(const std::filesystem::path& log, const std::string& trainee, const std::string& case_name, const DesignScore& score);
// That trainee's totals at that case, oldest first.
std::vector<float> attempts_of(const std::filesystem::path& log, const std::string& trainee, const std::string& case_name);

class TrainingRunner {
 public:
  explicit TrainingRunner(TrainingPanelState& panel);  // lists the cases into the panel
  // The case in `path` selected, and a blank design started for it (the window's --case).
  void open(const std::filesystem::path& path, TrainingPanelState& panel, DesignDocument& document);
  // Carries out what the panel asked. `head` is null while the head's dots are being prepared.
  void handle(const TrainingPanelRequest& request, TrainingPanelState& panel, DesignDocument& document, const GuideHead* head);
  // The scalp map of the last submission (both hairlines), once, for the window to show.
  std::optional<Image> take_map() { return std::exchange(map_, std::nullopt); }
  // The reference's hairline to draw beside the trainee's after a submission, else nothing.
  std::vector<Marker> reference_beads(const TrainingPanelState& panel, const DesignDots& designed) const;

 private:
  void select(const std::filesystem::path& path, TrainingPanelState& panel);
  void list(TrainingPanelState& panel);
  std::vector<std::filesystem::path> cases_;
  std::optional<TrainingCase> case_;
  std::optional<Image> map_;
};

// The front half of the scalp laid flat (forehead up), the reference's hairline green, the trainee's orange.
Image hairlines_map(const GuideHead& head, const Design& reference, const Design& trainee);

}  // namespace smp
