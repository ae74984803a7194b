#pragma once
// The intake's screening: the reasons a patient comes for SMP, and the conditions and medication
// that argue against treatment or need a doctor first. Each flagged answer says why it matters; the
// design can still be made, but the guide carries the flags.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "design/design.h"

namespace smp {

struct IntakeChoice {
  std::string_view key;    // as stored in the design file
  std::string_view label;  // as the form shows it
};

// Why the patient came (any number).
std::span<const IntakeChoice> intake_reasons();

enum class FlagLevel { Caution, SeeDoctorFirst, DoNotTreat };
std::string_view flag_level_words(FlagLevel level);  // "caution", "see a doctor first", "do not treat now"

struct ConditionInfo {
  IntakeChoice choice;
  FlagLevel level;
  std::string_view why;  // one sentence for the practitioner and the patient
};

// Conditions, medication and recent events the clinic asks about.
std::span<const ConditionInfo> intake_conditions();

struct ScreeningFlag {
  std::string key;    // the condition's key, or "age", "scar_work"
  FlagLevel level;
  std::string title;  // "Anticoagulants (warfarin, aspirin, ibuprofen)"
  std::string why;
};

// Every flag the intake raises, the most serious first. Unknown keys (from a newer program) are
// flagged as such rather than dropped.
std::vector<ScreeningFlag> screen_intake(const IntakeDesign& intake);

}  // namespace smp
