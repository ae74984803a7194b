// simplify_mesh IN OUT.ply [TRIANGLES]: reduces a dense mesh (mm) to about TRIANGLES triangles with
// meshoptimizer, keeping the silhouette and features, then orders it for the GPU's vertex cache.
#include <cstdlib>
#include <iostream>

#include <meshoptimizer.h>

#include "io/mesh_import.h"
#include "io/ply_write.h"

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
    meshopt_optimizeVertexCache(simplified.data(), simplified.data(), count, mesh.positions.size());
    std::vector<glm::vec3> positions(mesh.positions.size());
    const std::size_t vertices = meshopt_optimizeVertexFetch(positions.data(), simplified.data(), count,
                                                             mesh.positions.data(), mesh.positions.size(), sizeof(glm::vec3));
    positions.resize(vertices);
    smp::Mesh out;
    out.positions = std::move(positions);
    out.indices = std::move(simplified);
    smp::write_ply(argv[2], out);
    const float extent = meshopt_simplifyScale(&out.positions[0].x, out.positions.size(), sizeof(glm::vec3));
    std::cout << argv[2] << ": " << out.triangle_count() << " triangles, " << out.vertex_count()
              << " vertices, deviation " << error * extent << " mm\n";
  } catch (const std::exception& e) {
    std::cerr << "simplify_mesh: " << e.what() << "\n";
    return 1;
  }
}
