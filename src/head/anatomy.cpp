#include "head/anatomy.h"

#include "head/chart_plane.h"

#include <algorithm>

namespace smp {

Anatomy prepare_anatomy(const Mesh& mesh, const Landmarks& landmarks, const GeodesicDistance& geodesic) {
  Anatomy a;
  a.measurements = measure_head(mesh, landmarks, geodesic);
  a.chart = make_scalp_chart(mesh, landmarks, geodesic);
  a.zones = make_scalp_zones(mesh, landmarks, a.chart, geodesic);
  const double reach = a.zones.boundary.furthest();
  a.chart_distortion = chart_distortion(mesh, a.chart, reach);
  a.chart_plane = chart_plane(mesh, a.chart, reach + 10.0);
  return a;
}

}  // namespace smp
