#include "export/scalp_map_svg.h"

#include <algorithm>
#include <cstdio>

namespace smp {
namespace {

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

}  // namespace

std::string scalp_map_svg(const ScalpMapSvg& map) {
  double reach = 10.0;
  for (const PolarPoint& p : map.scalp_edge) reach = std::max(reach, p.r);
  const double margin = 15.0, size = 2.0 * (reach + margin), title_mm = 14.0;
  char buffer[512];
  std::string svg;
  auto add = [&](const char* pattern, auto... values) {
    std::snprintf(buffer, sizeof buffer, pattern, values...);
    svg += buffer;
  };
  // Chart plane mm -> drawing mm: origin at the vertex, forehead (+y in the chart) up the page.
  auto at = [&](const PolarPoint& p) {
    const glm::dvec2 q = ScalpChart::plane(p);
    return glm::dvec2(q.x + size / 2.0, title_mm + size / 2.0 - q.y);
  };
  add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  add("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.1fmm\" height=\"%.1fmm\" viewBox=\"0 0 %.1f %.1f\">\n", size,
      size + title_mm, size, size + title_mm);
  add("<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
  svg += "<text x=\"5\" y=\"8\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"5\">" + escape(map.title) + "</text>\n";
  auto polyline = [&](const std::vector<PolarPoint>& points, bool closed, const char* style) {
    if (points.empty()) return;
    svg += closed ? "<polygon points=\"" : "<polyline points=\"";
    for (const PolarPoint& p : points) {
      const glm::dvec2 q = at(p);
      add("%.2f,%.2f ", q.x, q.y);
    }
    svg += std::string("\" ") + style + "/>\n";
  };
  polyline(map.scalp_edge, true, "fill=\"#f6e7dc\" stroke=\"#8a6a55\" stroke-width=\"0.4\"");
  svg += "<g fill=\"#8c8c8c\">\n";
  for (const PolarPoint& p : map.earlier_dots) {
    const glm::dvec2 q = at(p);
    add("<circle cx=\"%.2f\" cy=\"%.2f\" r=\"0.2\"/>\n", q.x, q.y);
  }
  svg += "</g>\n<g fill=\"" + map.session_colour + "\">\n";
  for (std::size_t i = 0; i < map.session_dots.size(); ++i) {
    const glm::dvec2 q = at(map.session_dots[i]);
    const double r = i < map.session_dot_mm.size() ? std::max(0.15, 0.5 * double(map.session_dot_mm[i])) : 0.25;
    add("<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\"/>\n", q.x, q.y, r);
  }
  svg += "</g>\n";
  polyline(map.hairline, false, "fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"0.5\" stroke-dasharray=\"2 1\"");
  for (const auto& [name, p] : map.landmarks) {
    const glm::dvec2 q = at(p);
    add("<circle cx=\"%.2f\" cy=\"%.2f\" r=\"1.2\" fill=\"none\" stroke=\"#0b5394\" stroke-width=\"0.4\"/>\n", q.x, q.y);
    add("<text x=\"%.2f\" y=\"%.2f\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"3\" fill=\"#0b5394\">", q.x + 2.0, q.y - 1.5);
    svg += escape(name) + "</text>\n";
  }
  // Scale bar: 10 mm, and the reading direction.
  const double bx = 5.0, by = size + title_mm - 6.0;
  add("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\" stroke-width=\"0.6\"/>\n", bx, by, bx + 10.0, by);
  add("<text x=\"%.1f\" y=\"%.1f\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"3\">10 mm (print at 100%%)</text>\n", bx, by - 2.0);
  add("<text x=\"%.1f\" y=\"%.1f\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"3\" text-anchor=\"end\">forehead up; the patient's left on the left</text>\n",
      size - 5.0, by);
  svg += "</svg>\n";
  return svg;
}

}  // namespace smp
