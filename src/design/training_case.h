#pragma once
// A training case: a patient's brief for the trainee, the trainer's reference design and how far a
// trainee's design may stray from it (assets/cases/*.case.json). Read like a design file: every
// problem named, and a file with any problem gives no case.
#include <optional>
#include <string>
#include <vector>

#include "design/design.h"
#include "design/design_score.h"

namespace smp {

struct TrainingCase {
  std::string name;     // "Norwood III: temple recession"
  std::string pattern;  // the loss pattern or condition: "Norwood III", "FUT strip scar"
  int age = 35;         // the patient's, years
  std::string wishes;   // what the patient asks for, in their words
  Design reference;     // carries the patient's skin (Fitzpatrick type)
  ScoreTolerances tolerances;
};

std::string case_to_json(const TrainingCase& training_case);

struct CaseReadResult {
  std::optional<TrainingCase> training_case;
  std::vector<std::string> errors;  // one line each: "field: problem"
};

CaseReadResult case_from_json(const std::string& text);

}  // namespace smp
