#include "export/care_sheets_pdf.h"

#include "design/session_dates.h"
#include "export/pdf_blocks.h"
#include "export/pdf_page.h"

namespace smp {

CareSheetsContents care_sheets_for(const Design& design, const std::string& clinic_name) {
  CareSheetsContents contents{clinic_name, design.patient.id, {pre_care_sheet()}, {}};
  const int count = int(design.sessions.size());
  for (int k = 1; k <= count; ++k) contents.sheets.push_back(aftercare_sheet(k, count));
  const std::vector<std::string> dates = planned_session_dates(design);
  if (!dates.empty()) {
    contents.dates.push_back("First session: " + dates[0]);
    for (int k = 0; k < count; ++k)
      contents.dates.push_back("Session " + std::to_string(k + 1) + ": " + dates[std::size_t(k)] +
                               (k + 1 < count ? ";  next session: " + dates[std::size_t(k + 1)] : ""));
  }
  return contents;
}

double draw_care_items(cairo_t* cr, const CareSheet& sheet, double x, double y, double width) {
  for (const std::string& item : sheet.items) {
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_set_line_width(cr, 0.8);
    cairo_rectangle(cr, x, y - 8, 8, 8);
    cairo_stroke(cr);
    y = pdf::paragraph(cr, x + 15, y, width - 15, 10, item) + 6;
  }
  return y;
}

void write_care_sheets_pdf(const std::filesystem::path& path, const CareSheetsContents& contents, Paper paper) {
  const double width = paper == Paper::A4 ? 210.0 * pdf::kPointsPerMm : 8.5 * 72.0, height = paper == Paper::A4 ? 297.0 * pdf::kPointsPerMm : 11.0 * 72.0;
  cairo_surface_t* surface = pdf::open_document(path, width, height, "Care sheets");
  cairo_t* cr = cairo_create(surface);
  const double margin = 22.0 * pdf::kPointsPerMm, x = margin, right = width - margin;
  for (std::size_t i = 0; i < contents.sheets.size(); ++i) {
    const CareSheet& sheet = contents.sheets[i];
    double y = margin + 6;
    pdf::text(cr, x, y, 9, contents.clinic_name.empty() ? "Scalp micropigmentation" : contents.clinic_name, false, 0.4);
    if (!contents.patient.empty()) pdf::text_ending_at(cr, right, y, 9, "For: " + contents.patient, false, 0.4, 0.5 * (right - x));
    y += 30;
    pdf::text(cr, x, y, 22, sheet.title, true);
    y += 12;
    pdf::rule(cr, x, y, right);
    y += 24;
    if (i < contents.dates.size()) pdf::text(cr, x, y, 11, contents.dates[i], true), y += 22;
    y = pdf::paragraph(cr, x, y, right - x, 11, sheet.intro, 0.25) + 16;
    draw_care_items(cr, sheet, x, y, right - x);
    pdf::text(cr, x, height - margin, 8, "Questions or worries: call the clinic. Keep this sheet until your last session has healed.", false, 0.45);
    cairo_show_page(cr);
  }
  pdf::close_document(path, surface, cr);
}

}  // namespace smp
