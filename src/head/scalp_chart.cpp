#include "head/scalp_chart.h"

#include <cmath>

#include <glm/geometric.hpp>

namespace smp {

glm::dvec2 ScalpChart::plane(const PolarPoint& p) { return {-p.r * std::sin(p.theta), p.r * std::cos(p.theta)}; }
PolarPoint ScalpChart::polar(glm::dvec2 q) { return {std::hypot(q.x, q.y), std::atan2(-q.x, q.y)}; }

ScalpChart make_scalp_chart(const Mesh& mesh, const Landmarks& landmarks, const GeodesicDistance& geodesic) {
  const glm::dvec3 vertex(landmarks[Landmark::Vertex]);
  const std::uint32_t top = geodesic.nearest_vertex(landmarks[Landmark::Vertex]);
  const glm::dvec3 up = mesh.normals.size() > top ? glm::dvec3(mesh.normals[top]) : glm::dvec3(0, 1, 0);
  const glm::dvec3 to_glabella = glm::dvec3(landmarks[Landmark::Glabella]) - vertex;
  const glm::dvec3 forward = glm::normalize(to_glabella - glm::dot(to_glabella, up) * up);
  const glm::dvec3 left = glm::cross(up, forward);  // +Y x +Z = +X, the patient's left

  const std::vector<double> r = geodesic.from_vertices(std::span(&top, 1));
  ScalpChart chart;
  chart.vertices.resize(mesh.positions.size());
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::dvec3 d = glm::dvec3(mesh.positions[i]) - vertex;
    chart.vertices[i] = {r[i], std::atan2(glm::dot(d, left), glm::dot(d, forward))};
  }
  return chart;
}

PolarPoint chart_point(const ScalpChart& chart, const GeodesicDistance& geodesic, glm::vec3 point) {
  return chart.vertices[geodesic.nearest_vertex(point)];
}

ChartDistortion chart_distortion(const Mesh& mesh, const ScalpChart& chart, double max_r) {
  ChartDistortion result;
  double weight = 0;
  for (std::size_t f = 0; f + 2 < mesh.indices.size(); f += 3) {
    const std::uint32_t v[3] = {mesh.indices[f], mesh.indices[f + 1], mesh.indices[f + 2]};
    if (chart.vertices[v[0]].r > max_r || chart.vertices[v[1]].r > max_r || chart.vertices[v[2]].r > max_r) continue;
    // The triangle in its own plane (an orthonormal 2D frame) and in the chart.
    const glm::dvec3 p0(mesh.positions[v[0]]), e1 = glm::dvec3(mesh.positions[v[1]]) - p0, e2 = glm::dvec3(mesh.positions[v[2]]) - p0;
    const double l1 = glm::length(e1);
    const double area = 0.5 * glm::length(glm::cross(e1, e2));
    if (l1 <= 0 || area <= 0) continue;
    const glm::dvec2 s1(l1, 0), s2(glm::dot(e2, e1) / l1, 2 * area / l1);
    const glm::dvec2 c0 = ScalpChart::plane(chart.vertices[v[0]]);
    const glm::dvec2 c1 = ScalpChart::plane(chart.vertices[v[1]]) - c0, c2 = ScalpChart::plane(chart.vertices[v[2]]) - c0;
    // The linear map J taking (s1, s2) to (c1, c2): J = C S^-1.
    const double det_s = s1.x * s2.y - s1.y * s2.x;
    const double j00 = (c1.x * s2.y - c2.x * s1.y) / det_s, j01 = (c2.x * s1.x - c1.x * s2.x) / det_s;
    const double j10 = (c1.y * s2.y - c2.y * s1.y) / det_s, j11 = (c2.y * s1.x - c1.y * s2.x) / det_s;
    // Singular values of J from its Frobenius norm and determinant.
    const double frob = j00 * j00 + j01 * j01 + j10 * j10 + j11 * j11, det = std::abs(j00 * j11 - j01 * j10);
    const double root = std::sqrt(std::max(0.0, frob * frob / 4 - det * det));
    const double s_max = std::sqrt(frob / 2 + root), s_min = std::sqrt(std::max(frob / 2 - root, 1e-24));
    result.area_error += area * std::abs(det - 1.0);
    result.angle_error += area * (s_max / s_min - 1.0);
    weight += area;
  }
  if (weight > 0) result.area_error /= weight, result.angle_error /= weight;
  return result;
}

}  // namespace smp
