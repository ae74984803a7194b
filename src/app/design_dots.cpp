#include "app/design_dots.h"

#include <algorithm>

#include "dots/head_dots.h"

namespace smp {

std::size_t DotCounts::in_session(std::size_t session) const {
  std::size_t n = 0;
  for (std::size_t c : per_session_zone[session]) n += c;
  return n;
}

DesignDots::DesignDots(const Mesh& mesh, const Landmarks& landmarks, const Anatomy& anatomy, const GeodesicDistance& geodesic,
                       const DotPool& pool)
    : pool_(pool), blend_(mesh, anatomy.zones.vertex_zone) {
  frame_.glabella = chart_point(anatomy.chart, geodesic, landmarks[Landmark::Glabella]);
  frame_.left_corner = chart_point(anatomy.chart, geodesic, landmarks[Landmark::LeftFrontotemporal]);
  frame_.right_corner = chart_point(anatomy.chart, geodesic, landmarks[Landmark::RightFrontotemporal]);
  frame_.scalp_edge = anatomy.zones.boundary;
  const std::vector<std::uint32_t> nearest = nearest_vertices(pool, mesh);
  places_.resize(pool.size());
  zone_.assign(pool.size(), Zone::None);
  for (std::size_t i = 0; i < pool.size(); ++i) {
    if (nearest[i] == kNoVertex) {
      places_[i] = {{1e9, 0.0}, 0};  // far off the chart: never kept
      continue;
    }
    places_[i] = {anatomy.chart.vertices[nearest[i]], nearest[i]};
    zone_[i] = anatomy.zones.vertex_zone[nearest[i]];
    if (zone_[i] == Zone::None) zone_[i] = Zone::HairlineBand;  // kept only where a lower hairline reaches
  }
}

DesignDots::Result DesignDots::make(const Design& design) {
  if (vertex_density_.empty() || blended_for_ != design.zone_density) {
    vertex_density_ = blend_.per_vertex(design);
    blended_for_ = design.zone_density;
  }
  const HairlineShape hairline(design.hairline, frame_);
  const DesignedDensity density = designed_density(design, hairline, vertex_density_, places_, pool_.density_per_cm2);
  SessionPlan plan;
  plan.cumulative.clear();
  for (const SessionDesign& s : design.sessions) plan.cumulative.push_back(s.cumulative_percent / 100.0f);
  const DotSelection selection = select_dots(pool_, density.fraction, plan);

  Result result;
  result.instances.reserve(selection.dots.size());
  // DOMAIN: a single needle and a lighter shade in the transition zone. Each impression varies a
  // little (+-12% in size, +-8% in shade), from a hash of the dot so it stays put.
  const float transition_dot = fresh_dot_mm(Needle::Single020);
  for (std::size_t k = 0; k < selection.dots.size(); ++k) {
    const std::uint32_t i = selection.dots[k];
    const std::size_t session = std::min<std::size_t>(selection.session[k], design.sessions.size() - 1);
    const SessionDesign& plan_k = design.sessions[session];
    const bool soft = density.in_transition[i];
    const std::uint32_t h = i * 2654435761u;
    const float jitter_size = float((h >> 8) & 0xFF) / 255.0f - 0.5f, jitter_shade = float((h >> 16) & 0xFF) / 255.0f - 0.5f;
    const float size = soft ? std::min(transition_dot, fresh_dot_mm(plan_k.needle)) : fresh_dot_mm(plan_k.needle);
    const float shade = plan_k.pigment_percent / 100.0f * (soft ? 0.85f : 1.0f);
    result.instances.push_back({pool_.positions[i], pool_.normals[i], size * (1.0f + 0.24f * jitter_size), float(session),
                                std::clamp(shade * (1.0f + 0.16f * jitter_shade), 0.0f, 1.0f)});
    result.counts.per_session_zone[session][static_cast<std::size_t>(zone_[i])] += 1;
  }
  result.counts.total = selection.dots.size();
  return result;
}

}  // namespace smp
