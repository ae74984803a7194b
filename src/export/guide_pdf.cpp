#include "export/guide_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/exponential.hpp>
#include <glm/geometric.hpp>
#include <stdexcept>

#include "core/session_colours.h"
#include "export/pdf_blocks.h"
#include "export/pdf_page.h"

namespace smp {
namespace {

using pdf::format;

using pdf::kPointsPerMm;
using pdf::picture;
using pdf::Placed;
using pdf::rule;
using pdf::text;

struct Page {
  cairo_t* cr;
  double width, height;  // points
  double margin = 18.0 * kPointsPerMm;
};

// Text on a white box, so it reads over a picture or a map; `x` is where it starts, or with
// `ending_at_x` where it ends.
void boxed_text(cairo_t* cr, double x, double y, double size, const std::string& s, bool bold = false, bool ending_at_x = false) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_text_extents_t extents;
  cairo_text_extents(cr, s.c_str(), &extents);
  if (ending_at_x) x -= extents.x_advance;
  cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
  cairo_rectangle(cr, x - 1.5, y - size * 0.85, extents.x_advance + 3.0, size * 1.15);
  cairo_fill(cr);
  text(cr, x, y, size, s, bold);
}

// A dimension line with end ticks and its label past the `to` end.
void dimension(cairo_t* cr, glm::dvec2 a, glm::dvec2 b, const std::string& label, bool beside) {
  const glm::dvec2 along = glm::length(b - a) > 0 ? glm::normalize(b - a) : glm::dvec2(1, 0);
  const glm::dvec2 across(-along.y, along.x);
  cairo_set_source_rgb(cr, 0.05, 0.2, 0.45);
  cairo_set_line_width(cr, 0.7);
  cairo_move_to(cr, a.x, a.y);
  cairo_line_to(cr, b.x, b.y);
  for (const glm::dvec2& end : {a, b}) {
    cairo_move_to(cr, end.x - 2.5 * across.x, end.y - 2.5 * across.y);
    cairo_line_to(cr, end.x + 2.5 * across.x, end.y + 2.5 * across.y);
  }
  cairo_stroke(cr);
  const glm::dvec2 at = beside ? 0.5 * (a + b) + glm::dvec2(4.0, 2.0) : b + glm::dvec2(b.x < a.x ? -32.0 : 3.0, -3.0);
  if (!label.empty()) boxed_text(cr, at.x, at.y, 6.5, label, true);
}

void cover(const Page& page, const GuideContents& guide) {
  cairo_t* cr = page.cr;
  const Design& d = *guide.design;
  const double x = page.margin, right = page.width - page.margin;
  double y = page.margin + 10;
  text(cr, x, y, 22, "Session guide", true);
  y += 26;
  text(cr, x, y, 14, d.name);
  y += 14;
  rule(cr, x, y, right);
  y += 22;
  const std::string patient = d.patient.id.empty() ? "(no name or ID)" : d.patient.id;
  text(cr, x, y, 11, "Patient: " + patient, true);
  y += 16;
  text(cr, x, y, 10, d.patient.use_sampled_skin ? "Skin: sampled colour" : "Skin: Fitzpatrick type " + std::to_string(d.patient.fitzpatrick_type));
  y += 14;
  text(cr, x, y, 10, "Remaining hair: " + d.patient.hair_colour);
  y += 14;
  if (!d.patient.notes.empty()) text(cr, x, y, 10, "Notes: " + d.patient.notes), y += 14;
  text(cr, x, y, 10, format("Hairline: %.0f mm above the glabella along the skin; transition zone %.0f mm.", d.hairline.height_mm,
                            d.hairline.transition_mm));
  y += 14;
  text(cr, x, y, 9, "Head: " + guide.head_note, false, 0.4);
  y += 26;
  text(cr, x, y, 12, "Sessions", true);
  y += 16;
  const double columns[] = {x, x + 44, x + 110, x + 162, x + 222, x + 272, x + 366};
  const char* heads[] = {"Session", "Date", "Hairline", "New dots", "Reaches", "Needle", "Pigment, time at the chair"};
  for (int c = 0; c < 7; ++c) text(cr, columns[c], y, 9, heads[c], true, 0.3);
  y += 6;
  rule(cr, x, y, right);
  y += 14;
  for (const GuideSession& s : guide.sessions) {
    const SessionDesign& plan = d.sessions[std::size_t(s.number - 1)];
    text(cr, columns[0], y, 10, std::to_string(s.number));
    text(cr, columns[1], y, 10, s.date.empty() ? "-" : s.date);
    text(cr, columns[2], y, 10, format("%.0f mm", s.hairline_mm));
    text(cr, columns[3], y, 10, std::to_string(s.new_dots));
    text(cr, columns[4], y, 10, format("%.0f%%", plan.cumulative_percent));
    text(cr, columns[5], y, 10, std::string(needle_spec(plan.needle).label));
    text(cr, columns[6], y, 10, format("%.0f%%, about %.0f min", plan.pigment_percent, double(s.new_dots) / guide.dots_per_minute));
    y += 16;
  }
  y += 4;
  y = pdf::paragraph(cr, x, y, right - x, 8.5, format("Hairline: each session's own, above the glabella along the skin. Times at %.0f dots a minute. "
                                                      "Session 1 heals 2-3 shades lighter; that is expected.", guide.dots_per_minute), 0.35) + 12;
  text(cr, x, y, 12, "Screening", true);
  y = draw_flags(cr, guide.flags, x, y + 16, right - x) + 10;
  if (guide.quote) {
    text(cr, x, y, 12, "Quote", true);
    y = pdf::paragraph(cr, x, y + 14, right - x, 8.5, format("From the head: %.1f cm\u00b2 of scalp treated", guide.area.treated_cm2) +
                                                         (guide.area.scar_cm2 > 0 ? format(", %.1f cm\u00b2 of it scar tissue.", guide.area.scar_cm2) : std::string(".")),
                       0.35) + 4;
    draw_quote(cr, *guide.quote, x, y + 4, right - x);
  }
}

// The patient before treatment, as the clinic photographed them: two columns of captioned photos.
void photos_page(const Page& page, const GuideContents& guide) {
  cairo_t* cr = page.cr;
  const double x = page.margin, right = page.width - page.margin, cell_w = 0.5 * (right - x), cell_h = cell_w * 0.8;
  double y = page.margin + 10;
  text(cr, x, y, 18, "Before treatment", true);
  y += 10;
  rule(cr, x, y, right);
  y += 10;
  for (std::size_t i = 0; i < guide.before_photos.size(); ++i) {
    const double cx = x + double(i % 2) * cell_w, cy = y + double(i / 2) * (cell_h + 18);
    picture(cr, guide.before_photos[i].second, cx + 3, cy, cell_w - 6, cell_h);
    text(cr, cx + 6, cy + cell_h + 11, 8.5, guide.before_photos[i].first, false, 0.35);
  }
}

// Before the first session, a page the patient takes home.
void pre_care_page(const Page& page) {
  cairo_t* cr = page.cr;
  const CareSheet sheet = pre_care_sheet();
  const double x = page.margin, right = page.width - page.margin;
  double y = page.margin + 10;
  text(cr, x, y, 18, sheet.title, true);
  y += 10;
  rule(cr, x, y, right);
  y = pdf::paragraph(cr, x, y + 22, right - x, 10.5, sheet.intro, 0.25) + 14;
  draw_care_items(cr, sheet, x, y, right - x);
}

// The session page's grid: three pictures across the text width, each 4 pt narrower than its cell.
double session_cell_width(const Page& page) { return (page.width - 2.0 * page.margin) / 3.0; }
double session_picture_width(const Page& page) { return session_cell_width(page) - 4; }

void session_page(const Page& page, const GuideContents& guide, const GuideSession& s, const pdf::PictureEncodings& ready) {
  cairo_t* cr = page.cr;
  const Design& d = *guide.design;
  const SessionDesign& plan = d.sessions[std::size_t(s.number - 1)];
  const double x = page.margin, right = page.width - page.margin, width = right - x;
  double y = page.margin + 10;
  text(cr, x, y, 18, "Session " + std::to_string(s.number) + (s.date.empty() ? "" : "  -  " + s.date), true);
  pdf::text_ending_at(cr, right, y, 9, d.name, false, 0.4, 0.45 * width);
  y += 10;
  rule(cr, x, y, right);
  y += 8;
  // The five views: two rows (front, left, right / top, back).
  const double cell_w = session_cell_width(page), cell_h = cell_w * 0.75;
  for (std::size_t i = 0; i < s.views.size(); ++i) {
    const double cx = x + double(i % 3) * cell_w, cy = y + double(i / 3) * (cell_h + 14);
    const GuideView& view = s.views[i];
    const Placed placed = picture(cr, view.picture, cx + 2, cy, session_picture_width(page), cell_h, &ready);
    for (const ViewDimension& mark : view.dimensions) dimension(cr, placed.at(mark.from), placed.at(mark.to), mark.label, mark.label_beside);
    text(cr, cx + 6, cy + cell_h + 10, 8, view.caption, false, 0.35);
  }
  // The sixth cell: what the patient will see once this session has healed (DOMAIN: session 1
  // heals two to three shades lighter, and patients worry; the guide shows it).
  if (!s.healed.empty()) {
    const double cx = x + 2.0 * cell_w, cy = y + cell_h + 14;
    picture(cr, s.healed, cx + 2, cy, session_picture_width(page), cell_h, &ready);
    text(cr, cx + 6, cy + cell_h + 10, 8, guide.preview_caption, false, 0.35);
  }
  // What the colours mean, in a row under the views.
  {
    const double ky = y + 2 * (cell_h + 14) + 10;
    const glm::vec3 mine = session_colour_srgb(s.number), earlier = glm::pow(kSessionColours[kEarlierSessionColour], glm::vec3(1.0f / 2.2f));
    const std::pair<glm::vec3, std::string> keys[] = {{mine, "this session's new dots"}, {earlier, "earlier sessions' dots"},
                                                      {glm::vec3(0.8f, 0.8f, 0.78f), "designed hairline (beads)"}};
    double kx = x;
    for (const auto& [colour, label] : keys) {
      cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
      cairo_arc(cr, kx + 3, ky - 3, 2.6, 0, 6.2832);
      cairo_fill(cr);
      text(cr, kx + 9, ky, 7.5, label, false, 0.25);
      kx += 118;
    }
    cairo_set_source_rgb(cr, 0.05, 0.2, 0.45);
    cairo_set_line_width(cr, 0.7);
    cairo_move_to(cr, kx, ky - 3);
    cairo_line_to(cr, kx + 7, ky - 3);
    cairo_stroke(cr);
    text(cr, kx + 10, ky, 7.5, "distance along the skin", false, 0.25);
  }
  y += 18;
  y += 2 * (cell_h + 14) + 8;
  const std::string& distances = s.distances_note.empty() ? guide.distances_note : s.distances_note;
  if (plan.hairline_raise_mm > 0)
    text(cr, x, y, 8.5, format("This session's own hairline: %.1f mm higher than the design's (dots in front of it come later).", plan.hairline_raise_mm), true, 0.15), y += 12;
  for (std::size_t start = 0; start < distances.size();) {
    const std::size_t end = std::min(distances.find('\n', start), distances.size());
    text(cr, x, y, 8.5, distances.substr(start, end - start), false, 0.15);
    y += 12;
    start = end + 1;
  }
  y += 8;
  // The session's instruments, with a swatch of the mix over this skin.
  text(cr, x, y, 12, "Needle and pigment", true);
  y += 16;
  text(cr, x, y, 10, std::string(needle_spec(plan.needle).label) + format(": a %.2f mm dot fresh, %.2f mm healed", fresh_dot_mm(plan.needle),
                                                                            healed_dot_mm(plan.needle)));
  y += 14;
  y = pdf::paragraph(cr, x, y, right - x - 90, 10, format("Needle at %.0f\u00b0 to the skin; depth: ", plan.needle_angle_deg) + plan.depth_note + ".") + 1;
  text(cr, x, y, 10, format("Pigment %.0f%% in the mix (carbon black and water).", plan.pigment_percent));
  const double shade = 1.0 - 0.9 * plan.pigment_percent / 100.0;
  cairo_set_source_rgb(cr, shade * 0.97, shade * 0.97, shade);
  cairo_rectangle(cr, right - 70, y - 26, 60, 30);
  cairo_fill(cr);
  text(cr, right - 70, y + 14, 7, "shade swatch", false, 0.4);
  y += 14;
  text(cr, x, y, 10, format("%.0f new dots, about %.0f minutes.", double(s.new_dots), double(s.new_dots) / guide.dots_per_minute));
  y += 22;
  if (!guide.map.scalp_edge.empty()) {
    text(cr, x, y, 9, "Where the dots go, zone by zone: the scalp map on the next page.", false, 0.35);
    y += 22;
  }
  const CareSheet aftercare = aftercare_sheet(s.number, int(d.sessions.size()));
  text(cr, x, y, 12, "Aftercare", true);
  draw_care_items(cr, aftercare, x, y + 15, right - x);
}

// The hairline at true size on its own page, to hold against the patient with a ruler.
void template_page(const Page& page, const GuideContents& guide) {
  cairo_t* cr = page.cr;
  const double x0 = page.margin, right = page.width - page.margin;
  text(cr, x0, page.margin + 10, 18, "Hairline template, 1:1", true);
  text(cr, x0, page.margin + 26, 9,
       "Print at 100% (no fit to page) and check the 10 cm bar with a ruler. Left to right as you face the patient.", false, 0.35);
  // Scale: 1 mm on the skin = 1 mm on paper. The midline in the middle of the page.
  const double mid_x = 0.5 * page.width, base_y = page.height - page.margin - 40.0;
  double highest = 0.0;
  for (const auto& [x, y] : guide.hairline_template) highest = std::max(highest, y);
  const double glabella_y = std::min(base_y, page.margin + 50.0 + highest * kPointsPerMm);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_set_line_width(cr, 0.8);
  bool first = true;
  for (const auto& [x, y] : guide.hairline_template) {
    const double px = mid_x + x * kPointsPerMm, py = glabella_y - y * kPointsPerMm;
    if (px < page.margin * 0.5 || px > page.width - page.margin * 0.5) continue;  // off the paper
    first ? cairo_move_to(cr, px, py) : cairo_line_to(cr, px, py);
    first = false;
  }
  cairo_stroke(cr);
  // The glabella level and the midline, dashed.
  const double dash[] = {3.0, 2.0};
  cairo_set_dash(cr, dash, 2, 0);
  cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
  cairo_move_to(cr, x0, glabella_y);
  cairo_line_to(cr, right, glabella_y);
  cairo_move_to(cr, mid_x, glabella_y);
  cairo_line_to(cr, mid_x, page.margin + 40.0);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
  text(cr, x0, glabella_y - 4, 8, "glabella level", false, 0.4);
  text(cr, mid_x + 4, page.margin + 48.0, 8, "midline", false, 0.4);
  // The 10 cm calibration bar, with centimetre ticks.
  const double bar_y = page.height - page.margin - 12.0;
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1.0);
  cairo_move_to(cr, x0, bar_y);
  cairo_line_to(cr, x0 + 100.0 * kPointsPerMm, bar_y);
  for (int cm = 0; cm <= 10; ++cm) {
    cairo_move_to(cr, x0 + cm * 10.0 * kPointsPerMm, bar_y);
    cairo_line_to(cr, x0 + cm * 10.0 * kPointsPerMm, bar_y - (cm % 5 == 0 ? 8.0 : 4.0));
  }
  cairo_stroke(cr);
  text(cr, x0, bar_y + 12, 9, "10 cm calibration bar");
}


