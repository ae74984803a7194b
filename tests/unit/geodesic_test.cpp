// Distances along the surface against analytic values: a sphere (great circles) and an ellipsoid
// (its principal meridians are geodesics whose lengths are elliptic arcs).
#include <cmath>
#include <cstdio>
#include <numbers>

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include "core/mesh_primitives.h"
#include "head/geodesic.h"

namespace smp {
namespace {

constexpr double kPi = std::numbers::pi;

// Length of the arc of the ellipse (a cos s, b sin s) for s in [0, end], by Simpson's rule.
double ellipse_arc(double a, double b, double end) {
  const int n = 20000;
  auto speed = [&](double s) { return std::hypot(a * std::sin(s), b * std::cos(s)); };
  double sum = speed(0) + speed(end);
  for (int i = 1; i < n; ++i) sum += (i % 2 ? 4 : 2) * speed(end * i / n);
  return sum * end / (3.0 * n);
}

TEST(Geodesic, SphereGreatCirclesWithinOnePercent) {
  const double R = 100.0;
  const Mesh sphere = make_icosphere(float(R), 5);  // 20,480 triangles, edges ~3.8 mm
  const GeodesicDistance geodesic(sphere);
  const std::vector<double> d = geodesic.from_point({0, float(R), 0});  // north pole
  double worst = 0.0;
  for (std::size_t i = 0; i < sphere.positions.size(); ++i) {
    const double angle = std::acos(std::clamp(double(sphere.positions[i].y) / R, -1.0, 1.0));
    if (angle < kPi / 8) continue;  // close to the source every method's relative error grows
    const double exact = R * angle;
    worst = std::max(worst, std::abs(d[i] - exact) / exact);
  }
  std::printf("sphere R=100 mm: worst relative error %.3f%% beyond 22.5 deg from the source\n", 100 * worst);
  EXPECT_LT(worst, 0.01);
  // The half great circle "ear to ear over the vertex" of a sphere: from the pole, both equator points.
  const auto east = geodesic.nearest_vertex({float(R), 0, 0}), west = geodesic.nearest_vertex({-float(R), 0, 0});
  EXPECT_NEAR(d[east] + d[west], kPi * R, 0.01 * kPi * R);
}

TEST(Geodesic, EllipsoidMeridiansWithinOnePercent) {
  const double a = 75, b = 100, c = 95;  // a head-like ellipsoid: half-width, half-height, half-length
  Mesh ellipsoid = make_icosphere(1.0f, 5);
  for (glm::vec3& p : ellipsoid.positions) p *= glm::vec3(float(a), float(b), float(c));
  const GeodesicDistance geodesic(ellipsoid);
  const std::vector<double> d = geodesic.from_point({0, float(b), 0});  // the top
  // Over the top to each side (a coronal meridian) and to the front (a sagittal one).
  const double side = ellipse_arc(a, b, kPi / 2), front = ellipse_arc(c, b, kPi / 2);
  const double to_side = d[geodesic.nearest_vertex({float(a), 0, 0})];
  const double to_front = d[geodesic.nearest_vertex({0, 0, float(c)})];
  const double to_back_low = d[geodesic.nearest_vertex({0, float(-b * std::sin(kPi / 6)), float(-c * std::cos(kPi / 6))})];
  const double back_low = ellipse_arc(c, b, kPi / 2 + kPi / 6);
  std::printf("ellipsoid 75x100x95 mm: side %.2f vs %.2f, front %.2f vs %.2f, back %.2f vs %.2f mm\n", to_side, side,
              to_front, front, to_back_low, back_low);
  EXPECT_NEAR(to_side, side, 0.01 * side);
  EXPECT_NEAR(to_front, front, 0.01 * front);
  EXPECT_NEAR(to_back_low, back_low, 0.01 * back_low);
}

TEST(Geodesic, SeveralSourcesGiveTheDistanceToTheNearest) {
  const Mesh sphere = make_icosphere(50.0f, 4);
  const GeodesicDistance geodesic(sphere);
  const std::uint32_t poles[2] = {geodesic.nearest_vertex({0, 50, 0}), geodesic.nearest_vertex({0, -50, 0})};
  const std::vector<double> d = geodesic.from_vertices(poles);
  EXPECT_NEAR(d[poles[0]], 0.0, 1e-9);
  EXPECT_NEAR(d[poles[1]], 0.0, 0.5);
  EXPECT_NEAR(d[geodesic.nearest_vertex({50, 0, 0})], 50.0 * kPi / 2, 0.02 * 50.0 * kPi / 2);
}

}  // namespace
}  // namespace smp
