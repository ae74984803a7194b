#pragma once
// Everything the program knows about a head once its landmarks are placed: measurements, the
// scalp chart and the zones. Made once per head (and again when a landmark moves).
#include <vector>

#include <glm/vec2.hpp>

#include "head/geodesic.h"
#include "head/landmarks.h"
#include "head/measurements.h"
#include "head/scalp_chart.h"
#include "head/scalp_zones.h"

namespace smp {

struct Anatomy {
  HeadMeasurements measurements;
  ScalpChart chart;
  ScalpZones zones;
  ChartDistortion chart_distortion;  // over the scalp
  // Each vertex's place in the chart laid flat (chart_plane): welded at seams, untangled over the
  // scalp and a centimetre beyond. What pictures over the scalp (the baked pigment) are laid by.
  std::vector<glm::vec2> chart_plane;
};

Anatomy prepare_anatomy(const Mesh& mesh, const Landmarks& landmarks, const GeodesicDistance& geodesic);

}  // namespace smp
