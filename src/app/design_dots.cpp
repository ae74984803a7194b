#include "app/design_dots.h"

#include "app/pigment_view.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/both_cores.h"
#include "design/paint.h"
#include "dots/head_dots.h"
#include "dots/slope_easing.h"
#include "dots/surface_projector.h"
#include "head/chart_plane.h"

namespace smp {
namespace {
constexpr double kChartCellMm = 3.0;
std::int64_t cell_key(glm::dvec2 at) {
  return (std::int64_t(std::floor(at.x / kChartCellMm)) << 32) ^ (std::int64_t(std::floor(at.y / kChartCellMm)) & 0xFFFFFFFF);
}
}  // namespace

std::size_t DotCounts::in_session(std::size_t session) const {
  std::size_t n = 0;
  for (std::size_t c : per_session_zone[session]) n += c;
  return n;
}

DesignDots::DesignDots(const Mesh& mesh, const Landmarks& landmarks, const Anatomy& anatomy, const GeodesicDistance& geodesic,
                       const DotPool& pool, std::shared_ptr<const PoolNeighbours> neighbours)
    : pool_(pool),
      neighbours_(neighbours && neighbours->size() == pool.size() ? std::move(neighbours) : std::make_shared<const PoolNeighbours>(pool)),
      mesh_(mesh), chart_(anatomy.chart), blend_(mesh, anatomy.zones.vertex_zone) {
  frame_.glabella = chart_point(anatomy.chart, geodesic, landmarks[Landmark::Glabella]);
  frame_.left_corner = chart_point(anatomy.chart, geodesic, landmarks[Landmark::LeftFrontotemporal]);
  frame_.right_corner = chart_point(anatomy.chart, geodesic, landmarks[Landmark::RightFrontotemporal]);
  frame_.scalp_edge = anatomy.zones.boundary;
  for (std::uint32_t v = 0; v < mesh.positions.size(); ++v) {
    const glm::dvec2 at = ScalpChart::plane(anatomy.chart.vertices[v]);
    chart_cells_[cell_key(at)].push_back(v);
  }
  plane_mm_ = chart_plane_of(mesh, anatomy, pool.positions, pool.triangles);
  if (pool.triangles.size() == pool.size()) skin_metric_ = chart_skin_metric(mesh, anatomy.chart_plane, pool.triangles);
  const std::vector<std::uint32_t> nearest = nearest_vertices(pool, mesh);
  places_.resize(pool.size());
  zone_.assign(pool.size(), Zone::None);
  // Each dot on its own: half of them on the other core.
  on_both_cores(pool.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (nearest[i] == kNoVertex) {
        places_[i] = {{1e9, 0.0}, 0};  // far off the chart: never kept
        continue;
      }
      DotPlace& place = places_[i];
      place = {anatomy.chart.vertices[nearest[i]], nearest[i]};
      // Between the corners of its triangle, where it has one: the chart point from the chart plane
      // there (welded across the chart's seam), the weights for the fields given per vertex.
      if (i < pool.triangles.size() && std::size_t(pool.triangles[i]) < mesh.triangle_count() && plane_mm_[i].x < 1e8f) {
        const std::uint32_t* corner = &mesh.indices[3 * std::size_t(pool.triangles[i])];
        place.corners = {corner[0], corner[1], corner[2]};
        const glm::vec3 w = glm::max(weights_on_triangle(pool.positions[i], mesh.positions[corner[0]], mesh.positions[corner[1]], mesh.positions[corner[2]]), 0.0f);
        if (const float sum = w.x + w.y + w.z; sum > 0.0f) place.weights = w / sum;
        place.polar = ScalpChart::polar(glm::dvec2(plane_mm_[i]));
      }
      zone_[i] = anatomy.zones.vertex_zone[nearest[i]];
      if (zone_[i] == Zone::None) zone_[i] = Zone::HairlineBand;  // kept only where a lower hairline reaches
    }
  });
}

