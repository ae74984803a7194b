#pragma once
// The scalp map of one session as SVG: the scalp seen from above, flattened (the azimuthal chart
// from the vertex, forehead up, the patient's left on the left, as the artist standing behind the
// chair sees it), at a stated scale with a 10 mm bar: the scalp's edge, the designed hairline,
// the landmarks, and the dots (this session's in its colour, earlier ones grey).
#include <string>
#include <utility>
#include <vector>

#include "head/scalp_chart.h"

namespace smp {

struct ScalpMapSvg {
  std::string title;
  std::vector<PolarPoint> scalp_edge, hairline;             // closed and open polylines
  std::vector<std::pair<std::string, PolarPoint>> landmarks;
  std::vector<PolarPoint> earlier_dots, session_dots;
  std::vector<float> session_dot_mm;                        // per session dot: its size on the skin
  std::string session_colour = "#c0150d";
};

// Valid SVG 1.1, sized in mm (1 chart mm = 1 drawn mm: print at 100% for true scale).
std::string scalp_map_svg(const ScalpMapSvg& map);

}  // namespace smp