// The session on the scalp laid flat, at a stated scale: zones (numbered), where this session's
// dots go (earlier sessions' grey), and a table of the numbers per zone.
void map_page(const Page& page, const GuideContents& guide, const GuideSession& s) {
  cairo_t* cr = page.cr;
  const GuideMap& map = guide.map;
  const double x = page.margin, right = page.width - page.margin, width = right - x;
  double y = page.margin + 10;
  text(cr, x, y, 18, "Session " + std::to_string(s.number) + ": scalp map", true);
  pdf::text_ending_at(cr, right, y, 9, guide.design->name, false, 0.4, 0.45 * width);
  y += 10;
  rule(cr, x, y, right);
  y += 14;
  text(cr, x, y, 8.5, "Seen from above, standing behind the chair: forehead up, the patient's left on the left. Distances from the", false, 0.3);
  y += 11;
  text(cr, x, y, 8.5, "vertex are true to scale; across, the flattened scalp stretches a little towards its edge.", false, 0.3);
  y += 22;

  // The biggest round scale (1:N) at which the map fits between the header and the table.
  const double table_h = 13.0 * double(s.zones.size()) + 60.0, bar_h = 34.0;
  const double room_w = width - 70.0, room_h = page.height - page.margin - table_h - bar_h - y;
  const glm::dvec2 span = map.high_mm - map.low_mm;
  double n = 1.0;
  for (double candidate : {1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0}) {
    n = candidate;
    if (span.x / candidate * kPointsPerMm <= room_w && span.y / candidate * kPointsPerMm <= room_h) break;
  }
  const double pt_per_mm = kPointsPerMm / n;
  const glm::dvec2 origin(x + 0.5 * (width - span.x * pt_per_mm), y);  // the box's top-left corner
  auto at = [&](glm::dvec2 mm) { return glm::dvec2(origin.x + (mm.x - map.low_mm.x) * pt_per_mm, origin.y + (map.high_mm.y - mm.y) * pt_per_mm); };
  const double map_w = span.x * pt_per_mm, map_h = span.y * pt_per_mm;
  // The zones inside the scalp's edge only: beyond it the flattened chart folds (ears, neck).
  cairo_save(cr);
  for (std::size_t i = 0; i < map.scalp_edge.size(); ++i) {
    const glm::dvec2 p = at(map.scalp_edge[i]);
    i == 0 ? cairo_move_to(cr, p.x, p.y) : cairo_line_to(cr, p.x, p.y);
  }
  cairo_close_path(cr);
  cairo_clip(cr);
  picture(cr, map.zones, origin.x, origin.y, map_w, map_h);
  cairo_restore(cr);

  auto polyline = [&](const std::vector<glm::dvec2>& points, bool closed) {
    for (std::size_t i = 0; i < points.size(); ++i) {
      const glm::dvec2 p = at(points[i]);
      i == 0 ? cairo_move_to(cr, p.x, p.y) : cairo_line_to(cr, p.x, p.y);
    }
    if (closed) cairo_close_path(cr);
    cairo_stroke(cr);
  };
  // Each dot a zero-length stroke with round caps: a disc in a tenth of the bytes of an arc,
  // which matters with tens of thousands of them a page.
  auto dots = [&](const std::vector<glm::dvec2>& where, glm::vec3 colour, double radius_pt) {
    cairo_new_path(cr);
    cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_width(cr, 2.0 * radius_pt);
    for (const glm::dvec2& mm : where) {
      const glm::dvec2 p = at(mm);
      cairo_move_to(cr, p.x, p.y);
      cairo_close_path(cr);
    }
    cairo_stroke(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  };
  const double dot_pt = std::clamp(0.5 * pt_per_mm, 0.3, 0.8);  // spaced dots stay apart at this scale
  dots(s.map_earlier_dots, glm::vec3(0.55f), 0.8 * dot_pt);
  dots(s.map_new_dots, session_colour_srgb(s.number), dot_pt);
  cairo_set_source_rgb(cr, 0.35, 0.25, 0.2);
  cairo_set_line_width(cr, 1.0);
  polyline(map.scalp_edge, true);
  const double dash[] = {2.5, 1.5};
  cairo_set_dash(cr, dash, 2, 0);
  cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
  cairo_set_line_width(cr, 1.1);
  polyline(s.map_hairline.empty() ? map.hairline : s.map_hairline, false);
  cairo_set_dash(cr, nullptr, 0, 0);
  for (const auto& [name, mm] : map.landmarks) {
    const glm::dvec2 p = at(mm);
    cairo_new_path(cr);
    cairo_set_source_rgb(cr, 0.05, 0.2, 0.45);
    cairo_set_line_width(cr, 0.7);
    cairo_arc(cr, p.x, p.y, 2.0, 0, 6.2832);
    cairo_stroke(cr);
    // Labels point outwards, away from the zone numbers in the middle.
    const bool left_half = p.x < origin.x + 0.5 * map_w;
    boxed_text(cr, left_half ? p.x - 3.5 : p.x + 3.5, p.y + 2.0, 5.5, name, false, left_half);
  }
  // Each zone's number in a white disc; the table below names it.
  for (std::size_t i = 0; i < s.zones.size(); ++i) {
    const glm::dvec2 p = at(s.zones[i].at);
    cairo_new_path(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_arc(cr, p.x, p.y, 6.0, 0, 6.2832);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    text(cr, p.x - 2.6, p.y + 3.0, 8, std::to_string(i + 1), true);
  }
  text(cr, origin.x + 0.5 * map_w - 22, origin.y - 4, 8, "FOREHEAD", true, 0.3);
  text(cr, origin.x + 0.5 * map_w - 12, origin.y + map_h + 10, 8, "NAPE", true, 0.3);
  text(cr, x, origin.y + 0.5 * map_h, 8, "patient's", false, 0.3);
  text(cr, x, origin.y + 0.5 * map_h + 10, 8, "LEFT", true, 0.3);
  text(cr, right - 38, origin.y + 0.5 * map_h, 8, "patient's", false, 0.3);
  text(cr, right - 38, origin.y + 0.5 * map_h + 10, 8, "RIGHT", true, 0.3);

  // Scale bar: 5 cm on the skin, centimetre ticks.
  y = origin.y + map_h + 28;
  const double bar = 50.0 * pt_per_mm;
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1.0);
  cairo_move_to(cr, x, y);
  cairo_line_to(cr, x + bar, y);
  for (int cm = 0; cm <= 5; ++cm) {
    cairo_move_to(cr, x + cm * 10.0 * pt_per_mm, y);
    cairo_line_to(cr, x + cm * 10.0 * pt_per_mm, y - (cm % 5 == 0 ? 6.0 : 3.0));
  }
  cairo_stroke(cr);
  text(cr, x + bar + 8, y, 8.5, format("5 cm on the skin  -  scale 1:%g (print at 100%%)", n));
  const glm::vec3 mine = session_colour_srgb(s.number);
  cairo_set_source_rgb(cr, mine.r, mine.g, mine.b);
  cairo_arc(cr, right - 150, y - 3, 2.2, 0, 6.2832);
  cairo_fill(cr);
  text(cr, right - 145, y, 8, "new dots", false, 0.25);
  cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
  cairo_arc(cr, right - 95, y - 3, 1.8, 0, 6.2832);
  cairo_fill(cr);
  text(cr, right - 90, y, 8, "earlier sessions", false, 0.25);
  y += 22;

  // The numbers per zone.
  const double columns[] = {x, x + 108, x + 150, x + 212, x + 270, x + 312, x + 452};
  const char* heads[] = {"Zone", "Area", "Target", "Once done", "New", "Needle", "Time"};
  for (int c = 0; c < 7; ++c) text(cr, columns[c], y, 8.5, heads[c], true, 0.3);
  y += 5;
  rule(cr, x, y, right);
  y += 12;
  std::size_t total_after = 0, total_new = 0;
  double total_area = 0;
  for (std::size_t i = 0; i < s.zones.size(); ++i) {
    const MapZone& zone = s.zones[i];
    text(cr, columns[0], y, 9, std::to_string(i + 1) + "  " + zone.label);
    text(cr, columns[1], y, 9, format("%.0f cm\u00b2", zone.area_cm2));
    text(cr, columns[2], y, 9, format("%.0f dots/cm\u00b2", double(zone.target_per_cm2)));
    text(cr, columns[3], y, 9, std::to_string(zone.dots_after));
    text(cr, columns[4], y, 9, std::to_string(zone.new_dots));
    text(cr, columns[5], y, 7, zone.needle);
    text(cr, columns[6], y, 9, format("%.0f min", double(zone.new_dots) / guide.dots_per_minute));
    total_after += zone.dots_after, total_new += zone.new_dots, total_area += zone.area_cm2;
    y += 13;
  }
  rule(cr, x, y - 8, right);
  y += 4;
  text(cr, columns[0], y, 9, "Whole scalp", true);
  text(cr, columns[1], y, 9, format("%.0f cm\u00b2", total_area), true);
  text(cr, columns[3], y, 9, std::to_string(total_after), true);
  text(cr, columns[4], y, 9, std::to_string(total_new), true);
  text(cr, columns[6], y, 9, format("%.0f min", double(total_new) / guide.dots_per_minute), true);
  y += 14;
  text(cr, x, y, 7.5, "Target: the finished design's density. The hairline band is graded: sparse at the front edge, full behind it.", false, 0.4);
  y += 10;
  text(cr, x, y, 7.5, format("Needle: the soft edge of the hairline takes the finest single needle. Time at %.0f dots a minute.", guide.dots_per_minute), false, 0.4);
}

}  // namespace

