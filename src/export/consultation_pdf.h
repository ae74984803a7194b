#pragma once
// The one-page consultation record: who the patient is and why they came, the screening flags,
// the design from three sides, the plan across sessions, the quote, and room for signatures.
#include <filesystem>
#include <string>
#include <vector>

#include "design/quote.h"
#include "design/screening.h"
#include "export/guide_pdf.h"

namespace smp {

struct PlanRow {
  int session = 1;
  std::string date;          // planned, or empty
  double hairline_mm = 0;    // this session's hairline above the glabella along the skin
  std::string needle;        // "3RL 0.20 (0603)"
  double angle_deg = 90;
  double pigment_percent = 0;
  std::size_t new_dots = 0;
  double minutes = 0;        // at the chair, at the clinic's pace
};

struct ConsultationSummary {
  const Design* design = nullptr;
  std::string clinic_name;
  std::string date;                  // of the consultation, YYYY-MM-DD
  std::vector<ScreeningFlag> flags;
  // The finished design, a few sides: caption, picture (the guide's own, not a copy: they are big).
  std::vector<std::pair<std::string, const Image*>> views;
  std::vector<PlanRow> plan;
  TreatedArea area;
  Quote quote;
  double dots_per_minute = 60;
  std::vector<std::pair<std::string, Image>> before_photos;  // view, photo
};

// Throws std::runtime_error naming the file when it cannot be written.
void write_consultation_pdf(const std::filesystem::path& path, const ConsultationSummary& summary, Paper paper);

}  // namespace smp
