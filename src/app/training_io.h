#pragma once
// Training cases on disk (assets/cases and the trainer's own), and scoring a trainee's design on
// the head the case is set on.
#include <filesystem>
#include <vector>

#include "app/design_dots.h"
#include "design/training_case.h"

namespace smp {

// A case file, or a plain design file taken as a case (its design the reference, default
// tolerances). Throws InputError "FILE: field: problem (and N more)".
TrainingCase read_case_file(const std::filesystem::path& path);
// Atomically; throws std::runtime_error naming the file when it cannot be written.
void write_case_file(const std::filesystem::path& path, const TrainingCase& training_case);

// The bundled cases, then the trainer's ($XDG_DATA_HOME/smp-studio/cases), each sorted by name.
std::vector<std::filesystem::path> list_cases();
std::filesystem::path user_cases_dir();

// `trainee` scored against the case on the head `designed` was made for, with the dots' spread.
DesignScore score_on_head(DesignDots& designed, const TrainingCase& training_case, const Design& trainee);

}  // namespace smp