std::optional<glm::vec3> DesignDots::on_skin(PolarPoint at) const {
  const glm::dvec2 want = ScalpChart::plane(at);
  // The vertices around that chart point, weighted by closeness in the chart.
  glm::dvec3 sum(0.0);
  double weight = 0.0;
  for (int dx = -1; dx <= 1; ++dx)
    for (int dy = -1; dy <= 1; ++dy) {
      const auto cell = chart_cells_.find(cell_key(want + glm::dvec2(dx, dy) * kChartCellMm));
      if (cell == chart_cells_.end()) continue;
      for (std::uint32_t v : cell->second) {
        const double d = glm::length(ScalpChart::plane(chart_.vertices[v]) - want);
        if (d > kChartCellMm) continue;
        const double w = 1.0 / (0.05 + d * d);
        sum += w * glm::dvec3(mesh_.positions[v]);
        weight += w;
      }
    }
  if (weight <= 0.0) return std::nullopt;
  return glm::vec3(sum / weight);
}

PolarPoint DesignDots::chart_of(glm::vec3 p) const {
  std::uint32_t best = 0;
  float best_d = std::numeric_limits<float>::max();
  for (std::uint32_t v = 0; v < mesh_.positions.size(); ++v)
    if (const float d = glm::dot(mesh_.positions[v] - p, mesh_.positions[v] - p); d < best_d) best_d = d, best = v;
  return chart_.vertices[best];
}

std::vector<glm::vec3> DesignDots::hairline_points(const Design& design) const {
  const HairlineShape shape = hairline(design);
  const double reach = std::max(std::abs(shape.left_corner().theta), std::abs(shape.right_corner().theta)) + 0.3;
  std::vector<glm::vec3> points;
  const double step = 2.0 / std::max(20.0, shape.mid_frontal().r);  // about 2 mm along the line
  for (double theta = -reach; theta <= reach; theta += step)
    if (const auto p = on_skin({shape.edge_r(theta), theta})) points.push_back(*p);
  return points;
}

std::array<glm::vec3, 3> DesignDots::hairline_handles(const Design& design) const {
  const HairlineShape shape = hairline(design);
  std::array<glm::vec3, 3> handles{};
  const PolarPoint at[3] = {shape.mid_frontal(), shape.left_corner(), shape.right_corner()};
  for (int i = 0; i < 3; ++i) handles[std::size_t(i)] = on_skin({shape.edge_r(at[i].theta), at[i].theta}).value_or(glm::vec3(0.0f));
  return handles;
}

void DesignDots::drag_handle(Design& design, int which, glm::vec3 p) const {
  const PolarPoint at = chart_of(p);
  HairlineDesign& h = design.hairline;
  if (which == 0) {
    h.height_mm = float(std::clamp(frame_.glabella.r - at.r, 50.0, 110.0));
    return;
  }
  const bool left = which == 1;
  const PolarPoint& landmark = left ? frame_.left_corner : frame_.right_corner;
  const double side = left ? 1.0 : -1.0, half_asymmetry = side * 0.5 * double(h.asymmetry_mm);
  h.temple_recession_mm = float(std::clamp(landmark.r - at.r - half_asymmetry, -10.0, 30.0));
  h.corner_offset_mm = float(std::clamp((at.theta - landmark.theta) * side * std::max(10.0, landmark.r), -20.0, 20.0));
}

void DesignDots::blend_zones(const Design& design) {
  if (vertex_density_.empty() || blended_for_ != design.zone_density) {
    vertex_density_ = blend_.per_vertex(design);
    blended_for_ = design.zone_density;
  }
}

std::vector<float> DesignDots::planned_density(const Design& design) {
  blend_zones(design);
  const HairlineShape shape = hairline(design);
  const PaintField paint(design);
  std::vector<float> density(mesh_.positions.size(), 0.0f);
  for (std::size_t v = 0; v < density.size(); ++v) {
    const PolarPoint p = chart_.vertices[v];
    density[v] = vertex_density_[v] * edge_factor(design.hairline, shape.edge_r(p.theta) - p.r);
    if (!paint.empty()) {
      density[v] = paint.density(mesh_.positions[v], density[v]);
      if (const auto scar = paint.scar(mesh_.positions[v])) density[v] += (design.scars[scar->scar].density_per_cm2 - density[v]) * scar->weight;
    }
  }
  return density;
}

