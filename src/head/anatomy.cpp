#include "head/anatomy.h"

#include "head/chart_plane.h"

#include <algorithm>

namespace smp {

Anatomy prepare_anatomy(const Mesh& mesh, const Landmarks& landmarks, const GeodesicDistance& geodesic) {
  Anatomy a;
  a.chart = make_scalp_chart(mesh, landmarks, geodesic);
  // The chart's radius is the distance from the vertex that measuring needs: made once.
  std::vector<double> from_vertex(a.chart.vertices.size());
  for (std::size_t v = 0; v < from_vertex.size(); ++v) from_vertex[v] = a.chart.vertices[v].r;
  a.measurements = measure_head(mesh, landmarks, geodesic, from_vertex);
  a.zones = make_scalp_zones(mesh, landmarks, a.chart, geodesic);
  const double reach = a.zones.boundary.furthest();
  a.chart_distortion = chart_distortion(mesh, a.chart, reach);
  a.chart_plane = chart_plane(mesh, a.chart, reach + 10.0);
  return a;
}

}  // namespace smp
