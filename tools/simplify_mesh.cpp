// simplify_mesh IN OUT.ply [TRIANGLES]: reduces a dense mesh (mm) to about TRIANGLES triangles with
// meshoptimizer, keeping the silhouette and features, then orders it for the GPU's vertex cache.
#include <cstdlib>
#include <iostream>

#include <glm/geometric.hpp>
#include <meshoptimizer.h>

#include "io/mesh_import.h"
#include "io/ply_write.h"

namespace {

// Simplification can fold a few small triangles over their neighbours (seen around the thin ears):
// they face inward and show as dark specks. Collapsing each one's shortest edge removes the fold.
std::size_t collapse_folded_triangles(smp::Mesh& mesh) {
  smp::compute_smooth_normals(mesh);
  std::vector<std::uint32_t> remap(mesh.positions.size());
  for (std::uint32_t i = 0; i < remap.size(); ++i) remap[i] = i;
  std::size_t folded = 0;
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    const std::uint32_t v[3] = {mesh.indices[3 * t], mesh.indices[3 * t + 1], mesh.indices[3 * t + 2]};
    const glm::vec3 n = glm::cross(mesh.positions[v[1]] - mesh.positions[v[0]], mesh.positions[v[2]] - mesh.positions[v[0]]);
    bool against = false;
    for (std::uint32_t k : v) against = against || glm::dot(n, mesh.normals[k]) < 0.0f;
    if (!against) continue;
    ++folded;
    int shortest = 0;
    float best = 1e30f;
    for (int e = 0; e < 3; ++e) {
      const float length = glm::length(mesh.positions[v[e]] - mesh.positions[v[(e + 1) % 3]]);
      if (length < best) best = length, shortest = e;
    }
    const std::uint32_t a = v[shortest], b = v[(shortest + 1) % 3];
    if (remap[a] != a || remap[b] != b) continue;  // one change per neighbourhood per pass
    mesh.positions[a] = 0.5f * (mesh.positions[a] + mesh.positions[b]);
    remap[b] = a;
  }
  for (std::uint32_t& index : mesh.indices) index = remap[index];
  smp::remove_degenerate_triangles(mesh);
  return folded;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: simplify_mesh IN OUT.ply [TRIANGLES (default 100000)]\n";
    return 2;
  }
  const std::size_t target_triangles = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 100000;
  try {
    smp::Mesh mesh = smp::import_mesh(argv[1], smp::Units::Millimetres).mesh;
    std::vector<std::uint32_t> simplified(mesh.indices.size());
    float error = 0.0f;
    const std::size_t count = meshopt_simplify(simplified.data(), mesh.indices.data(), mesh.indices.size(),
                                               &mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3),
                                               target_triangles * 3, 0.01f, 0, &error);
    simplified.resize(count);
    smp::Mesh out;
    out.positions = mesh.positions;
    out.indices = std::move(simplified);
    std::size_t folded = 0;
    for (int pass = 0; pass < 8 && (folded = collapse_folded_triangles(out)) > 0; ++pass) {
    }
    if (folded > 0) std::cerr << "simplify_mesh: warning: " << folded << " folded triangles remain\n";
    meshopt_optimizeVertexCache(out.indices.data(), out.indices.data(), out.indices.size(), out.positions.size());
    std::vector<glm::vec3> compact(out.positions.size());
    compact.resize(meshopt_optimizeVertexFetch(compact.data(), out.indices.data(), out.indices.size(), out.positions.data(),
                                               out.positions.size(), sizeof(glm::vec3)));
    out.positions = std::move(compact);
    out.normals.clear();
    smp::write_ply(argv[2], out);
    const float extent = meshopt_simplifyScale(&out.positions[0].x, out.positions.size(), sizeof(glm::vec3));
    std::cout << argv[2] << ": " << out.triangle_count() << " triangles, " << out.vertex_count()
              << " vertices, deviation " << error * extent << " mm\n";
  } catch (const std::exception& e) {
    std::cerr << "simplify_mesh: " << e.what() << "\n";
    return 1;
  }
}
