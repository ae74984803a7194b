#pragma once
// A flat chart of the scalp: azimuthal equidistant from the vertex. Each point of the head is
// placed at its distance along the skin from the vertex (r, in mm) and its direction around the
// vertex (theta: 0 towards the forehead, positive towards the patient's left). Hairlines, zones
// and the printed session maps are drawn in this chart.
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "core/mesh.h"
#include "head/geodesic.h"
#include "head/landmarks.h"

namespace smp {

struct PolarPoint {
  double r = 0;      // mm along the skin from the vertex
  double theta = 0;  // radians, 0 = forehead, +pi/2 = patient's left, +-pi = back
};

struct ScalpChart {
  std::vector<PolarPoint> vertices;  // one per mesh vertex

  // The chart's plane coordinates in mm: forehead up (+y), the patient's left on the left (-x),
  // as the artist sees the scalp standing behind the chair.
  static glm::dvec2 plane(const PolarPoint& p);
  static PolarPoint polar(glm::dvec2 plane_mm);  // the inverse
};

// Direction is measured in the tangent plane at the vertex landmark, with 0 towards the glabella.
// Exact for a head that is star-shaped seen from its vertex (every head); distortion is reported.
ScalpChart make_scalp_chart(const Mesh& mesh, const Landmarks& landmarks, const GeodesicDistance& geodesic);

// Where a point on the head (a landmark) falls in the chart: from the vertex nearest to it.
PolarPoint chart_point(const ScalpChart& chart, const GeodesicDistance& geodesic, glm::vec3 point);

struct ChartDistortion {
  double area_error = 0;   // mean |chart area / skin area - 1| over the charted triangles, area-weighted
  double angle_error = 0;  // mean (largest / smallest stretch - 1): 0 for a conformal chart
};

// Over the triangles whose three vertices lie within `max_r` mm of the vertex.
ChartDistortion chart_distortion(const Mesh& mesh, const ScalpChart& chart, double max_r);

}  // namespace smp
