#pragma once
// Simple closed meshes with known geometry: test shapes with analytic answers, and markers.
#include "core/mesh.h"

namespace smp {

// An icosahedron subdivided `subdivisions` times and pushed onto a sphere: 20 * 4^n triangles,
// nearly uniform. With normals.
Mesh make_icosphere(float radius, int subdivisions);

// A latitude-longitude sphere: 2 * slices * (stacks - 1) triangles, long thin ones near the poles
// (a harder case for area-weighted sampling than the icosphere). With normals.
Mesh make_uv_sphere(float radius, int stacks, int slices);

// Splits every triangle into four at its edge midpoints (same shape, 4x the triangles): dense
// stand-ins for scans in benchmarks. Normals are recomputed.
Mesh subdivide_midpoints(const Mesh& mesh);

}  // namespace smp
