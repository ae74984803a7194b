#include "app/guide_measures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

#include <glm/common.hpp>

#include "export/scalp_map.h"

namespace smp {

GuideMeasures::GuideMeasures(const Landmarks& landmarks, const Anatomy& anatomy, const GeodesicDistance& geodesic, DesignDots& designed)
    : landmarks_(landmarks), anatomy_(anatomy), geodesic_(geodesic), designed_(designed) {
  // Each zone's label goes on the zone's vertex nearest the zone's mean: inside it even when the
  // zone is a band whose mean lies outside.
  std::array<glm::dvec2, kZoneCount> sum{};
  std::array<double, kZoneCount> count{};
  const auto& zone = anatomy.zones.vertex_zone;
  for (std::size_t v = 0; v < zone.size(); ++v) {
    sum[std::size_t(zone[v])] += ScalpChart::plane(anatomy.chart.vertices[v]);
    count[std::size_t(zone[v])] += 1.0;
  }
  std::array<double, kZoneCount> best;
  best.fill(std::numeric_limits<double>::max());
  for (std::size_t v = 0; v < zone.size(); ++v) {
    const std::size_t z = std::size_t(zone[v]);
    const glm::dvec2 p = ScalpChart::plane(anatomy.chart.vertices[v]);
    const double d = glm::distance(p, sum[z] / std::max(count[z], 1.0));
    if (d < best[z]) best[z] = d, zone_label_at_[z] = p;
  }
}

std::string format_mm(double mm) {
  char s[32];
  std::snprintf(s, sizeof s, "%.0f mm", mm);
  return s;
}

std::vector<ViewDimension> hairline_marks(const HairlineDistances& d, const OrbitCamera& camera, glm::ivec2 size,
                                          const std::function<bool(glm::vec3)>& visible) {
  std::vector<ViewDimension> marks;
  auto seen = [&](glm::vec3 p) { return !visible || visible(p); };
  auto px = [&](glm::vec3 p) { return camera.to_pixels(p, size); };
  if (seen(d.glabella) && seen(d.centre)) marks.push_back({px(d.glabella), px(d.centre), format_mm(d.centre_mm), true});
  const float lead = 0.06f * float(size.x);
  for (std::size_t side = 0; side < 2; ++side) {
    if (!seen(d.corners[side])) continue;
    const glm::vec2 corner = px(d.corners[side]);
    const float outward = corner.x > px(d.centre).x ? 1.0f : -1.0f;
    marks.push_back({corner, corner + glm::vec2(outward * lead, -0.5f * lead), (side == 0 ? "L " : "R ") + format_mm(d.corner_up_mm[side]) + " up"});
  }
  return marks;
}

HairlineDistances GuideMeasures::distances(const Design& design) const {
  HairlineDistances d;
  const HairlineShape shape = designed_.hairline(design);
  const std::array<glm::vec3, 3> handles = designed_.hairline_handles(design);
  const double glabella_r = chart_point(anatomy_.chart, geodesic_, landmarks_[Landmark::Glabella]).r;
  d.glabella = landmarks_[Landmark::Glabella];
  d.centre = handles[0];
  d.corners = {handles[1], handles[2]};
  d.centre_mm = glabella_r - shape.mid_frontal().r;
  const PolarPoint corner[2] = {shape.left_corner(), shape.right_corner()};
  std::vector<double> thetas;
  const auto line = unroll(design, &thetas);
  for (int side = 0; side < 2; ++side) {
    d.corner_up_mm[std::size_t(side)] = glabella_r - shape.edge_r(corner[side].theta);
    std::size_t nearest = 0;  // the line's point nearest the corner's direction
    for (std::size_t i = 0; i < thetas.size(); ++i)
      if (std::abs(thetas[i] - corner[side].theta) < std::abs(thetas[nearest] - corner[side].theta)) nearest = i;
    if (!line.empty()) d.corner_out_mm[std::size_t(side)] = std::abs(line[nearest].first);
  }
  return d;
}

std::string GuideMeasures::distances_note(const HairlineDistances& d) const {
  char note[320];
  std::snprintf(note, sizeof note,
                "Along the skin: glabella to the hairline's centre %.0f mm.\nTemple corners: %.0f mm (L), %.0f mm (R) above the glabella "
                "level; %.0f mm (L), %.0f mm (R) out from the midline.",
                d.centre_mm, d.corner_up_mm[0], d.corner_up_mm[1], d.corner_out_mm[0], d.corner_out_mm[1]);
  return note;
}

std::vector<std::pair<double, double>> GuideMeasures::hairline_template(const Design& design) const { return unroll(design, nullptr); }

std::vector<std::pair<double, double>> GuideMeasures::unroll(const Design& design, std::vector<double>* thetas) const {
  const std::vector<glm::vec3> line = designed_.hairline_points(design);
  const double glabella_r = chart_point(anatomy_.chart, geodesic_, landmarks_[Landmark::Glabella]).r;
  std::vector<PolarPoint> polar;
  for (const glm::vec3& p : line) polar.push_back(chart_point(anatomy_.chart, geodesic_, p));
  std::size_t middle = 0;
  for (std::size_t i = 0; i < polar.size(); ++i)
    if (std::abs(polar[i].theta) < std::abs(polar[middle].theta)) middle = i;
  std::vector<double> along(line.size(), 0.0);
  for (std::size_t i = middle + 1; i < line.size(); ++i) along[i] = along[i - 1] + double(glm::distance(line[i], line[i - 1]));
  for (std::size_t i = middle; i-- > 0;) along[i] = along[i + 1] - double(glm::distance(line[i], line[i + 1]));
  // Facing the patient, their left is on the viewer's right: chart theta + is the patient's left.
  std::vector<std::pair<double, double>> unrolled;
  for (std::size_t i = 0; i < line.size(); ++i)
    unrolled.emplace_back(polar[i].theta >= 0 ? std::abs(along[i]) : -std::abs(along[i]), glabella_r - polar[i].r);
  if (thetas)
    for (const PolarPoint& p : polar) thetas->push_back(p.theta);
  return unrolled;
}

std::vector<glm::dvec2> GuideMeasures::map_hairline(const Design& design) const {
  const HairlineShape shape = designed_.hairline(design);
  const double reach = std::max(std::abs(shape.left_corner().theta), std::abs(shape.right_corner().theta)) + 0.3;
  std::vector<glm::dvec2> line;
  for (double theta = -reach; theta <= reach; theta += 0.01) line.push_back(ScalpChart::plane({shape.edge_r(theta), theta}));
  return line;
}

GuideMap GuideMeasures::map(const Mesh& mesh, const Design& design, double px_per_mm) const {
  GuideMap map;
  map.low_mm = glm::dvec2(1e9), map.high_mm = glm::dvec2(-1e9);
  for (int i = 0; i < 360; ++i) {
    const double theta = -std::numbers::pi + 2.0 * std::numbers::pi * i / 360.0;
    const glm::dvec2 p = ScalpChart::plane({designed_.scalp_edge().radius_at(theta), theta});
    map.scalp_edge.push_back(p);
    map.low_mm = glm::min(map.low_mm, p), map.high_mm = glm::max(map.high_mm, p);
  }
  map.low_mm -= glm::dvec2(10.0), map.high_mm += glm::dvec2(10.0);
  map.hairline = map_hairline(design);
  for (Landmark l : kAllLandmarks) {
    const glm::dvec2 p = ScalpChart::plane(chart_point(anatomy_.chart, geodesic_, landmarks_[l]));
    if (p.x > map.low_mm.x && p.x < map.high_mm.x && p.y > map.low_mm.y && p.y < map.high_mm.y)
      map.landmarks.emplace_back(std::string(landmark_label(l)), p);
  }
  map.zones = draw_zone_backdrop(mesh, anatomy_, map.low_mm, map.high_mm, px_per_mm);
  return map;
}

void GuideMeasures::add_session_map(GuideSession& session, const Design& design, const DesignDots::Result& made) const {
  const std::size_t k = std::size_t(session.number - 1);
  for (std::size_t i = 0; i < made.instances.size(); ++i) {
    const std::size_t s = std::size_t(made.instances[i].session);
    if (s == k) session.map_new_dots.push_back(ScalpChart::plane(made.chart[i]));
    if (s < k) session.map_earlier_dots.push_back(ScalpChart::plane(made.chart[i]));
  }
  for (std::size_t z = 1; z < kZoneCount; ++z) {
    MapZone zone;
    zone.label = std::string(zone_label(Zone(z)));
    zone.at = zone_label_at_[z];
    zone.area_cm2 = anatomy_.zones.area_mm2[z] / 100.0;
    zone.target_per_cm2 = design.density(Zone(z));
    for (std::size_t s = 0; s <= k; ++s) zone.dots_after += made.counts.per_session_zone[s][z];
    zone.new_dots = made.counts.per_session_zone[k][z];
    // As the dots are made (DesignDots): the soft hairline edge takes the finer single needle.
    const Needle needle = design.sessions[k].needle;
    zone.needle = std::string(needle_spec(needle).label);
    if (Zone(z) == Zone::HairlineBand && fresh_dot_mm(Needle::Single020) < fresh_dot_mm(needle))
      zone.needle = std::string(needle_spec(Needle::Single020).label) + " edge, " + zone.needle;
    session.zones.push_back(zone);
  }
}

}  // namespace smp