namespace {
glm::dvec2 paper_points(Paper paper) { return paper == Paper::A4 ? glm::dvec2(210.0, 297.0) * kPointsPerMm : glm::dvec2(8.5, 11.0) * 72.0; }
}  // namespace

double guide_picture_width(Paper paper) { return session_picture_width(Page{nullptr, paper_points(paper).x, paper_points(paper).y}); }

void write_guide_pdf(const std::filesystem::path& path, const GuideContents& guide, Paper paper, pdf::PictureEncodings* made_ahead) {
  const double width = paper_points(paper).x, height = paper_points(paper).y;
  cairo_surface_t* surface = pdf::open_document(path, width, height, "Session guide: " + guide.design->name);
  cairo_t* cr = cairo_create(surface);
  const Page page{cr, width, height};
  // The session pages' pictures not encoded ahead, two at a time before the pages are laid out.
  pdf::PictureEncodings own;
  pdf::PictureEncodings& ready = made_ahead ? *made_ahead : own;
  std::vector<std::pair<const Image*, double>> pictures;
  for (const GuideSession& s : guide.sessions) {
    for (const GuideView& view : s.views) pictures.emplace_back(&view.picture, session_picture_width(page));
    if (!guide.await_healed && !s.healed.empty()) pictures.emplace_back(&s.healed, session_picture_width(page));
  }
  ready.encode(pictures);
  cover(page, guide);
  cairo_show_page(cr);
  if (!guide.before_photos.empty()) {
    photos_page(page, guide);
    cairo_show_page(cr);
  }
  if (!guide.hairline_template.empty()) {
    // Landscape: the unrolled line is wider than a portrait page.
    cairo_pdf_surface_set_size(surface, height, width);
    template_page(Page{cr, height, width}, guide);
    cairo_show_page(cr);
    cairo_pdf_surface_set_size(surface, width, height);
  }
  pre_care_page(page);
  cairo_show_page(cr);
  for (std::size_t i = 0; i < guide.sessions.size(); ++i) {
    const GuideSession& s = guide.sessions[i];
    if (guide.await_healed) guide.await_healed(i);
    session_page(page, guide, s, ready);
    cairo_show_page(cr);
    if (!guide.map.scalp_edge.empty()) {
      map_page(page, guide, s);
      cairo_show_page(cr);
    }
  }
  pdf::close_document(path, surface, cr);
}

}  // namespace smp
