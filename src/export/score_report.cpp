#include "export/score_report.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "export/pdf_page.h"

namespace smp {
namespace {

using pdf::format;

using pdf::kPointsPerMm;

// Lines of at most about `chars` characters, broken at spaces.
std::vector<std::string> wrap(const std::string& text, std::size_t chars) {
  std::vector<std::string> lines(1);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!lines.back().empty() && lines.back().size() + 1 + word.size() > chars) lines.emplace_back();
    lines.back() += (lines.back().empty() ? "" : " ") + word;
    start = end + 1;
  }
  return lines;
}

// The map in the box (x, y, w, h): zones inside the scalp's edge, the edge, landmarks, both lines.
void map_figure(cairo_t* cr, const ScoreReport& report, double x, double y, double w, double h) {
  const GuideMap& map = report.map;
  const glm::dvec2 span = map.high_mm - map.low_mm;
  const double pt_per_mm = std::min(w / span.x, h / span.y);
  const glm::dvec2 origin(x + 0.5 * (w - span.x * pt_per_mm), y);
  auto at = [&](glm::dvec2 mm) { return glm::dvec2(origin.x + (mm.x - map.low_mm.x) * pt_per_mm, origin.y + (map.high_mm.y - mm.y) * pt_per_mm); };
  auto path = [&](const std::vector<glm::dvec2>& points, bool closed) {
    cairo_new_path(cr);
    for (std::size_t i = 0; i < points.size(); ++i) {
      const glm::dvec2 p = at(points[i]);
      i == 0 ? cairo_move_to(cr, p.x, p.y) : cairo_line_to(cr, p.x, p.y);
    }
    if (closed) cairo_close_path(cr);
  };
  cairo_save(cr);
  path(map.scalp_edge, true);
  cairo_clip(cr);
  pdf::picture(cr, map.zones, origin.x, origin.y, span.x * pt_per_mm, span.y * pt_per_mm);
  cairo_restore(cr);
  cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
  cairo_set_line_width(cr, 0.8);
  path(map.scalp_edge, true);
  cairo_stroke(cr);
  for (const auto& [label, mm] : map.landmarks) {
    const glm::dvec2 p = at(mm);
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_arc(cr, p.x, p.y, 1.6, 0, 6.2832);
    cairo_fill(cr);
  }
  cairo_set_line_width(cr, 1.8);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb(cr, kReferenceLine[0], kReferenceLine[1], kReferenceLine[2]);
  path(map.hairline, false);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, kTraineeLine[0], kTraineeLine[1], kTraineeLine[2]);
  path(report.trainee_hairline, false);
  cairo_stroke(cr);
  pdf::text(cr, x, y + h + 10, 7, "Scalp map from above, forehead up, the patient's left on the left.", false, 0.35);
}

}  // namespace

void write_score_report(const std::filesystem::path& path, const ScoreReport& report) {
  const double width = 210.0 * kPointsPerMm, height = 297.0 * kPointsPerMm, margin = 16.0 * kPointsPerMm;
  cairo_surface_t* surface = pdf::open_document(path, width, height, "Training score: " + report.case_name);
  cairo_t* cr = cairo_create(surface);
  const double x = margin, right = width - margin;
  double y = margin + 10;
  pdf::text(cr, x, y, 18, "Training score", true);
  pdf::text_ending_at(cr, right, y, 9, report.date, false, 0.4);
  y += 10;
  pdf::rule(cr, x, y, right);
  y += 16;
  pdf::text(cr, x, y, 11, report.case_name + (report.pattern.empty() ? "" : "  (" + report.pattern + ")"), true);
  y += 13;
  for (const std::string& line : wrap(report.brief, 110)) pdf::text(cr, x, y, 8.5, line, false, 0.3), y += 11;
  pdf::text(cr, x, y, 8.5, "Attempt: " + report.trainee, false, 0.3);
  y += 26;
  const DesignScore& score = report.score;
  pdf::text(cr, x, y, 26, format("%.0f / 100", score.total), true);
  pdf::text(cr, x + 150, y - 8, 10, score.perfect() ? "Matches the reference." : format("%.0f fault(s) flagged", double(score.faults.size())), true, 0.25);
  y += 18;
  for (const ScoreFault& f : score.faults) {
    bool first = true;
    for (const std::string& line : wrap(f.key + ": " + f.reason, 105)) {
      pdf::text(cr, x + (first ? 0 : 10), y, 8.5, line, first);
      first = false;
      y += 11;
    }
    y += 2;
  }
  y += 8;

  // The two hairlines: on the map (left) and on the head from the front (right).
  const double figure_h = 205.0, half = 0.5 * (right - x) - 6;
  map_figure(cr, report, x, y, half, figure_h);
  if (!report.front.empty()) pdf::picture(cr, report.front, x + half + 12, y, half, figure_h);
  const double key_y = y + figure_h + 24;
  cairo_set_line_width(cr, 2.0);
  cairo_set_source_rgb(cr, kReferenceLine[0], kReferenceLine[1], kReferenceLine[2]);
  cairo_move_to(cr, x, key_y - 3);
  cairo_line_to(cr, x + 18, key_y - 3);
  cairo_stroke(cr);
  pdf::text(cr, x + 22, key_y, 8, "reference (the trainer's)", false, 0.25);
  cairo_set_source_rgb(cr, kTraineeLine[0], kTraineeLine[1], kTraineeLine[2]);
  cairo_move_to(cr, x + 150, key_y - 3);
  cairo_line_to(cr, x + 168, key_y - 3);
  cairo_stroke(cr);
  pdf::text(cr, x + 172, key_y, 8, "this attempt", false, 0.25);
  y = key_y + 20;

  // Every score: name, value, tolerance, whether it is within it.
  pdf::text(cr, x, y, 8, "Score", true);
  pdf::text(cr, x + 220, y, 8, "Value", true);
  pdf::text(cr, x + 300, y, 8, "Tolerance", true);
  pdf::text(cr, x + 380, y, 8, "Within", true);
  y += 4;
  pdf::rule(cr, x, y, right);
  y += 10;
  for (const ScoreItem& i : score.items) {
    if (y > height - margin) break;  // one page: the CSV and JSON hold everything
    pdf::text(cr, x, y, 7.5, i.name, false, 0.15);
    pdf::text(cr, x + 220, y, 7.5, format("%.1f ", std::abs(i.value) < 0.05 ? 0.0 : i.value) + i.unit, false, 0.15);
    pdf::text(cr, x + 300, y, 7.5, format("%.1f ", i.tolerance) + i.unit, false, 0.4);
    pdf::text(cr, x + 380, y, 7.5, i.pass ? "yes" : "NO", !i.pass, i.pass ? 0.4 : 0.05);
    y += 10;
  }
  pdf::close_document(path, surface, cr);
}

}  // namespace smp
