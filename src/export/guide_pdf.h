#pragma once
// The printable session guide (Cairo, PDF): a cover page with the plan, then one page per session
// with the head from five sides (this session's dots in colour, earlier ones grey), the session's
// needle, pigment and shade swatch, its dots per zone and the aftercare checklist. Text is real
// text (selectable, searchable).
#include <filesystem>
#include <string>
#include <vector>

#include "core/image.h"
#include "design/design.h"

namespace smp {

enum class Paper { A4, Letter };

struct GuideSession {
  int number = 1;                                  // 1-based
  std::vector<std::pair<std::string, Image>> views;  // caption, picture
  std::size_t new_dots = 0;
  std::vector<std::pair<std::string, std::size_t>> zone_dots;  // zone label, new dots there
  std::string date;                                // planned, or empty
};

struct GuideContents {
  const Design* design = nullptr;
  std::vector<GuideSession> sessions;
  double dots_per_minute = 60.0;
  std::string head_note;  // which head the guide was made on
  // The hairline unrolled along the forehead, mm: x along the line from the midline (patient's left
  // negative, as seen facing them), y height above the glabella along the skin. Empty: no template.
  std::vector<std::pair<double, double>> hairline_template;
};

// Throws std::runtime_error naming the file when Cairo cannot write it.
void write_guide_pdf(const std::filesystem::path& path, const GuideContents& guide, Paper paper);

}  // namespace smp
