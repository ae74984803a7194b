#include "export/scalp_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "export/raster.h"
#include "io/image_label.h"

namespace smp {
namespace {

constexpr glm::vec3 kPaper{1.0f, 1.0f, 1.0f};
constexpr glm::vec3 kInk{0.12f, 0.12f, 0.14f};
constexpr glm::vec3 kSkin{0.93f, 0.86f, 0.80f};  // face, ears and neck: not scalp
constexpr double kRingStepMm = 50.0;

// Zone colours softened for paper: readable under black ink and dots.
glm::vec3 paper_colour(Zone zone) { return zone == Zone::None ? kSkin : glm::mix(zone_colour(zone), glm::vec3(1.0f), 0.45f); }

void left_label(Image& image, const std::string& text, float x, float baseline, float px, glm::vec3 colour = kInk) {
  draw_label(image, text, int(x + 0.5f * label_width(text, px)), int(baseline), px, colour);
}

}  // namespace

Image draw_zone_backdrop(const Mesh& mesh, const Anatomy& anatomy, glm::dvec2 low, glm::dvec2 high, double px_per_mm) {
  const glm::dvec2 span = (high - low) * px_per_mm;
  Image image(std::max(1, int(std::lround(span.x))), std::max(1, int(std::lround(span.y))));
  fill_image(image, kPaper);
  for (std::size_t f = 0; f + 2 < mesh.indices.size(); f += 3) {
    glm::vec2 p[3];
    glm::vec3 c[3];
    bool inside = false;
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t v = mesh.indices[f + std::size_t(k)];
      const glm::dvec2 mm = ScalpChart::plane(anatomy.chart.vertices[v]);
      inside = inside || (mm.x >= low.x && mm.x <= high.x && mm.y >= low.y && mm.y <= high.y);
      p[k] = glm::vec2(float((mm.x - low.x) * px_per_mm), float((high.y - mm.y) * px_per_mm));
      c[k] = glm::mix(paper_colour(anatomy.zones.vertex_zone[v]), kPaper, 0.35f);  // paler: dots go on top
    }
    // A triangle stretched across the chart's cut (theta = +-pi, behind the vertex) is not drawn.
    const float longest = std::max({glm::distance(p[0], p[1]), glm::distance(p[1], p[2]), glm::distance(p[2], p[0])});
    if (inside && longest < float(60.0 * px_per_mm)) fill_triangle(image, p, c);
  }
  return image;
}

