#pragma once
// Uniform random points over a mesh's surface (a triangle by area, then a uniform point in it):
// what the reference samplers start from.
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

#include "core/mesh.h"
#include "core/random.h"

namespace smp {

// `count` points (none where the mesh has no area); `area` is set to the surface's, in mm2.
std::vector<glm::vec3> random_surface_points(const Mesh& mesh, std::size_t count, Random& random, double& area);

}  // namespace smp
