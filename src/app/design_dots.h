#pragma once
// The dots a design keeps on a prepared head: the pool's candidates are placed in the scalp chart
// once, then selected again whenever the design changes (a few ms per 100k candidates).
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "design/density_field.h"
#include "design/design.h"
#include "design/hairline_shape.h"
#include "design/quote.h"
#include "dots/dot_pool.h"
#include "dots/pool_neighbours.h"
#include "dots/selection.h"
#include "head/anatomy.h"
#include "render/dot_pass.h"

namespace smp {

struct DotCounts {
  std::array<std::array<std::size_t, kZoneCount>, kMaxSessions> per_session_zone{};  // new dots of each session, by zone
  std::size_t total = 0;
  std::size_t in_session(std::size_t session) const;
};

// The heat map's colour for a planned density (sRGB): blue when sparse, red at kHeatMaxPerCm2.
inline constexpr float kHeatMaxPerCm2 = 150.0f;
glm::vec3 heat_colour(float density_per_cm2);

class DesignDots {
 public:
  // Keeps references to `pool` and `anatomy`: they must outlive this. `neighbours`: the pool's
  // neighbour lists where already found (they depend on the pool alone: the window finds them with
  // the pool, off the drawing thread, and keeps them when only the landmarks move); found here
  // otherwise (0.15 s for the bundled head's pool).
  DesignDots(const Mesh& mesh, const Landmarks& landmarks, const Anatomy& anatomy, const GeodesicDistance& geodesic, const DotPool& pool,
             std::shared_ptr<const PoolNeighbours> neighbours = nullptr);

  struct Result {
    std::vector<DotInstance> instances;
    std::vector<Zone> zones;      // of each instance
    std::vector<PolarPoint> chart;  // of each instance, in the scalp chart (between its triangle's corners)
    std::vector<glm::vec2> plane_mm;  // of each instance, in the chart plane, exact (the baked pigment's place)
    std::vector<glm::vec3> skin_metric;  // of each instance: how the chart stretches the skin there (chart_skin_metric)
    std::vector<std::uint8_t> on_scar;  // of each instance: 1 where it lies in scar tissue (it fades faster)
    std::vector<std::uint8_t> soft_edge;  // of each instance: 1 in the hairline's soft edge or the strays ahead of it
    std::vector<float> target_per_cm2;  // of each instance: the density planned where it lies (graded, painted)
    DotCounts counts;
  };
  Result make(const Design& design);
  HairlineShape hairline(const Design& design) const { return HairlineShape(design.hairline, frame_); }
  // Points along the designed front hairline on the skin, about 2 mm apart, from past one temple
  // corner to past the other: what the window draws as the line.
  std::vector<glm::vec3> hairline_points(const Design& design) const;
  // The three handles of the hairline on the skin: mid-frontal point, left and right corner.
  std::array<glm::vec3, 3> hairline_handles(const Design& design) const;
  const ScalpBoundary& scalp_edge() const { return frame_.scalp_edge; }
  const HairlineFrame& hairline_frame() const { return frame_; }
  // Moves handle `which` (as hairline_handles) to a point on the skin: the mid-frontal point sets
  // the height, a corner sets the temple recession and corner position of both corners.
  void drag_handle(Design& design, int which, glm::vec3 on_skin) const;
  // Per mesh vertex, the planned density as a shadow over the skin (darker where denser): where
  // the dots go, readable from across the room. An overlay, not the pigment's true look.
  std::vector<glm::vec4> density_overlay(const Design& design);
  // Per mesh vertex, the planned density as a heat map (heat_colour), skin where no dots go.
  std::vector<glm::vec4> density_heat(const Design& design);
  // The skin the design treats, measured on the mesh: where its planned density is at least
  // 1 dot/cm2, and of that the scar tissue (painted scars' cores). What the quote is priced on.
  TreatedArea treated_area(const Design& design);

 private:
  std::vector<float> planned_density(const Design& design);  // per vertex, dots/cm2
  const DotPool& pool_;
  std::shared_ptr<const PoolNeighbours> neighbours_;  // the pool's: where slopes in the density are read
  const Mesh& mesh_;
  const ScalpChart& chart_;
  // Mesh vertices near the front of the chart, bucketed by their chart-plane position (3 mm cells).
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> chart_cells_;
  void blend_zones(const Design& design);
  std::optional<glm::vec3> on_skin(PolarPoint at) const;  // the skin at a chart point, if the chart reaches it
  PolarPoint chart_of(glm::vec3 on_skin) const;
  HairlineFrame frame_;
  std::vector<DotPlace> places_;
  std::vector<glm::vec2> plane_mm_;  // of each candidate, exact
  std::vector<glm::vec3> skin_metric_;  // of each candidate
  std::vector<Zone> zone_;  // of each candidate; off the head's scalp: the hairline band
  ZoneBlend blend_;
  std::array<float, kZoneCount> blended_for_{};  // the zone densities vertex_density_ was blended from
  std::vector<float> vertex_density_;
};

}  // namespace smp
