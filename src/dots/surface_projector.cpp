#include "dots/surface_projector.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include <glm/geometric.hpp>

#include "core/both_cores.h"

namespace smp {
SurfaceProjector::SurfaceProjector(const Mesh& mesh, const std::vector<std::uint8_t>& mask, Search search)
    : SurfaceProjector(mesh, mask, search, edge_lengths(mesh, mask)) {}

SurfaceProjector::SurfaceProjector(const Mesh& mesh, const std::vector<std::uint8_t>& mask, Search search, EdgeLengths edges)
    // A point on a triangle is within about 0.6 of its longest edge of a corner: a long edge is the
    // reach (a few slivers must not make every cell of the coarse grid hold hundreds of vertices).
    // Most points are nearer a corner than a median edge.
    : mesh_(mesh),
      reach_(std::max(1e-3f, edges.long_edge)),
      usual_edge_(std::max(1e-3f, edges.median)),
      vertices_(usual_edge_, reach_, mesh.positions.size()),
      on_surface2_(1e-8f * usual_edge_ * usual_edge_) {
  // Dots are put back onto the skin from a hair off it: a fifth of an edge is ample. Cells of 1.5
  // median edges: on the bundled head, narrower took longer to build (1.0: 4x) and wider longer to
  // search (2.0: 1.2x, 3.0: 1.7x). Built on another core: it takes as long as all the rest.
  std::optional<OnOtherCore> gridding;
  if (search == Search::ClosestTriangle) gridding.emplace([&] { near_triangles_.emplace(mesh, mask, 1.5f * usual_edge_, 0.2f * usual_edge_); });
  first_.assign(mesh.positions.size() + 1, 0);
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t)
    if (mask.empty() || mask[t])
      for (int k = 0; k < 3; ++k) ++first_[mesh.indices[3 * t + k] + 1];
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) first_[v + 1] += first_[v];
  triangles_.resize(first_.back());
  std::vector<std::uint32_t> fill(first_.begin(), first_.end() - 1);
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t)
    if (mask.empty() || mask[t])
      for (int k = 0; k < 3; ++k) triangles_[fill[mesh.indices[3 * t + k]]++] = std::uint32_t(t);
  for (std::uint32_t v = 0; v < mesh.positions.size(); ++v)
    if (first_[v + 1] > first_[v]) vertices_.insert(v, mesh.positions[v]);

  frames_.resize(mesh.triangle_count());
  across_.assign(3 * mesh.triangle_count(), kNoTriangle);
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    if (!mask.empty() && !mask[t]) continue;
    const std::uint32_t* corner = &mesh.indices[3 * t];
    const glm::vec3 a = mesh.positions[corner[0]], ab = mesh.positions[corner[1]] - a, ac = mesh.positions[corner[2]] - a;
    const glm::vec3 n = glm::cross(ab, ac);
    const float n2 = glm::dot(n, n);
    if (!(n2 > 0.0f)) continue;
    // The dual basis of the two sides in the plane: dot(ab, to_b) = 1, dot(ac, to_b) = 0, and so on.
    frames_[t] = {a, glm::cross(ac, n) / n2, glm::cross(n, ab) / n2, n / std::sqrt(n2)};
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t from = corner[(k + 1) % 3], to = corner[(k + 2) % 3];
      for (std::uint32_t i = first_[from]; i < first_[from + 1]; ++i) {
        const std::uint32_t other = triangles_[i];
        const std::uint32_t* its = &mesh.indices[3 * std::size_t(other)];
        if (other != t && (its[0] == to || its[1] == to || its[2] == to)) {
          across_[3 * t + std::size_t(k)] = other;
          break;
        }
      }
    }
  }
  gridding.reset();
}

bool SurfaceProjector::project(glm::vec3 p, glm::vec3& on_surface, glm::vec3& normal, std::uint32_t& t) const {
  glm::vec3 w;
  if (!locate(p, t, w)) return false;
  const glm::vec3 &a = mesh_.positions[mesh_.indices[3 * t]], &b = mesh_.positions[mesh_.indices[3 * t + 1]],
                  &c = mesh_.positions[mesh_.indices[3 * t + 2]];
  on_surface = closest_point_on_triangle(p, a, b, c);  // not from the weights: on a sliver they are rounded off
  normal = glm::normalize(glm::cross(b - a, c - a));
  return true;
}