Image draw_scalp_map(const Mesh& mesh, const Landmarks& landmarks, const Anatomy& anatomy,
                     const GeodesicDistance& geodesic, glm::ivec2 size) {
  Image image(size.x, size.y);
  fill_image(image, kPaper);
  const float text_px = std::clamp(0.022f * float(std::min(size.x, size.y)), 11.0f, 30.0f);

  // The map disc on the left, the legend in a column on the right when the page is wide enough.
  const float legend_w = size.x > size.y ? std::min(0.3f * float(size.x), 22.0f * text_px) : 0.0f;
  const float top = 2.4f * text_px, bottom = 3.2f * text_px;
  const glm::vec2 centre(0.5f * (float(size.x) - legend_w), top + 0.5f * (float(size.y) - top - bottom));
  const float disc_px = 0.5f * std::min(float(size.x) - legend_w - 2 * text_px, float(size.y) - top - bottom) - 1.2f * text_px;
  double reach = 0;  // show the scalp and every landmark, with a margin
  for (Landmark l : kAllLandmarks) reach = std::max(reach, chart_point(anatomy.chart, geodesic, landmarks[l]).r);
  for (const PolarPoint& a : anatomy.zones.boundary.anchors) reach = std::max(reach, a.r);
  reach += 10.0;
  const float px_per_mm = disc_px / float(reach);
  auto to_px = [&](const PolarPoint& p) {
    const glm::dvec2 mm = ScalpChart::plane(p);
    return centre + glm::vec2(float(mm.x), -float(mm.y)) * px_per_mm;  // image y runs down
  };

  for (std::size_t f = 0; f + 2 < mesh.indices.size(); f += 3) {
    glm::vec2 p[3];
    glm::vec3 c[3];
    bool inside = true;
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t v = mesh.indices[f + k];
      inside = inside && anatomy.chart.vertices[v].r <= reach;
      p[k] = to_px(anatomy.chart.vertices[v]);
      c[k] = paper_colour(anatomy.zones.vertex_zone[v]);
    }
    if (inside) fill_triangle(image, p, c);
  }
  for (double ring = kRingStepMm; ring < reach; ring += kRingStepMm) {  // distance from the vertex
    for (int i = 0; i < 360; ++i) {
      const double t0 = i * std::numbers::pi / 180, t1 = (i + 1) * std::numbers::pi / 180;
      draw_line(image, to_px({ring, t0}), to_px({ring, t1}), 1.0f, kInk, 0.25f);
    }
    draw_label(image, std::to_string(int(ring / 10)) + " cm", int(to_px({ring, std::numbers::pi * 0.8}).x),
               int(to_px({ring, std::numbers::pi * 0.8}).y), 0.75f * text_px, kInk * 1.5f);
  }
  const ScalpBoundary& edge = anatomy.zones.boundary;
  for (int i = -360; i < 360; ++i) {
    const double t0 = i * std::numbers::pi / 360, t1 = (i + 1) * std::numbers::pi / 360;
    draw_line(image, to_px({edge.radius_at(t0), t0}), to_px({edge.radius_at(t1), t1}), 2.5f, kInk);
  }
  for (Landmark l : kAllLandmarks) {
    const glm::vec2 at = to_px(chart_point(anatomy.chart, geodesic, landmarks[l]));
    const Side side = landmark_side(l);  // the window's colours, darker for paper
    const glm::vec3 colour = side == Side::Left    ? glm::vec3(0.1f, 0.35f, 0.85f)
                             : side == Side::Right ? glm::vec3(0.85f, 0.15f, 0.2f)
                                                   : glm::vec3(0.75f, 0.55f, 0.0f);
    draw_dot(image, at, 0.35f * text_px, kInk);
    draw_dot(image, at, 0.25f * text_px, colour);
    left_label(image, std::string(landmark_label(l)), at.x + 0.5f * text_px, at.y + 0.35f * text_px, 0.8f * text_px);
  }

  // Which way is which.
  draw_label(image, "FOREHEAD", int(centre.x), int(centre.y - disc_px - 0.5f * text_px), text_px, kInk);
  draw_label(image, "NAPE", int(centre.x), int(centre.y + disc_px + 1.3f * text_px), text_px, kInk);
  const float side_y = centre.y - disc_px * 0.92f;
  left_label(image, "Patient's LEFT", centre.x - disc_px - 0.5f * text_px, side_y, text_px);
  draw_label(image, "Patient's RIGHT", int(centre.x + disc_px - 3.0f * text_px), int(side_y), text_px, kInk);
  left_label(image, "Scalp map - patient's left on the left, forehead up (seen from behind the chair)", text_px, 1.5f * text_px, text_px);

  // Scale bar: 5 cm.
  const glm::vec2 bar(text_px, float(size.y) - 1.2f * text_px);
  draw_line(image, bar, bar + glm::vec2(50.0f * px_per_mm, 0), 3.0f, kInk);
  for (float x : {0.0f, 50.0f * px_per_mm}) draw_line(image, bar + glm::vec2(x, -0.4f * text_px), bar + glm::vec2(x, 0.4f * text_px), 2.0f, kInk);
  left_label(image, "5 cm from the vertex, along the skin", bar.x + 50.0f * px_per_mm + 0.6f * text_px, bar.y + 0.35f * text_px,
             0.8f * text_px);
  char note[200];
  std::snprintf(note, sizeof note, "Azimuthal equidistant from the vertex: radii true, sideways stretch grows outwards (mean area error %.0f%%)",
                100 * anatomy.chart_distortion.area_error);
  left_label(image, note, text_px, float(size.y) - 2.3f * text_px, 0.75f * text_px, kInk * 2.5f);

  if (legend_w > 0) {  // zones and their areas
    float y = top + 1.5f * text_px;
    const float x = float(size.x) - legend_w;
    left_label(image, "Zones (area on the skin)", x, y, text_px);
    for (std::size_t z = 1; z < kZoneCount; ++z) {
      y += 1.6f * text_px;
      for (int dy = 0; dy < int(text_px); ++dy)
        draw_line(image, {x, y - float(dy)}, {x + text_px, y - float(dy)}, 1.0f, paper_colour(Zone(z)));
      char row[96];
      std::snprintf(row, sizeof row, "%s  %.0f cm2", std::string(zone_label(Zone(z))).c_str(), anatomy.zones.area_mm2[z] / 100.0);
      left_label(image, row, x + 1.5f * text_px, y, 0.9f * text_px);
    }
    y += 1.8f * text_px;
    char total[64];
    std::snprintf(total, sizeof total, "Whole scalp  %.0f cm2", anatomy.zones.scalp_area_mm2 / 100.0);
    left_label(image, total, x, y, 0.9f * text_px);
  }
  return image;
}

}  // namespace smp
