#include "core/mesh.h"

#include <cmath>
#include <unordered_map>

#include <glm/geometric.hpp>

namespace smp {

float Bounds::radius() const { return 0.5f * glm::length(size()); }

Bounds bounds_of(const Mesh& mesh) {
  Bounds b;
  if (mesh.positions.empty()) return b;
  b.min = b.max = mesh.positions.front();
  for (const glm::vec3& p : mesh.positions) {
    b.min = glm::min(b.min, p);
    b.max = glm::max(b.max, p);
  }
  return b;
}

void compute_smooth_normals(Mesh& mesh) {
  mesh.normals.assign(mesh.positions.size(), glm::vec3(0.0f));
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    // The unnormalised cross product weights each face by its area.
    const glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    mesh.normals[a] += n;
    mesh.normals[b] += n;
    mesh.normals[c] += n;
  }
  for (glm::vec3& n : mesh.normals) {
    const float len = glm::length(n);
    n = len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
  }
}

void weld_vertices(Mesh& mesh, float tolerance) {
  struct CellHash {
    std::size_t operator()(const glm::ivec3& c) const {
      return (static_cast<std::size_t>(c.x) * 73856093u) ^ (static_cast<std::size_t>(c.y) * 19349663u) ^
             (static_cast<std::size_t>(c.z) * 83492791u);
    }
  };
  // Snap to a grid of `tolerance`; vertices in the same cell become one. Good enough for split
  // faces, whose copies are bit-identical or nearly so.
  std::unordered_map<glm::ivec3, std::uint32_t, CellHash> cells;
  cells.reserve(mesh.positions.size());
  std::vector<std::uint32_t> remap(mesh.positions.size());
  std::vector<glm::vec3> welded;
  welded.reserve(mesh.positions.size());
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    const glm::ivec3 cell(glm::floor(mesh.positions[i] / tolerance + 0.5f));
    auto [it, inserted] = cells.try_emplace(cell, static_cast<std::uint32_t>(welded.size()));
    if (inserted) welded.push_back(mesh.positions[i]);
    remap[i] = it->second;
  }
  for (std::uint32_t& index : mesh.indices) index = remap[index];
  mesh.positions = std::move(welded);
  mesh.normals.clear();
}

std::size_t remove_degenerate_triangles(Mesh& mesh) {
  std::size_t kept = 0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    if (a == b || b == c || a == c) continue;
    const glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    if (glm::dot(n, n) == 0.0f) continue;
    mesh.indices[kept++] = a;
    mesh.indices[kept++] = b;
    mesh.indices[kept++] = c;
  }
  const std::size_t removed = mesh.indices.size() / 3 - kept / 3;
  mesh.indices.resize(kept);
  return removed;
}

double surface_area_mm2(const Mesh& mesh) {
  double area = 0.0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::vec3& a = mesh.positions[mesh.indices[t]];
    const glm::vec3 n = glm::cross(mesh.positions[mesh.indices[t + 1]] - a, mesh.positions[mesh.indices[t + 2]] - a);
    area += 0.5 * static_cast<double>(glm::length(n));
  }
  return area;
}

}  // namespace smp
