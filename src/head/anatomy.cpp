#include "head/anatomy.h"

#include <algorithm>

namespace smp {

Anatomy prepare_anatomy(const Mesh& mesh, const Landmarks& landmarks, const GeodesicDistance& geodesic) {
  Anatomy a;
  a.measurements = measure_head(mesh, landmarks, geodesic);
  a.chart = make_scalp_chart(mesh, landmarks, geodesic);
  a.zones = make_scalp_zones(mesh, landmarks, a.chart, geodesic);
  double reach = 0;  // the scalp's furthest edge from the vertex
  for (const PolarPoint& p : a.zones.boundary.anchors) reach = std::max(reach, p.r);
  a.chart_distortion = chart_distortion(mesh, a.chart, reach);
  return a;
}

}  // namespace smp
