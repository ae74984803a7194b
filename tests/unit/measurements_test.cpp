// Tape measurements on shapes whose answers are known: a sphere and a head-sized ellipsoid.
#include <cmath>
#include <cstdio>
#include <numbers>

#include <gtest/gtest.h>

#include "core/mesh_primitives.h"
#include "head/measurements.h"

namespace smp {
namespace {

constexpr double kPi = std::numbers::pi;

// Perimeter of an ellipse with semi-axes a, b (Ramanujan's second formula: error ~1e-10 here).
double ellipse_perimeter(double a, double b) {
  const double h = (a - b) * (a - b) / ((a + b) * (a + b));
  return kPi * (a + b) * (1 + 3 * h / (10 + std::sqrt(4 - 3 * h)));
}

// Landmarks where a head-shaped ellipsoid (half-axes x: a, y: b, z: c) has them.
Landmarks ellipsoid_landmarks(float a, float b, float c) {
  Landmarks l;
  l[Landmark::Glabella] = {0, 0, c};
  l[Landmark::Inion] = {0, 0, -c};
  l[Landmark::LeftEarTop] = {a, 0, 0};
  l[Landmark::RightEarTop] = {-a, 0, 0};
  l[Landmark::Vertex] = {0, b, 0};
  return l;
}

TEST(Measurements, SphereWithinOnePercent) {
  const double R = 90;
  const Mesh sphere = make_icosphere(float(R), 5);
  const GeodesicDistance geodesic(sphere);
  const HeadMeasurements m = measure_head(sphere, ellipsoid_landmarks(90, 90, 90), geodesic);
  std::printf("sphere R=90: circumference %.1f (%.1f), ear-ear %.1f (%.1f), glabella-inion %.1f, glabella-vertex %.1f (%.1f) mm\n",
              m.circumference_mm, 2 * kPi * R, m.ear_to_ear_over_vertex_mm, kPi * R, m.glabella_to_inion_over_vertex_mm,
              m.glabella_to_vertex_mm, kPi * R / 2);
  EXPECT_NEAR(m.circumference_mm, 2 * kPi * R, 0.01 * 2 * kPi * R);
  EXPECT_NEAR(m.ear_to_ear_over_vertex_mm, kPi * R, 0.01 * kPi * R);
  EXPECT_NEAR(m.glabella_to_inion_over_vertex_mm, kPi * R, 0.01 * kPi * R);
  EXPECT_NEAR(m.glabella_to_vertex_mm, kPi * R / 2, 0.01 * kPi * R / 2);
}

TEST(Measurements, EllipsoidWithinOnePercent) {
  const float a = 75, b = 100, c = 95;
  Mesh ellipsoid = make_icosphere(1.0f, 5);
  for (glm::vec3& p : ellipsoid.positions) p *= glm::vec3(a, b, c);
  const GeodesicDistance geodesic(ellipsoid);
  const HeadMeasurements m = measure_head(ellipsoid, ellipsoid_landmarks(a, b, c), geodesic);
  const double around = ellipse_perimeter(a, c), ear_ear = ellipse_perimeter(a, b) / 2, front_back = ellipse_perimeter(c, b) / 2;
  std::printf("ellipsoid 75x100x95: circumference %.1f (%.1f), ear-ear %.1f (%.1f), glabella-inion %.1f (%.1f) mm\n",
              m.circumference_mm, around, m.ear_to_ear_over_vertex_mm, ear_ear, m.glabella_to_inion_over_vertex_mm, front_back);
  EXPECT_NEAR(m.circumference_mm, around, 0.01 * around);
  EXPECT_NEAR(m.ear_to_ear_over_vertex_mm, ear_ear, 0.01 * ear_ear);
  EXPECT_NEAR(m.glabella_to_inion_over_vertex_mm, front_back, 0.01 * front_back);
  EXPECT_NEAR(m.glabella_to_vertex_mm, front_back / 2, 0.01 * front_back / 2);
}

TEST(Measurements, TapeBridgesHollowsAndIgnoresSmallLoops) {
  // A sphere with a dent: the tape spans the dent, so the circumference stays that of the sphere.
  Mesh dented = make_icosphere(90.0f, 5);
  for (glm::vec3& p : dented.positions)
    if (p.z > 80) p.z = 80 - (p.z - 80);  // push the front cap inward
  // A loose crumb beside the head in the same plane (a scan artefact, or an ear cut through its
  // rim): a separate loop, left out of the tape.
  const Mesh crumb = make_icosphere(5.0f, 2);
  const auto base = static_cast<std::uint32_t>(dented.positions.size());
  for (const glm::vec3& p : crumb.positions) dented.positions.push_back(p + glm::vec3(110, 0, 0));
  for (std::uint32_t i : crumb.indices) dented.indices.push_back(base + i);
  const double R = 90;
  EXPECT_NEAR(tape_circumference(dented, {0, 0, 80}, {0, 0, -90}), 2 * kPi * R, 0.02 * 2 * kPi * R);
}

}  // namespace
}  // namespace smp
