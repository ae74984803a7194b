#pragma once
// The "Training" panel: pick a case, read the patient's brief, design from a blank start, submit
// (Ctrl+Enter) and see the score with the reference's hairline beside one's own on the head; a
// trainee's attempts at the case as a small chart. Trainers save the design on show as a new case.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "design/design_score.h"

namespace smp {

struct TrainingPanelState {
  std::vector<std::string> case_names;  // the cases' own names, as listed (bundled, then the trainer's own)
  int selected = -1;
  std::string brief;                    // the selected case's patient, as the trainee reads it
  bool exercising = false;              // a blank start was made for the selected case
  std::optional<DesignScore> result;    // of the last submission
  bool show_reference = true;           // its hairline beside the trainee's, after a submission
  std::string trainee = "Trainee";      // whose attempts are logged and charted
  std::vector<float> attempts;          // this trainee's totals at this case, oldest first
  std::uintptr_t map_texture = 0;       // the last submission's scalp map (a GL texture name), 0: none
  glm::ivec2 map_size{0};               // px
  // A new case from the design on show (trainers).
  std::string new_name, new_pattern, new_wishes;
  int new_age = 40;
  ScoreTolerances new_tolerances;
  std::string message;
  bool message_is_error = false;
};

struct TrainingPanelRequest {
  bool select = false;          // `selected` changed: load the case and its attempts
  bool start = false;           // replace the design with a blank start for the case
  bool submit = false;
  bool save_reference = false;  // the design on show becomes a case
  bool show_reference_changed = false;
  bool trainee_changed = false;
};

TrainingPanelRequest draw_training_panel(TrainingPanelState& state);

}  // namespace smp
