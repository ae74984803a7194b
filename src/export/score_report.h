#pragma once
// A one-page PDF for a trainee's attempt at a training case: the score, the faults with their
// reasons, the two hairlines (reference and trainee) on the scalp map and on the head, and every
// score against its tolerance.
#include <filesystem>
#include <string>
#include <vector>

#include "core/image.h"
#include "design/design_score.h"
#include "export/guide_pdf.h"

namespace smp {

struct ScoreReport {
  std::string case_name, pattern, brief;  // the case and the patient as the trainee read them
  std::string trainee;                    // whose attempt: the file, or the trainee's name
  std::string date;                       // YYYY-MM-DD
  DesignScore score;
  GuideMap map;                           // the scalp laid flat, its `hairline` the reference's
  std::vector<glm::dvec2> trainee_hairline;  // map mm
  Image front;                            // the head from the front with both hairlines; empty: none
};

// The reference's hairline is drawn green, the trainee's orange, on the map and in `front`.
inline constexpr float kReferenceLine[3] = {0.1f, 0.65f, 0.25f};
inline constexpr float kTraineeLine[3] = {0.95f, 0.5f, 0.1f};

// Throws std::runtime_error naming the file when Cairo cannot write it.
void write_score_report(const std::filesystem::path& path, const ScoreReport& report);

}  // namespace smp
