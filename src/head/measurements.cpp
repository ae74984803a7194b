#include "head/measurements.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include <string>

#include <glm/geometric.hpp>

#include "core/input_error.h"
#include <glm/vec2.hpp>

namespace smp {
namespace {

using Edge = std::pair<std::uint32_t, std::uint32_t>;

Edge edge_key(std::uint32_t a, std::uint32_t b) { return std::minmax(a, b); }

double cross(glm::dvec2 o, glm::dvec2 a, glm::dvec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

// Perimeter of the convex hull (Andrew's monotone chain).
double convex_perimeter(std::vector<glm::dvec2> points) {
  if (points.size() < 3) return 0.0;
  std::sort(points.begin(), points.end(), [](auto a, auto b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  std::vector<glm::dvec2> hull(2 * points.size());
  std::size_t k = 0;
  for (const auto& p : points) {
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
    hull[k++] = p;
  }
  for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {
    while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  hull.resize(k - 1);
  double perimeter = 0.0;
  for (std::size_t i = 0; i < hull.size(); ++i) perimeter += glm::length(hull[(i + 1) % hull.size()] - hull[i]);
  return perimeter;
}

}  // namespace

double tape_circumference(const Mesh& mesh, glm::vec3 a, glm::vec3 b) {
  const glm::dvec3 origin(a), forward = glm::normalize(glm::dvec3(b - a));
  const glm::dvec3 side = glm::normalize(glm::dvec3(1, 0, 0) - forward * forward.x);
  const glm::dvec3 normal = glm::cross(forward, side);
  auto height = [&](std::uint32_t v) { return glm::dot(glm::dvec3(mesh.positions[v]) - origin, normal); };

  // Cut every triangle the plane crosses: one segment each, joined into loops through the
  // mesh edges they share. Only the longest loop is the head; small ones are ears or scan crumbs.
  std::map<Edge, glm::dvec2> crossing;          // where the plane cuts each crossed edge
  std::map<Edge, std::vector<Edge>> neighbours;  // crossed edges joined by a triangle's segment
  for (std::size_t f = 0; f + 2 < mesh.indices.size(); f += 3) {
    std::vector<Edge> cut;
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t i = mesh.indices[f + k], j = mesh.indices[f + (k + 1) % 3];
      const double hi = height(i), hj = height(j);
      if ((hi < 0) == (hj < 0)) continue;
      const glm::dvec3 p = glm::mix(glm::dvec3(mesh.positions[i]), glm::dvec3(mesh.positions[j]), hi / (hi - hj)) - origin;
      crossing[edge_key(i, j)] = {glm::dot(p, forward), glm::dot(p, side)};
      cut.push_back(edge_key(i, j));
    }
    if (cut.size() == 2) {
      neighbours[cut[0]].push_back(cut[1]);
      neighbours[cut[1]].push_back(cut[0]);
    }
  }
  std::map<Edge, bool> seen;
  std::vector<glm::dvec2> longest;
  double longest_length = 0.0;
  for (const auto& [start, unused] : neighbours) {
    if (seen[start]) continue;
    std::vector<glm::dvec2> loop;
    double length = 0.0;
    std::vector<Edge> stack{start};
    while (!stack.empty()) {  // the connected piece of section that contains `start`
      const Edge e = stack.back();
      stack.pop_back();
      if (seen[e]) continue;
      seen[e] = true;
      loop.push_back(crossing[e]);
      for (const Edge& next : neighbours[e]) {
        if (!seen[next]) stack.push_back(next);
        length += 0.5 * glm::length(crossing[next] - crossing[e]);  // each segment is met from both ends
      }
    }
    if (length > longest_length) longest_length = length, longest = std::move(loop);
  }
  return convex_perimeter(std::move(longest));
}

HeadMeasurements measure_head(const Mesh& mesh, const Landmarks& l, const GeodesicDistance& geodesic) {
  return measure_head(mesh, l, geodesic, geodesic.from_point(l[Landmark::Vertex]));
}

HeadMeasurements measure_head(const Mesh& mesh, const Landmarks& l, const GeodesicDistance& geodesic, std::span<const double> from_vertex) {
  HeadMeasurements m;
  m.circumference_mm = tape_circumference(mesh, l[Landmark::Glabella], l[Landmark::Inion]);
  auto at = [&](Landmark landmark) {
    const double d = from_vertex[geodesic.nearest_vertex(l[landmark])];
    if (!std::isfinite(d))
      throw InputError("the skin between the vertex and the " + std::string(landmark_label(landmark)) +
                       " is not connected (a hole or a separate piece in the mesh)");
    return d;
  };
  m.ear_to_ear_over_vertex_mm = at(Landmark::LeftEarTop) + at(Landmark::RightEarTop);
  m.glabella_to_inion_over_vertex_mm = at(Landmark::Glabella) + at(Landmark::Inion);
  m.glabella_to_vertex_mm = at(Landmark::Glabella);
  return m;
}

}  // namespace smp
