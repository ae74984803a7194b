#pragma once
// The tape-measure figures a practitioner takes on a patient, measured on the mesh along the skin.
#include <span>

#include "core/mesh.h"
#include "head/geodesic.h"
#include "head/landmarks.h"

namespace smp {

struct HeadMeasurements {
  double circumference_mm = 0;                     // around the head through glabella and inion
  double ear_to_ear_over_vertex_mm = 0;            // ear top to ear top, over the top of the head
  double glabella_to_inion_over_vertex_mm = 0;     // front to back over the top
  double glabella_to_vertex_mm = 0;
};

// Circumference: the outline of the head in the plane through the glabella and the inion that is
// level from ear to ear, wrapped like a tape (it bridges hollows: the convex hull of the outline).
// The others are shortest paths on the skin through the vertex.
HeadMeasurements measure_head(const Mesh& mesh, const Landmarks& landmarks, const GeodesicDistance& geodesic);
// The same with the distance along the skin from the vertex landmark's nearest vertex to every
// vertex already made (the scalp chart's radius): the costly part of measuring.
HeadMeasurements measure_head(const Mesh& mesh, const Landmarks& landmarks, const GeodesicDistance& geodesic, std::span<const double> from_vertex);

// The tape around the head in the plane through `a` and `b` that contains the X axis direction.
double tape_circumference(const Mesh& mesh, glm::vec3 a, glm::vec3 b);

}  // namespace smp
