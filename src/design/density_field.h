#pragma once
// The design's density over the head: each zone's dots/cm2, blended across zone borders, cut at
// the designed hairline (and the head's own scalp edge elsewhere) with a soft transition zone and
// a few stray dots ahead of the line.
#include <array>
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

#include "core/mesh.h"
#include "design/design.h"
#include "design/hairline_shape.h"
#include "head/scalp_chart.h"

namespace smp {

// Per mesh vertex, each zone's density blended over about a centimetre across zone borders;
// vertices off the scalp take the density of the scalp nearest them, so a hairline drawn lower
// than the head's own edge still finds a density there.
class ZoneBlend {
 public:
  ZoneBlend(const Mesh& mesh, const std::vector<Zone>& vertex_zone);
  std::vector<float> per_vertex(const Design& design) const;  // dots/cm2

 private:
  std::vector<Zone> zone_;
  std::vector<std::uint32_t> first_, neighbours_;  // vertex adjacency: neighbours_[first_[v]..first_[v+1])
};

// Where each candidate dot sits, as the design reads it.
struct DotPlace {
  PolarPoint polar;     // in the scalp chart
  std::uint32_t vertex; // nearest mesh vertex
  // The corners of the mesh triangle it lies on and its weights there: per-vertex fields are read
  // between them, so the density does not step from one vertex's value to the next between
  // neighbouring dots. All weights zero: read at `vertex` alone.
  std::array<std::uint32_t, 3> corners{};
  glm::vec3 weights{0.0f};

  float read(const std::vector<float>& per_vertex) const;
};

struct DesignedDensity {
  std::vector<float> fraction;               // per dot, of the pool's density (what select_dots takes)
  std::vector<std::uint8_t> in_transition;   // 1 for dots in the soft edge or ahead of it
};

// The density at each place, as a fraction of `pool_density_per_cm2`.
DesignedDensity designed_density(const Design& design, const HairlineShape& hairline, const std::vector<float>& vertex_density,
                                 const std::vector<DotPlace>& places, double pool_density_per_cm2);

// How much of a zone's density is kept `depth_mm` behind the edge (negative: ahead of it).
float edge_factor(const HairlineDesign& hairline, double depth_mm);

}  // namespace smp
