#pragma once
// The "Patient" panel: a tape-measured patient's head figures (cm), to stretch the head to them.
#include <optional>
#include <string>

#include "head/proportions_fit.h"

namespace smp {

struct PatientPanelState {
  float circumference_cm = 57.0f;
  float ear_to_ear_cm = 34.0f;
  float glabella_to_inion_cm = 35.0f;
  std::string result;  // what the last fit reached, or why it failed
};

struct PatientPanelRequest {
  std::optional<TapeMeasurements> fit;  // "Fit head" was pressed
  bool reset = false;                   // "Original head" was pressed
};

PatientPanelRequest draw_patient_panel(PatientPanelState& state, bool fitted);

}  // namespace smp
