#include "head/proportions_fit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/input_error.h"
#include "head/geodesic.h"

namespace smp {
namespace {

constexpr double kTolerance = 0.002;  // stop at 0.2%: well inside the 1% asked for
constexpr int kMaxIterations = 12;
constexpr double kMaxStretch = 0.4;

// Each figure runs round two of the head's three axes: circumference round width and length,
// ear to ear round width and height, glabella to inion round length and height. In log space,
// log(ratio) ~ A log(scale) with A the halves below; its inverse turns wanted ratios into stretches.
glm::dvec3 stretch_for(double circumference_ratio, double ear_ratio, double sagittal_ratio) {
  const double c = std::log(circumference_ratio), e = std::log(ear_ratio), g = std::log(sagittal_ratio);
  // A = 0.5 * [[1,0,1],[1,1,0],[0,1,1]] (rows: circumference, ear, sagittal; columns: x, y, z).
  const double x = c + e - g, y = -c + e + g, z = c - e + g;  // A^-1 = [[1,1,-1],[-1,1,1],[1,-1,1]]
  return {std::exp(x), std::exp(y), std::exp(z)};
}

void check(double wanted, double own, const char* name) {
  if (!(wanted > 0)) throw InputError(std::string(name) + " must be a positive length");
  if (std::abs(wanted / own - 1.0) > kMaxStretch) {
    char message[200];
    std::snprintf(message, sizeof message, "%s of %.1f cm is more than 40%% from this head's %.1f cm (wrong unit?)", name,
                  wanted / 10, own / 10);
    throw InputError(message);
  }
}

}  // namespace

ProportionsFit fit_proportions(const Mesh& mesh, const Landmarks& landmarks, const TapeMeasurements& wanted) {
  const HeadMeasurements own = measure_head(mesh, landmarks, GeodesicDistance(mesh));
  check(wanted.circumference_mm, own.circumference_mm, "head circumference");
  check(wanted.ear_to_ear_over_vertex_mm, own.ear_to_ear_over_vertex_mm, "ear to ear over the vertex");
  check(wanted.glabella_to_inion_over_vertex_mm, own.glabella_to_inion_over_vertex_mm, "glabella to inion over the vertex");

  const glm::vec3 centre = bounds_of(mesh).centre();
  ProportionsFit fit;
  fit.achieved = own;
  for (fit.iterations = 0; fit.iterations < kMaxIterations; ++fit.iterations) {
    const double rc = wanted.circumference_mm / fit.achieved.circumference_mm;
    const double re = wanted.ear_to_ear_over_vertex_mm / fit.achieved.ear_to_ear_over_vertex_mm;
    const double rg = wanted.glabella_to_inion_over_vertex_mm / fit.achieved.glabella_to_inion_over_vertex_mm;
    fit.worst_error = std::max({std::abs(rc - 1), std::abs(re - 1), std::abs(rg - 1)});
    if (fit.worst_error < kTolerance && fit.iterations > 0) break;
    fit.scale *= stretch_for(rc, re, rg);
    const glm::vec3 s(fit.scale);
    fit.mesh = mesh;
    for (glm::vec3& p : fit.mesh.positions) p = centre + (p - centre) * s;
    compute_smooth_normals(fit.mesh);
    for (std::size_t i = 0; i < kLandmarkCount; ++i) fit.landmarks.positions[i] = centre + (landmarks.positions[i] - centre) * s;
    fit.achieved = measure_head(fit.mesh, fit.landmarks, GeodesicDistance(fit.mesh));
  }
  fit.worst_error = std::max({std::abs(fit.achieved.circumference_mm / wanted.circumference_mm - 1),
                              std::abs(fit.achieved.ear_to_ear_over_vertex_mm / wanted.ear_to_ear_over_vertex_mm - 1),
                              std::abs(fit.achieved.glabella_to_inion_over_vertex_mm / wanted.glabella_to_inion_over_vertex_mm - 1)});
  return fit;
}

}  // namespace smp
