#pragma once
// The patient's care sheets as a printable PDF: before the first session, then after each
// session, one page each, with the clinic's name and the planned dates.
#include <filesystem>
#include <string>
#include <vector>

#include "design/care_instructions.h"
#include "export/guide_pdf.h"

namespace smp {

struct CareSheetsContents {
  std::string clinic_name;
  std::string patient;                 // name or ID; empty: none printed
  std::vector<CareSheet> sheets;
  std::vector<std::string> dates;      // per sheet, or empty: the date line is left out
};

// The pre-care sheet and one aftercare sheet per session of `design`, dated when it has dates.
CareSheetsContents care_sheets_for(const Design& design, const std::string& clinic_name);

// Throws std::runtime_error naming the file when it cannot be written.
void write_care_sheets_pdf(const std::filesystem::path& path, const CareSheetsContents& contents, Paper paper);

}  // namespace smp
