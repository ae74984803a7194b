#pragma once
// Where the designed hairline runs on a head: for each direction around the vertex in the scalp
// chart, how far from the vertex the dots stop. The front follows the design (height above the
// glabella, temple corners, rounding, widow's peak, asymmetry, irregularity); the sides and back
// follow the head's scalp edge, and the two meet smoothly past the temple corners.
#include <vector>

#include "design/design.h"
#include "head/scalp_chart.h"
#include "head/scalp_zones.h"

namespace smp {

// The landmarks the hairline is placed by, in the head's scalp chart.
struct HairlineFrame {
  PolarPoint glabella;
  PolarPoint left_corner, right_corner;  // the frontotemporal landmarks
  ScalpBoundary scalp_edge;              // the head's own edge, for the sides and back
};

class HairlineShape {
 public:
  HairlineShape(const HairlineDesign& design, const HairlineFrame& frame);

  // mm from the vertex along the skin; theta as in the chart (0: forehead, +: patient's left).
  double edge_r(double theta) const;
  // The mid-frontal point and the two corners as the design places them.
  PolarPoint mid_frontal() const { return mid_; }
  PolarPoint left_corner() const { return left_; }
  PolarPoint right_corner() const { return right_; }

 private:
  double compute(double theta) const;

  HairlineDesign design_;
  HairlineFrame frame_;
  PolarPoint mid_, left_, right_;
  double phase_[4] = {};
  std::vector<double> table_;  // edge_r sampled evenly over (-pi, pi]
};

}  // namespace smp
