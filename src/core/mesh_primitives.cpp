#include "core/mesh_primitives.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include <glm/geometric.hpp>

namespace smp {

Mesh make_icosphere(float radius, int subdivisions) {
  const float t = (1.0f + std::sqrt(5.0f)) / 2.0f;
  std::vector<glm::vec3> points = {{-1, t, 0}, {1, t, 0}, {-1, -t, 0}, {1, -t, 0}, {0, -1, t}, {0, 1, t},
                                   {0, -1, -t}, {0, 1, -t}, {t, 0, -1}, {t, 0, 1}, {-t, 0, -1}, {-t, 0, 1}};
  std::vector<std::uint32_t> faces = {0, 11, 5, 0, 5, 1, 0, 1, 7, 0, 7, 10, 0, 10, 11, 1, 5, 9, 5, 11, 4, 11, 10, 2,
                                      10, 7, 6, 7, 1, 8, 3, 9, 4, 3, 4, 2, 3, 2, 6, 3, 6, 8, 3, 8, 9, 4, 9, 5, 2, 4, 11,
                                      6, 2, 10, 8, 6, 7, 9, 8, 1};
  for (glm::vec3& p : points) p = glm::normalize(p);
  for (int level = 0; level < subdivisions; ++level) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> midpoints;
    auto midpoint = [&](std::uint32_t a, std::uint32_t b) {
      const auto key = std::minmax(a, b);
      auto [it, inserted] = midpoints.try_emplace(key, static_cast<std::uint32_t>(points.size()));
      if (inserted) points.push_back(glm::normalize(points[a] + points[b]));
      return it->second;
    };
    std::vector<std::uint32_t> finer;
    finer.reserve(faces.size() * 4);
    for (std::size_t f = 0; f < faces.size(); f += 3) {
      const std::uint32_t a = faces[f], b = faces[f + 1], c = faces[f + 2];
      const std::uint32_t ab = midpoint(a, b), bc = midpoint(b, c), ca = midpoint(c, a);
      finer.insert(finer.end(), {a, ab, ca, b, bc, ab, c, ca, bc, ab, bc, ca});
    }
    faces = std::move(finer);
  }
  Mesh mesh;
  mesh.normals = points;
  for (glm::vec3& p : points) p *= radius;
  mesh.positions = std::move(points);
  mesh.indices = std::move(faces);
  return mesh;
}

Mesh make_uv_sphere(float radius, int stacks, int slices) {
  Mesh mesh;
  const float pi = 3.14159265358979f;
  for (int i = 0; i <= stacks; ++i) {
    const float polar = pi * float(i) / float(stacks);
    for (int j = 0; j < slices; ++j) {
      const float azimuth = 2.0f * pi * float(j) / float(slices);
      const glm::vec3 n(std::sin(polar) * std::cos(azimuth), std::cos(polar), std::sin(polar) * std::sin(azimuth));
      mesh.normals.push_back(n);
      mesh.positions.push_back(radius * n);
    }
  }
  auto at = [slices](int i, int j) { return static_cast<std::uint32_t>(i * slices + (j % slices)); };
  for (int i = 0; i < stacks; ++i)
    for (int j = 0; j < slices; ++j) {
      // Counter-clockwise seen from outside; the pole rows keep only their one non-degenerate triangle.
      if (i > 0) mesh.indices.insert(mesh.indices.end(), {at(i, j), at(i, j + 1), at(i + 1, j)});
      if (i < stacks - 1) mesh.indices.insert(mesh.indices.end(), {at(i, j + 1), at(i + 1, j + 1), at(i + 1, j)});
    }
  return mesh;
}

Mesh subdivide_midpoints(const Mesh& mesh) {
  Mesh finer;
  finer.positions = mesh.positions;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> midpoints;
  auto midpoint = [&](std::uint32_t a, std::uint32_t b) {
    auto [it, inserted] = midpoints.try_emplace(std::minmax(a, b), static_cast<std::uint32_t>(finer.positions.size()));
    if (inserted) finer.positions.push_back(0.5f * (mesh.positions[a] + mesh.positions[b]));
    return it->second;
  };
  finer.indices.reserve(mesh.indices.size() * 4);
  for (std::size_t f = 0; f + 2 < mesh.indices.size(); f += 3) {
    const std::uint32_t a = mesh.indices[f], b = mesh.indices[f + 1], c = mesh.indices[f + 2];
    const std::uint32_t ab = midpoint(a, b), bc = midpoint(b, c), ca = midpoint(c, a);
    finer.indices.insert(finer.indices.end(), {a, ab, ca, b, bc, ab, c, ca, bc, ab, bc, ca});
  }
  compute_smooth_normals(finer);
  return finer;
}

}  // namespace smp
