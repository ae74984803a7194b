#include "export/consultation_pdf.h"

#include <cstdio>

#include "design/screening.h"
#include "export/pdf_blocks.h"
#include "export/pdf_page.h"

namespace smp {
namespace {

using pdf::format;

std::string joined_reasons(const IntakeDesign& intake) {
  std::string text;
  for (const std::string& key : intake.reasons) {
    std::string label = key;
    for (const IntakeChoice& choice : intake_reasons())
      if (choice.key == key) label = std::string(choice.label);
    text += (text.empty() ? "" : "; ") + label;
  }
  return text.empty() ? "(not recorded)" : text;
}

}  // namespace

double draw_flags(cairo_t* cr, const std::vector<ScreeningFlag>& flags, double x, double y, double width) {
  if (flags.empty()) {
    pdf::text(cr, x, y, 9.5, "No screening flags: nothing in the intake argues against treatment.", false, 0.3);
    return y + 14;
  }
  for (const ScreeningFlag& flag : flags) {
    const bool stop = flag.level == FlagLevel::DoNotTreat;
    cairo_set_source_rgb(cr, stop ? 0.8 : 0.9, stop ? 0.15 : 0.55, stop ? 0.1 : 0.1);
    cairo_rectangle(cr, x, y - 8, 4, 10);
    cairo_fill(cr);
    pdf::text(cr, x + 9, y, 9.5, flag.title + "  (" + std::string(flag_level_words(flag.level)) + ")", true);
    y = pdf::paragraph(cr, x + 9, y + 12, width - 9, 8.5, flag.why, 0.3) + 5;
  }
  return y;
}

double draw_quote(cairo_t* cr, const Quote& quote, double x, double y, double width) {
  const double right = x + width;
  for (const QuoteLine& line : quote.lines) {
    pdf::text(cr, x, y, 9.5, line.what);
    pdf::text(cr, x + 0.5 * width, y, 9.5, format("%g ", line.quantity) + line.unit + " x " + money_text(line.unit_price, quote.currency), false, 0.3);
    const std::string amount = money_text(line.amount, quote.currency);
    pdf::text_ending_at(cr, right, y, 9.5, amount);
    y += 13;
  }
  pdf::rule(cr, x, y - 8, right);
  y += 4;
  const std::string total = money_text(quote.total, quote.currency);
  pdf::text(cr, x, y, 10.5, quote.minimum_applied ? "Total (the clinic's minimum fee)" : "Total", true);
  pdf::text_ending_at(cr, right, y, 10.5, total, true);
  return y + 14;
}

void write_consultation_pdf(const std::filesystem::path& path, const ConsultationSummary& s, Paper paper) {
  const Design& d = *s.design;
  const double width = paper == Paper::A4 ? 210.0 * pdf::kPointsPerMm : 8.5 * 72.0, height = paper == Paper::A4 ? 297.0 * pdf::kPointsPerMm : 11.0 * 72.0;
  cairo_surface_t* surface = pdf::open_document(path, width, height, "Consultation: " + d.name);
  cairo_t* cr = cairo_create(surface);
  const double margin = 15.0 * pdf::kPointsPerMm, x = margin, right = width - margin, w = right - x;
  double y = margin + 8;
  pdf::text(cr, x, y, 18, "Consultation record", true);
  pdf::text(cr, right - 170, y - 6, 9, s.clinic_name.empty() ? "Scalp micropigmentation" : s.clinic_name, true, 0.3);
  pdf::text(cr, right - 170, y + 6, 9, "Date: " + s.date, false, 0.3);
  y += 10;
  pdf::rule(cr, x, y, right);
  y += 16;
  const IntakeDesign& intake = d.patient.intake;
  pdf::text(cr, x, y, 10, "Patient: " + (d.patient.id.empty() ? std::string("(no name or ID)") : d.patient.id) +
                              (intake.age_years > 0 ? ", " + std::to_string(intake.age_years) + " years" : ""), true);
  pdf::text_ending_at(cr, right, y, 10, "Design: " + d.name, false, 0.1, 0.45 * w);
  y += 14;
  y = pdf::paragraph(cr, x, y, w, 9, "Came for: " + joined_reasons(intake), 0.2) + 2;
  if (!intake.medication.empty()) y = pdf::paragraph(cr, x, y, w, 9, "Medication: " + intake.medication, 0.2) + 2;
  y = pdf::paragraph(cr, x, y, w, 9, d.patient.use_sampled_skin ? "Skin: sampled colour" : "Skin: Fitzpatrick type " + std::to_string(d.patient.fitzpatrick_type) +
                                                                                        "; remaining hair " + d.patient.hair_colour, 0.2) + 8;
  pdf::text(cr, x, y, 11, "Screening", true);
  y = draw_flags(cr, s.flags, x, y + 15, w) + 4;

  // Before treatment, as photographed: a row of small pictures.
  if (!s.before_photos.empty()) {
    pdf::text(cr, x, y, 11, "Before", true);
    y += 6;
    const double cell_w = w / double(std::max<std::size_t>(s.before_photos.size(), 4)), cell_h = cell_w * 0.8;
    for (std::size_t i = 0; i < s.before_photos.size(); ++i) {
      pdf::picture(cr, s.before_photos[i].second, x + double(i) * cell_w + 2, y, cell_w - 4, cell_h);
      pdf::text(cr, x + double(i) * cell_w + 6, y + cell_h + 9, 7.5, s.before_photos[i].first, false, 0.35);
    }
    y += cell_h + 20;
  }
  // The finished design from a few sides.
  if (!s.views.empty()) {
    const double cell_w = w / double(s.views.size()), cell_h = cell_w * 0.75;
    for (std::size_t i = 0; i < s.views.size(); ++i) {
      pdf::picture(cr, *s.views[i].second, x + double(i) * cell_w + 2, y, cell_w - 4, cell_h);
      pdf::text(cr, x + double(i) * cell_w + 6, y + cell_h + 9, 7.5, s.views[i].first, false, 0.35);
    }
    y += cell_h + 24;
  }

  pdf::text(cr, x, y, 11, "Plan", true);
  y += 14;
  const double columns[] = {x, x + 40, x + 105, x + 170, x + 270, x + 320, x + 370, x + 425};
  const char* heads[] = {"Session", "Date", "Hairline", "Needle", "Angle", "Pigment", "New dots", "Time"};
  for (int c = 0; c < 8; ++c) pdf::text(cr, columns[c], y, 8.5, heads[c], true, 0.3);
  y += 5;
  pdf::rule(cr, x, y, right);
  y += 11;
  for (const PlanRow& row : s.plan) {
    pdf::text(cr, columns[0], y, 9, std::to_string(row.session));
    pdf::text(cr, columns[1], y, 9, row.date.empty() ? "-" : row.date);
    pdf::text(cr, columns[2], y, 9, format("%.0f mm", row.hairline_mm));
    pdf::text(cr, columns[3], y, 9, row.needle);
    pdf::text(cr, columns[4], y, 9, format("%.0f\u00b0", row.angle_deg));
    pdf::text(cr, columns[5], y, 9, format("%.0f%%", row.pigment_percent));
    pdf::text(cr, columns[6], y, 9, std::to_string(row.new_dots));
    pdf::text(cr, columns[7], y, 9, format("%.0f min", row.minutes));
    y += 12;
  }
  y = pdf::paragraph(cr, x, y + 2, w, 7.5, format("Hairline: height above the glabella along the skin, each session's own. Times at %.0f dots a minute.", s.dots_per_minute), 0.4) + 8;

  pdf::text(cr, x, y, 11, "Quote", true);
  y += 8;
  y = pdf::paragraph(cr, x, y + 6, w, 8, format("Measured on the head: %.1f cm\u00b2 of scalp treated", s.area.treated_cm2) +
                                             (s.area.scar_cm2 > 0 ? format(", of which %.1f cm\u00b2 scar tissue.", s.area.scar_cm2) : std::string(".")), 0.35) + 6;
  y = draw_quote(cr, s.quote, x, y + 4, w) + 10;

  y = std::max(y, height - margin - 70);
  y = pdf::paragraph(cr, x, y, w, 8.5, "I have been told what SMP is, what this plan involves and what it costs, and I have the pre-care and "
                                       "aftercare instructions. I have answered the screening questions truthfully.", 0.2) + 30;
  struct Signature {
    const char* who;
    double from, to;  // shares of the width
  };
  for (const Signature& line : {Signature{"Patient", 0.0, 0.34}, Signature{"Practitioner", 0.38, 0.72}, Signature{"Date", 0.76, 1.0}}) {
    pdf::rule(cr, x + line.from * w, y, x + line.to * w);
    pdf::text(cr, x + line.from * w, y + 11, 8, line.who, false, 0.4);
  }
  cairo_show_page(cr);
  pdf::close_document(path, surface, cr);
}

}  // namespace smp
