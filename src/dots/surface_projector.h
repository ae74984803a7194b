#pragma once
// The nearest point of a mesh's surface to a point already near it (within about a triangle):
// where a dot pushed sideways across a curved surface is put back onto the skin.
#include <cstdint>
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "core/mesh.h"
#include "dots/nearest_point.h"
#include "dots/triangle_grid.h"

namespace smp {

class SurfaceProjector {
 public:
  // Where a point is looked for that no walk settles (project(), locate()): on the closest of the
  // triangles near it (a grid of them, built on another core alongside the rest), or only on the
  // triangles round its nearest vertex (no grid: a dot pool, whose walks nearly all settle, is
  // built 20 ms sooner). Round a vertex, on the irregular bundled head one point in ten found a
  // triangle other than the one under it.
  enum class Search { ClosestTriangle, AroundNearestVertex };

  // Only triangles whose `mask` flag is set (all when it is empty). Keeps a reference to `mesh`.
  SurfaceProjector(const Mesh& mesh, const std::vector<std::uint8_t>& mask, Search search = Search::ClosestTriangle);

  // The closest point of the surface to `p` and its triangle's normal: exact within a fifth of a
  // median edge of the skin (with the triangle grid); further off, or without the grid, the
  // closest point on the triangles around the nearest vertex. False when no vertex of the surface
  // is within reach (p is far off it, or on a rare very long triangle).
  bool project(glm::vec3 p, glm::vec3& on_surface, glm::vec3& normal) const {
    std::uint32_t triangle = 0;
    return project(p, on_surface, normal, triangle);
  }
  bool project(glm::vec3 p, glm::vec3& on_surface, glm::vec3& normal, std::uint32_t& triangle) const;
  // As project(), for a point moved from triangle `hint`: the answer is its foot on the first
  // triangle found, walking from the hint across the edges it lies beyond, over whose inside it is,
  // within three median edges of its plane; no search (every dot moved while a pool is thrown).
  // Where the skin curves, a point off it is nearest to that foot or to a point of the skin beside
  // it. Where the walk meets the surface's edge or goes on too long, as project().
  bool project_from(glm::vec3 p, std::uint32_t hint, glm::vec3& on_surface, glm::vec3& normal, std::uint32_t& triangle) const;
  // Asks the memory for triangle t's plane ahead of a project_from(…, t, …): a pool's darts each
  // start a walk at their own triangle, where it waited on memory for well over half its time.
  void prefetch(std::uint32_t t) const {
    const char* frame = reinterpret_cast<const char*>(&frames_[t]);
    __builtin_prefetch(frame), __builtin_prefetch(frame + sizeof(Frame) - 1);
  }
  // The triangle (index into the mesh's triangles) whose point is closest to `p`, and that point's
  // barycentric weights of the triangle's corners: where a dot lies in anything given per vertex.
  bool locate(glm::vec3 p, std::uint32_t& triangle, glm::vec3& weights) const;

 private:
  const Mesh& mesh_;
  float reach_ = 0.0f;  // mm: a long edge, so a point near the surface nearly always finds a vertex
  float usual_edge_ = 0.0f;  // mm: the median edge
  std::vector<std::uint32_t> first_, triangles_;  // each vertex's triangles: triangles_[first_[v]..first_[v+1])
  NearestPoint vertices_;
  std::optional<TriangleGrid> near_triangles_;  // built on another thread while the rest is (ClosestTriangle)
  static constexpr float kMostOffPlaneEdges = 3.0f;  // how far off a walk's triangle its foot is taken, in median edges
  float on_surface2_;  // mm2: a squared distance this small is on the triangle
  // Each triangle's plane, for walking: p's weights of corners b and c are dot(p - corner, to_b)
  // and dot(p - corner, to_c). The normal is zero for a triangle not on the surface or with no area.
  struct Frame {
    glm::vec3 corner{0.0f}, to_b{0.0f}, to_c{0.0f}, normal{0.0f};
  };
  std::vector<Frame> frames_;  // one per mesh triangle
  static constexpr std::uint32_t kNoTriangle = UINT32_MAX;
  std::vector<std::uint32_t> across_;  // 3 per mesh triangle: the one across the edge facing each corner
  SurfaceProjector(const Mesh& mesh, const std::vector<std::uint8_t>& mask, Search search, EdgeLengths edges);
  // The squared distance from p to the closest point of the listed triangles (that triangle and
  // its point's weights), or the largest float when none has an area.
  float closest_of(glm::vec3 p, const std::uint32_t* begin, const std::uint32_t* end, std::uint32_t& triangle, glm::vec3& weights) const;
};

// The point of triangle abc closest to p.
glm::vec3 closest_point_on_triangle(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c);
// The weights of a, b and c that make q, a point on the triangle (from the sub-triangles' areas).
glm::vec3 weights_on_triangle(glm::vec3 q, glm::vec3 a, glm::vec3 b, glm::vec3 c);

}  // namespace smp