TreatedArea DesignDots::treated_area(const Design& design) {
  const std::vector<float> density = planned_density(design);
  const PaintField paint(design);
  TreatedArea area;
  area.sessions = int(design.sessions.size());
  // Each triangle's area, a third to each corner: a vertex stands for the skin around it.
  for (std::size_t t = 0; t + 2 < mesh_.indices.size(); t += 3) {
    const std::uint32_t a = mesh_.indices[t], b = mesh_.indices[t + 1], c = mesh_.indices[t + 2];
    const double third_mm2 = glm::length(glm::cross(mesh_.positions[b] - mesh_.positions[a], mesh_.positions[c] - mesh_.positions[a])) / 6.0;
    for (std::uint32_t v : {a, b, c}) {
      if (density[v] < 1.0f) continue;
      area.treated_cm2 += third_mm2 / 100.0;
      if (!paint.empty())
        if (const auto scar = paint.scar(mesh_.positions[v]); scar && scar->weight > 0.5f) area.scar_cm2 += third_mm2 / 100.0;
    }
  }
  return area;
}

std::vector<glm::vec4> DesignDots::density_overlay(const Design& design) {
  std::vector<glm::vec4> colours;
  for (float density : planned_density(design))
    colours.push_back(glm::vec4(0.18f, 0.17f, 0.17f, std::min(1.0f, density / 120.0f)));  // 120 dots/cm2: full shadow
  return colours;
}

glm::vec3 heat_colour(float density_per_cm2) {
  // Blue (sparse) through green and yellow to red (kHeatMaxPerCm2 and over), sRGB.
  constexpr glm::vec3 kStops[] = {{0.15f, 0.25f, 0.85f}, {0.1f, 0.7f, 0.75f}, {0.2f, 0.75f, 0.2f}, {0.95f, 0.85f, 0.1f}, {0.9f, 0.15f, 0.1f}};
  const float t = std::clamp(density_per_cm2 / kHeatMaxPerCm2, 0.0f, 1.0f) * 4.0f;
  const int i = std::min(3, int(t));
  return glm::mix(kStops[i], kStops[i + 1], t - float(i));
}

std::vector<glm::vec4> DesignDots::density_heat(const Design& design) {
  std::vector<glm::vec4> colours;
  for (float density : planned_density(design))
    colours.push_back(density > 0.5f ? glm::vec4(heat_colour(density), 1.0f) : glm::vec4(0.0f));  // no dots: the skin
  return colours;
}

