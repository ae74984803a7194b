#pragma once
// Everything the program knows about a head once its landmarks are placed: measurements, the
// scalp chart and the zones. Made once per head (and again when a landmark moves).
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
};

Anatomy prepare_anatomy(const Mesh& mesh, const Landmarks& landmarks, const GeodesicDistance& geodesic);

}  // namespace smp
