#pragma once
// Fits a head to a patient measured with a tape: the three figures a practitioner can take
// (circumference, ear to ear over the vertex, glabella to inion over the vertex) are met by
// stretching the head smoothly along its width, height and length.
#include <string>

#include <glm/vec3.hpp>

#include "core/mesh.h"
#include "head/landmarks.h"
#include "head/measurements.h"

namespace smp {

struct TapeMeasurements {
  double circumference_mm = 0;
  double ear_to_ear_over_vertex_mm = 0;
  double glabella_to_inion_over_vertex_mm = 0;
};

struct ProportionsFit {
  Mesh mesh;                  // the stretched head
  Landmarks landmarks;        // moved with it
  glm::dvec3 scale{1.0};      // width (x), height (y), length (z) factors applied about the head's centre
  HeadMeasurements achieved;  // measured on the stretched head
  double worst_error = 0;     // largest |achieved / wanted - 1| of the three figures
  int iterations = 0;
};

// Throws InputError when a figure is missing, not positive, or more than 40% from the head's
// own (a typo, or the wrong unit): stretching that far would no longer look like a head.
ProportionsFit fit_proportions(const Mesh& mesh, const Landmarks& landmarks, const TapeMeasurements& wanted);

}  // namespace smp
