#include "head/scalp_zones.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

namespace smp {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kInnerFraction = 0.55;  // inside this share of the way to the edge: mid-scalp
// The crown: the whorl sits a little behind the vertex; the zone is a disc about 11 cm across.
constexpr double kCrownBehindVertexMm = 20.0;
constexpr double kCrownRadiusMm = 55.0;
constexpr double kSideReachBehindEar = 0.35;  // radians: the side zone wraps a little behind the ear

struct ZoneInfo {
  std::string_view key, label;
  glm::vec3 colour;
};
constexpr std::array<ZoneInfo, kZoneCount> kZones{{
    {"none", "Not scalp", {0.5f, 0.5f, 0.5f}},
    {"hairline_band", "Hairline band", {0.90f, 0.30f, 0.30f}},
    {"frontal", "Frontal", {0.98f, 0.62f, 0.20f}},
    {"mid_scalp", "Mid-scalp", {0.95f, 0.88f, 0.30f}},
    {"crown", "Crown / vertex", {0.45f, 0.80f, 0.35f}},
    {"left_temple", "Left temple", {0.30f, 0.80f, 0.90f}},
    {"right_temple", "Right temple", {0.95f, 0.55f, 0.75f}},
    {"left_parietal", "Left side", {0.35f, 0.45f, 0.95f}},
    {"right_parietal", "Right side", {0.65f, 0.35f, 0.85f}},
    {"occipital", "Occipital / nape", {0.40f, 0.65f, 0.60f}},
}};

double wrap(double theta) { return std::remainder(theta, 2 * kPi); }

}  // namespace

std::string_view zone_key(Zone zone) { return kZones[static_cast<std::size_t>(zone)].key; }
std::string_view zone_label(Zone zone) { return kZones[static_cast<std::size_t>(zone)].label; }
glm::vec3 zone_colour(Zone zone) { return kZones[static_cast<std::size_t>(zone)].colour; }

double ScalpBoundary::furthest() const {
  double r = 0;
  for (const PolarPoint& p : anchors) r = std::max(r, p.r);
  return r;
}

double ScalpBoundary::radius_at(double theta) const {
  theta = wrap(theta);
  // Linear between neighbouring anchors, going round through the back.
  for (std::size_t i = 0; i < anchors.size(); ++i) {
    const PolarPoint& a = anchors[i];
    const PolarPoint& b = anchors[(i + 1) % anchors.size()];
    double span = b.theta - a.theta, offset = theta - a.theta;
    if (span <= 0) span += 2 * kPi;
    if (offset < 0) offset += 2 * kPi;
    if (offset <= span) return a.r + (b.r - a.r) * offset / span;
  }
  return anchors.empty() ? 0.0 : anchors.front().r;
}

ScalpZones make_scalp_zones(const Mesh& mesh, const Landmarks& l, const ScalpChart& chart, const GeodesicDistance& geodesic) {
  auto at = [&](Landmark landmark) { return chart_point(chart, geodesic, l[landmark]); };
  const PolarPoint glabella = at(Landmark::Glabella), nape = at(Landmark::Nape);
  ScalpZones zones;
  auto& anchors = zones.boundary.anchors;
  anchors.push_back({glabella.r - kMidFrontalAboveGlabellaMm, 0.0});
  anchors.push_back({nape.r, kPi});
  struct SideBounds {
    double sign;
    PolarPoint temple, ear;
    double ear_front, ear_back;  // directions bounding the side zone
  };
  std::array<SideBounds, 2> sides{};
  for (int s = 0; s < 2; ++s) {
    const double sign = s == 0 ? 1.0 : -1.0;  // +: the patient's left
    const PolarPoint temple = at(s == 0 ? Landmark::LeftFrontotemporal : Landmark::RightFrontotemporal);
    const PolarPoint ear = at(s == 0 ? Landmark::LeftEarTop : Landmark::RightEarTop);
    const double ear_theta = std::abs(ear.theta);
    sides[s] = {sign, temple, ear, ear_theta - 0.22, ear_theta + 0.30};
    anchors.push_back(temple);
    anchors.push_back({ear.r + 25.0, sign * sides[s].ear_front});  // the sideburn, down in front of the ear
    anchors.push_back({ear.r - 10.0, sign * ear_theta});           // 1 cm above the ear top
    anchors.push_back({ear.r + 30.0, sign * sides[s].ear_back});   // behind the ear, down to the mastoid
    anchors.push_back({nape.r - 5.0, sign * (kPi - 0.45)});        // nape corner
  }
  for (PolarPoint& a : anchors) a.theta = wrap(a.theta);
  std::sort(anchors.begin(), anchors.end(), [](const PolarPoint& a, const PolarPoint& b) { return a.theta < b.theta; });

  zones.vertex_zone.assign(mesh.positions.size(), Zone::None);
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    const PolarPoint p = chart.vertices[i];
    const double edge = zones.boundary.radius_at(p.theta);
    if (p.r > edge) continue;
    const SideBounds& side = p.theta >= 0 ? sides[0] : sides[1];
    const bool left = p.theta >= 0;
    const double a = std::abs(p.theta);
    const bool inner = p.r < kInnerFraction * edge;
    Zone zone;
    if (glm::length(ScalpChart::plane(p) - glm::dvec2(0, -kCrownBehindVertexMm)) < kCrownRadiusMm) zone = Zone::Crown;
    else if (a <= std::abs(side.temple.theta))
      zone = edge - p.r <= kHairlineBandMm ? Zone::HairlineBand : inner ? Zone::MidScalp : Zone::Frontal;
    else if (inner && a <= kPi / 2) zone = Zone::MidScalp;
    else if (a <= side.ear_front) zone = left ? Zone::LeftTemple : Zone::RightTemple;
    else if (a <= side.ear_back + kSideReachBehindEar) zone = left ? Zone::LeftParietal : Zone::RightParietal;
    else zone = Zone::Occipital;
    zones.vertex_zone[i] = zone;
  }
  // Each triangle's area goes a third to each corner's zone.
  for (std::size_t f = 0; f + 2 < mesh.indices.size(); f += 3) {
    const glm::vec3 &a = mesh.positions[mesh.indices[f]], &b = mesh.positions[mesh.indices[f + 1]],
                    &c = mesh.positions[mesh.indices[f + 2]];
    const double third = glm::length(glm::cross(b - a, c - a)) / 6.0;
    for (int k = 0; k < 3; ++k) {
      const Zone z = zones.vertex_zone[mesh.indices[f + k]];
      if (z != Zone::None) zones.area_mm2[static_cast<std::size_t>(z)] += third;
    }
  }
  for (double area : zones.area_mm2) zones.scalp_area_mm2 += area;
  return zones;
}

}  // namespace smp
