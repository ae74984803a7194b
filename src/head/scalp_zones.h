#pragma once
// The treatable scalp and the zones practitioners talk about, found from the landmarks in the
// scalp chart, with their areas measured on the skin.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "core/mesh.h"
#include "head/landmarks.h"
#include "head/scalp_chart.h"

namespace smp {

enum class Zone : std::uint8_t {
  None,           // not scalp: face, ears, neck
  HairlineBand,   // the first 2 cm behind the front edge, between the temple corners
  Frontal,
  MidScalp,
  Crown,          // vertex and crown
  LeftTemple,
  RightTemple,
  LeftParietal,   // the sides above the ears
  RightParietal,
  Occipital,      // the back and the nape
};
constexpr std::size_t kZoneCount = 10;

std::string_view zone_key(Zone zone);    // "left_temple"
std::string_view zone_label(Zone zone);  // "Left temple"
glm::vec3 zone_colour(Zone zone);        // sRGB, for overlays and maps

// Where the scalp ends, as a distance from the vertex for each direction around it (the scalp is
// star-shaped seen from the vertex): through the mid-frontal point 8 cm above the glabella, the
// temple corners, in front of and 1 cm above the ears, and down to the nape.
struct ScalpBoundary {
  std::vector<PolarPoint> anchors;  // sorted by theta in (-pi, pi]
  double radius_at(double theta) const;
  double furthest() const;  // mm from the vertex: the edge's furthest point (an anchor: linear between them)
};

struct ScalpZones {
  ScalpBoundary boundary;
  std::vector<Zone> vertex_zone;                 // per mesh vertex
  std::array<double, kZoneCount> area_mm2{};     // per zone, on the skin
  double scalp_area_mm2 = 0;                     // all zones together
};

constexpr double kHairlineBandMm = 20.0;          // DOMAIN: the hairline region is 2-3 cm deep
constexpr double kMidFrontalAboveGlabellaMm = 80.0;

ScalpZones make_scalp_zones(const Mesh& mesh, const Landmarks& landmarks, const ScalpChart& chart,
                            const GeodesicDistance& geodesic);

}  // namespace smp
