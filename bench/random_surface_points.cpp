#include "bench/random_surface_points.h"

#include <algorithm>

#include <glm/geometric.hpp>

namespace smp {

std::vector<glm::vec3> random_surface_points(const Mesh& mesh, std::size_t count, Random& random, double& area) {
  std::vector<double> cumulative;
  cumulative.reserve(mesh.triangle_count());
  area = 0.0;
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    const glm::vec3 &a = mesh.positions[mesh.indices[3 * t]], &b = mesh.positions[mesh.indices[3 * t + 1]],
                    &c = mesh.positions[mesh.indices[3 * t + 2]];
    area += 0.5 * double(glm::length(glm::cross(b - a, c - a)));
    cumulative.push_back(area);
  }
  std::vector<glm::vec3> points(area > 0.0 ? count : 0);
  for (glm::vec3& p : points) {
    const std::size_t t = std::size_t(std::upper_bound(cumulative.begin(), cumulative.end() - 1, random.uniform() * area) - cumulative.begin());
    const glm::vec3 &a = mesh.positions[mesh.indices[3 * t]], &b = mesh.positions[mesh.indices[3 * t + 1]],
                    &c = mesh.positions[mesh.indices[3 * t + 2]];
    float u = float(random.uniform()), v = float(random.uniform());
    if (u + v > 1.0f) u = 1.0f - u, v = 1.0f - v;
    p = a + u * (b - a) + v * (c - a);
  }
  return points;
}

}  // namespace smp
