#pragma once
// The printable session guide (Cairo, PDF): a cover page with the plan, the hairline template at
// 1:1, then per session a page with the head from five sides (this session's dots in colour,
// earlier ones grey, the hairline's distances in mm), the needle, pigment and shade swatch and the
// aftercare checklist, and a page with the scalp map at a stated scale (zones, target density and
// this session's dots per zone). Text is real text (selectable, searchable).
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "core/image.h"
#include "design/design.h"
#include "design/quote.h"
#include "design/screening.h"

namespace smp {

namespace pdf {
class PictureEncodings;
}

enum class Paper { A4, Letter };

// A measurement drawn over a view: a line between two points of the picture (pixels from its
// top-left corner) with its label at the `to` end, or beside the middle.
struct ViewDimension {
  glm::vec2 from, to;
  std::string label;
  bool label_beside = false;
};

struct GuideView {
  std::string caption;
  Image picture;
  std::vector<ViewDimension> dimensions;
};

// One zone on a session's map: where its label goes and its numbers.
struct MapZone {
  std::string label;
  glm::dvec2 at;            // map mm
  double area_cm2 = 0;
  float target_per_cm2 = 0;
  std::size_t dots_after = 0, new_dots = 0;  // dots there once this session is done; placed in it
  std::string needle;       // what this session uses there
};

// The scalp laid flat (the chart from the vertex, mm; forehead +y, the patient's left -x, as the
// artist behind the chair sees it), shared by every session's map page.
struct GuideMap {
  Image zones;                 // zone colours over the box below, forehead up
  glm::dvec2 low_mm{}, high_mm{};  // the box the map shows: the scalp and a margin
  std::vector<glm::dvec2> scalp_edge, hairline;
  std::vector<std::pair<std::string, glm::dvec2>> landmarks;
};

struct GuideSession {
  int number = 1;                                  // 1-based
  std::vector<GuideView> views;
  std::size_t new_dots = 0;
  std::vector<MapZone> zones;
  std::vector<glm::dvec2> map_new_dots, map_earlier_dots;  // map mm
  std::vector<glm::dvec2> map_hairline;            // this session's own hairline, map mm; empty: the map's
  std::string date;                                // planned, or empty
  double hairline_mm = 0;                          // this session's own hairline above the glabella
  std::string distances_note;                      // its key distances in words; empty: the guide's
  Image healed;  // how the scalp will look after this session (sessions 1..this one), as preview_caption says; empty: none
};

struct GuideContents {
  const Design* design = nullptr;
  std::vector<GuideSession> sessions;
  double dots_per_minute = 60.0;
  std::string head_note;  // which head the guide was made on
  // The hairline unrolled along the forehead, mm: x along the line from the midline (patient's left
  // positive: on the right as you face them), y height above the glabella along the skin. Empty: no template.
  std::vector<std::pair<double, double>> hairline_template;
  GuideMap map;                 // no scalp edge: no map pages
  std::string distances_note;  // the hairline's key distances in words, under the views; '\n' between lines
  std::string preview_caption = "healed, about a month after";  // under each session's preview picture
  std::string clinic_name;
  std::vector<ScreeningFlag> flags;  // from the intake: on the cover
  TreatedArea area;                  // measured on the head
  std::optional<Quote> quote;        // on the cover
  std::vector<std::pair<std::string, Image>> before_photos;  // view, photo: a page after the cover
  // Where the sessions' healed pictures are still being drawn while the PDF is written: called
  // before session page i, returns once sessions[i].healed is there (or throws). Empty: all are.
  std::function<void(std::size_t)> await_healed;
};

// Throws std::runtime_error naming the file when Cairo cannot write it. The session pictures'
// encodings are taken from `made_ahead` where it has them (guide_picture_width wide).
void write_guide_pdf(const std::filesystem::path& path, const GuideContents& guide, Paper paper, pdf::PictureEncodings* made_ahead = nullptr);

// Points: how wide each session picture is drawn on the guide's pages.
double guide_picture_width(Paper paper);

}  // namespace smp
