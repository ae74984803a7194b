#include "head/geodesic.h"

#include <cmath>
#include <limits>
#include <queue>

#include <glm/geometric.hpp>

namespace smp {
namespace {

constexpr double kUnknown = std::numeric_limits<double>::infinity();

// Distance to vertex k of triangle (i, j, k) from a front that has reached i and j, by unfolding
// the triangle into the plane and placing the "virtual source" that is d_i from i and d_j from j
// on the far side of edge i-j. If the straight ray from that source to k crosses the edge, the
// distance is its length (exact for a flat neighbourhood); otherwise the front comes round a
// vertex, and the distance is through i or through j.
double triangle_update(const glm::dvec3& pi, const glm::dvec3& pj, const glm::dvec3& pk, double di, double dj) {
  const glm::dvec3 edge = pj - pi;
  const double c = glm::length(edge);
  const double through_vertices = std::min(di + glm::length(pk - pi), dj + glm::length(pk - pj));
  if (c <= 0.0) return through_vertices;
  const glm::dvec3 along = edge / c;
  const double xk = glm::dot(pk - pi, along);
  const double yk = glm::length(pk - pi - xk * along);  // k lies above the edge, at y > 0
  const double xs = (di * di - dj * dj + c * c) / (2.0 * c);
  const double ys2 = di * di - xs * xs;
  if (ys2 < 0.0 || yk <= 0.0) return through_vertices;  // no source fits both distances
  const double ys = -std::sqrt(ys2);
  const double t = -ys / (yk - ys);
  const double x_cross = xs + t * (xk - xs);
  if (x_cross < 0.0 || x_cross > c) return through_vertices;
  return std::min(through_vertices, std::hypot(xk - xs, yk - ys));
}

}  // namespace

GeodesicDistance::GeodesicDistance(const Mesh& mesh) : mesh_(mesh) {
  // Vertex -> triangles, compressed: the triangles around v are corner_faces_[offsets_[v] .. offsets_[v+1]).
  offsets_.assign(mesh.positions.size() + 1, 0);
  for (std::uint32_t index : mesh.indices) ++offsets_[index + 1];
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) offsets_[v + 1] += offsets_[v];
  corner_faces_.resize(mesh.indices.size());
  std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t corner = 0; corner < mesh.indices.size(); ++corner)
    corner_faces_[fill[mesh.indices[corner]]++] = static_cast<std::uint32_t>(corner / 3);
}

std::uint32_t GeodesicDistance::nearest_vertex(glm::vec3 point) const {
  std::uint32_t best = 0;
  float best_d = std::numeric_limits<float>::max();
  for (std::uint32_t i = 0; i < mesh_.positions.size(); ++i) {
    if (offsets_[i] == offsets_[i + 1]) continue;  // a stray point on no triangle: not skin
    const glm::vec3 d = mesh_.positions[i] - point;
    const float d2 = glm::dot(d, d);
    if (d2 < best_d) best_d = d2, best = i;
  }
  return best;
}

std::vector<double> GeodesicDistance::from_point(glm::vec3 point) const {
  const std::uint32_t source = nearest_vertex(point);
  return from_vertices(std::span(&source, 1));
}

// Fast marching: vertices are settled in order of distance, as in Dijkstra's algorithm, but each
// settled vertex updates its neighbours across whole triangles, not only along edges, which
// removes Dijkstra's zig-zag overestimate.
std::vector<double> GeodesicDistance::from_vertices(std::span<const std::uint32_t> sources) const {
  const std::size_t n = mesh_.positions.size();
  std::vector<double> distance(n, kUnknown);
  std::vector<char> settled(n, 0);
  using Entry = std::pair<double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> front;
  for (std::uint32_t s : sources) {
    distance[s] = 0.0;
    front.emplace(0.0, s);
  }
  auto p = [&](std::uint32_t v) { return glm::dvec3(mesh_.positions[v]); };
  while (!front.empty()) {
    const auto [d, v] = front.top();
    front.pop();
    if (settled[v] || d > distance[v]) continue;
    settled[v] = 1;
    for (std::uint32_t k = offsets_[v]; k < offsets_[v + 1]; ++k) {
      const std::size_t f = std::size_t(corner_faces_[k]) * 3;
      for (int corner = 0; corner < 3; ++corner) {
        const std::uint32_t a = mesh_.indices[f + corner];
        if (a == v || settled[a]) continue;
        const std::uint32_t b = mesh_.indices[f + (corner + 1) % 3] == v ? mesh_.indices[f + (corner + 2) % 3]
                                                                         : mesh_.indices[f + (corner + 1) % 3];
        // b is the triangle's third vertex: if the front has reached it too, update across the triangle.
        const double candidate = settled[b] ? triangle_update(p(v), p(b), p(a), distance[v], distance[b])
                                            : distance[v] + glm::length(p(a) - p(v));
        if (candidate < distance[a]) {
          distance[a] = candidate;
          front.emplace(candidate, a);
        }
      }
    }
  }
  return distance;
}

}  // namespace smp
