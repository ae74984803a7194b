#pragma once
// A triangle mesh in millimetres: the one geometry type every layer shares.
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

namespace smp {

struct Bounds {
  glm::vec3 min{0.0f};
  glm::vec3 max{0.0f};
  glm::vec3 size() const { return max - min; }
  glm::vec3 centre() const { return 0.5f * (min + max); }
  float radius() const;  // half the diagonal: a sphere around the box
};

struct Mesh {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;   // one per position, unit length (empty until computed)
  std::vector<std::uint32_t> indices;  // three per triangle, counter-clockwise seen from outside

  std::size_t triangle_count() const { return indices.size() / 3; }
  std::size_t vertex_count() const { return positions.size(); }
};

Bounds bounds_of(const Mesh& mesh);

// Area-weighted vertex normals: smooth shading that does not favour small triangles.
void compute_smooth_normals(Mesh& mesh);

// Welds vertices closer than `tolerance` mm, so meshes split per face (STL, some OBJ) shade smoothly.
void weld_vertices(Mesh& mesh, float tolerance);

// Drops triangles with repeated indices or zero area; returns how many were removed.
std::size_t remove_degenerate_triangles(Mesh& mesh);

double surface_area_mm2(const Mesh& mesh);

}  // namespace smp