DesignDots::Result DesignDots::make(const Design& design) {
  blend_zones(design);
  const HairlineShape hairline(design.hairline, frame_);
  DesignedDensity density = designed_density(design, hairline, vertex_density_, places_, pool_.density_per_cm2);
  // Brush strokes and scars change the density where they were painted.
  const PaintField paint(design);
  std::vector<std::int16_t> scar_of(paint.empty() ? 0 : pool_.size(), -1);
  if (!paint.empty()) {
    const float per_pool = float(pool_.density_per_cm2);
    for (std::size_t i = 0; i < pool_.size(); ++i) {
      float d = paint.density(pool_.positions[i], density.fraction[i] * per_pool);
      if (const auto scar = paint.scar(pool_.positions[i])) {
        d += (design.scars[scar->scar].density_per_cm2 - d) * scar->weight;
        if (scar->weight > 0.5f) scar_of[i] = std::int16_t(scar->scar);
      }
      density.fraction[i] = std::min(1.0f, d / per_pool);
    }
  }
  SessionPlan plan;
  plan.cumulative.clear();
  for (const SessionDesign& s : design.sessions) plan.cumulative.push_back(s.cumulative_percent / 100.0f);
  // Kept as if the density were what it is a spacing down any slope (the hairline's graded band,
  // zones blended, a brush's edge), and the few dots near the edge of their share only where they
  // have room, so no dot crowds its sparser neighbours (slope_easing.h); the planned density
  // (target_per_cm2) stays as designed.
  const DotSelection selection = select_on_slopes(pool_, *neighbours_, density.fraction, plan);
  // A session whose own hairline sits higher leaves the dots ahead of it to a later session.
  std::vector<std::optional<HairlineShape>> session_lines(design.sessions.size());
  for (std::size_t k = 0; k < design.sessions.size(); ++k)
    if (design.sessions[k].hairline_raise_mm > 0.0f) session_lines[k].emplace(session_hairline(design, k), frame_);
  auto session_of = [&](std::uint32_t i, std::size_t session) {
    while (session + 1 < session_lines.size() && session_lines[session] && places_[i].polar.r > session_lines[session]->edge_r(places_[i].polar.theta))
      ++session;
    return session;
  };

  Result result;
  const std::size_t kept = selection.dots.size();
  result.instances.resize(kept), result.zones.resize(kept), result.chart.resize(kept), result.plane_mm.resize(kept);
  result.skin_metric.resize(skin_metric_.empty() ? 0 : kept), result.on_scar.resize(kept), result.soft_edge.resize(kept);
  result.target_per_cm2.resize(kept);
  // DOMAIN: a single needle and a lighter shade in the transition zone. Each impression varies a
  // little (+-12% in size, +-8% in shade), from a hash of the dot so it stays put. Each dot on its
  // own, half on the other core (a drag makes the design again every frame), each half counting
  // its own dots per session and zone.
  const float transition_dot = fresh_dot_mm(Needle::Single020);
  std::array<DotCounts, 2> halves;
  on_both_cores(kept, [&](std::size_t begin, std::size_t end) {
    DotCounts& counts = halves[begin == 0 ? 0 : 1];
    for (std::size_t k = begin; k < end; ++k) {
      const std::uint32_t i = selection.dots[k];
      const std::size_t session = session_of(i, std::min<std::size_t>(selection.session[k], design.sessions.size() - 1));
      const SessionDesign& plan_k = design.sessions[session];
      const bool soft = density.in_transition[i];
      const std::uint32_t h = i * 2654435761u;
      const float jitter_size = float((h >> 8) & 0xFF) / 255.0f - 0.5f, jitter_shade = float((h >> 16) & 0xFF) / 255.0f - 0.5f;
      float size = soft ? std::min(transition_dot, fresh_dot_mm(plan_k.needle)) : fresh_dot_mm(plan_k.needle);
      float shade = plan_k.pigment_percent / 100.0f * (soft ? 0.85f : 1.0f);
      const bool on_scar = !scar_of.empty() && scar_of[i] >= 0;
      if (on_scar) {  // scar tissue: the scar's own needle and pigment
        const ScarDesign& scar = design.scars[std::size_t(scar_of[i])];
        size = fresh_dot_mm(scar.needle);
        shade = scar.pigment_percent / 100.0f;
      }
      result.instances[k] = {pool_.positions[i], pool_.normals[i], size * (1.0f + 0.24f * jitter_size), float(session),
                             std::clamp(shade * (1.0f + 0.16f * jitter_shade), 0.0f, 1.0f)};
      counts.per_session_zone[session][static_cast<std::size_t>(zone_[i])] += 1;
      result.zones[k] = zone_[i];
      result.chart[k] = places_[i].polar;
      result.plane_mm[k] = plane_mm_[i];
      if (!skin_metric_.empty()) result.skin_metric[k] = skin_metric_[i];
      result.on_scar[k] = on_scar ? 1 : 0;
      result.soft_edge[k] = soft ? 1 : 0;
      result.target_per_cm2[k] = density.fraction[i] * float(pool_.density_per_cm2);
    }
  });
  for (const DotCounts& half : halves)
    for (std::size_t session = 0; session < kMaxSessions; ++session)
      for (std::size_t zone = 0; zone < kZoneCount; ++zone) result.counts.per_session_zone[session][zone] += half.per_session_zone[session][zone];
  result.counts.total = selection.dots.size();
  return result;
}

}  // namespace smp
