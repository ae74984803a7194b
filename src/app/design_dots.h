#pragma once
// The dots a design keeps on a prepared head: the pool's candidates are placed in the scalp chart
// once, then selected again whenever the design changes (a few ms per 100k candidates).
#include <array>
#include <vector>

#include "design/density_field.h"
#include "design/design.h"
#include "design/hairline_shape.h"
#include "dots/dot_pool.h"
#include "dots/selection.h"
#include "head/anatomy.h"
#include "render/dot_pass.h"

namespace smp {

struct DotCounts {
  std::array<std::array<std::size_t, kZoneCount>, kMaxSessions> per_session_zone{};  // new dots of each session, by zone
  std::size_t total = 0;
  std::size_t in_session(std::size_t session) const;
};

class DesignDots {
 public:
  // Keeps references to `pool` and `anatomy`: they must outlive this.
  DesignDots(const Mesh& mesh, const Landmarks& landmarks, const Anatomy& anatomy, const GeodesicDistance& geodesic, const DotPool& pool);

  struct Result {
    std::vector<DotInstance> instances;
    DotCounts counts;
  };
  Result make(const Design& design);
  HairlineShape hairline(const Design& design) const { return HairlineShape(design.hairline, frame_); }

 private:
  const DotPool& pool_;
  HairlineFrame frame_;
  std::vector<DotPlace> places_;
  std::vector<Zone> zone_;  // of each candidate; off the head's scalp: the hairline band
  ZoneBlend blend_;
  std::array<float, kZoneCount> blended_for_{};  // the zone densities vertex_density_ was blended from
  std::vector<float> vertex_density_;
};

}  // namespace smp