bool SurfaceProjector::project_from(glm::vec3 p, std::uint32_t hint, glm::vec3& on_surface, glm::vec3& normal, std::uint32_t& t) const {
  // A pool's coarsest levels push dots tens of mm, over tens of triangles. With 8 steps and a foot
  // no more than a fiftieth of an edge off the plane, a third of their pushes were searched for
  // instead (the 200k sphere's pool took 20 ms more).
  constexpr int kMostSteps = 48;
  const float most_off = kMostOffPlaneEdges * usual_edge_;
  std::uint32_t at = hint;
  for (int step = 0; step < kMostSteps && at != kNoTriangle; ++step) {
    const Frame& frame = frames_[at];
    if (frame.normal == glm::vec3(0.0f)) break;
    const glm::vec3 d = p - frame.corner;
    const float wb = glm::dot(d, frame.to_b), wc = glm::dot(d, frame.to_c), wa = 1.0f - wb - wc;
    if (wa >= 0.0f && wb >= 0.0f && wc >= 0.0f) {
      const float off = glm::dot(d, frame.normal);
      if (std::abs(off) >= most_off) break;
      on_surface = p - off * frame.normal, normal = frame.normal, t = at;
      return true;
    }
    // Across the edge facing the corner p is furthest beyond.
    const int facing = wa <= wb && wa <= wc ? 0 : wb <= wc ? 1 : 2;
    at = across_[3 * std::size_t(at) + std::size_t(facing)];
  }
  return project(p, on_surface, normal, t);
}

bool SurfaceProjector::locate(glm::vec3 p, std::uint32_t& triangle, glm::vec3& weights) const {
  if (near_triangles_) {
    const TriangleGrid::Range listed = near_triangles_->near(p);
    if (closest_of(p, listed.begin, listed.end, triangle, weights) <= near_triangles_->margin() * near_triangles_->margin()) return true;
  }
  // Further off the surface: the triangles around the nearest vertex.
  std::uint32_t nearest = 0;
  float d2 = 0.0f;
  if (!vertices_.nearest(p, mesh_.positions, nearest, d2)) return false;
  return closest_of(p, triangles_.data() + first_[nearest], triangles_.data() + first_[nearest + 1], triangle, weights) <
         std::numeric_limits<float>::max();
}

float SurfaceProjector::closest_of(glm::vec3 p, const std::uint32_t* begin, const std::uint32_t* end, std::uint32_t& triangle,
                                   glm::vec3& weights) const {
  float best = -1.0f;
  for (const std::uint32_t* at = begin; at != end; ++at) {
    const std::uint32_t t = *at;
    const glm::vec3 &a = mesh_.positions[mesh_.indices[3 * t]], &b = mesh_.positions[mesh_.indices[3 * t + 1]],
                    &c = mesh_.positions[mesh_.indices[3 * t + 2]];
    const glm::vec3 q = closest_point_on_triangle(p, a, b, c);
    const glm::vec3 n = glm::cross(b - a, c - a);
    if (!(glm::dot(n, n) > 0.0f)) continue;
    if (const float d = glm::dot(q - p, q - p); best < 0.0f || d < best) {
      best = d, triangle = t;
      weights = weights_on_triangle(q, a, b, c);
      if (best <= on_surface2_) break;  // p lies on this triangle: no other is closer
    }
  }
  return best < 0.0f ? std::numeric_limits<float>::max() : best;
}

glm::vec3 weights_on_triangle(glm::vec3 q, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
  // Signed along the normal, so a point a hair off the plane still gets weights summing to 1.
  const glm::vec3 n = glm::cross(b - a, c - a);
  const float area2 = glm::dot(n, n);
  if (!(area2 > 0.0f)) return glm::vec3(1.0f, 0.0f, 0.0f);
  const float wa = glm::dot(glm::cross(b - q, c - q), n) / area2, wb = glm::dot(glm::cross(c - q, a - q), n) / area2;
  return glm::vec3(wa, wb, 1.0f - wa - wb);
}

// By the region of the triangle's plane p projects into: a corner, an edge or the inside
// (as in Ericson, Real-Time Collision Detection, 5.1.5). In double: on a sliver (the bundled
// head has a 52 mm needle 0.24 mm wide at the neck) the region tests cancel, and in float the
// answer moved by 2 um when asked again from the point it gave.
glm::vec3 closest_point_on_triangle(glm::vec3 point, glm::vec3 corner_a, glm::vec3 corner_b, glm::vec3 corner_c) {
  const glm::dvec3 p(point), a(corner_a), b(corner_b), c(corner_c);
  const glm::dvec3 ab = b - a, ac = c - a, ap = p - a;
  const double d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0.0 && d2 <= 0.0) return a;
  const glm::dvec3 bp = p - b;
  const double d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0.0 && d4 <= d3) return b;
  const double vc = d1 * d4 - d3 * d2;
  if (vc <= 0.0 && d1 >= 0.0 && d3 <= 0.0) return a + ab * (d1 / (d1 - d3));
  const glm::dvec3 cp = p - c;
  const double d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0.0 && d5 <= d6) return c;
  const double vb = d5 * d2 - d1 * d6;
  if (vb <= 0.0 && d2 >= 0.0 && d6 <= 0.0) return a + ac * (d2 / (d2 - d6));
  const double va = d3 * d6 - d5 * d4;
  if (va <= 0.0 && (d4 - d3) >= 0.0 && (d5 - d6) >= 0.0) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
  const double denominator = 1.0 / (va + vb + vc);
  return a + ab * (vb * denominator) + ac * (vc * denominator);
}

}  // namespace smp
