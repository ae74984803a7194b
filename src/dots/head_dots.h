#pragma once
// The dots of a head: a pool over the whole head (so zones can move without rebuilding it), each
// candidate tagged with the zone it falls in, and a density in dots/cm2 turned into the fraction
// of the pool to keep.
#include <cstdint>
#include <vector>

#include "core/mesh.h"
#include "dots/dot_pool.h"
#include "head/scalp_zones.h"

namespace smp {

constexpr double kMaxDesignDensityPerCm2 = 250.0;  // the pool's density: more than natural follicles' ~80 units

DotPool build_head_pool(const Mesh& mesh, double max_density_per_cm2 = kMaxDesignDensityPerCm2, std::uint64_t seed = 1);

// The mesh vertex nearest each pool dot (what zones and distance fields are read at), or
// kNoVertex where none is within 4 mm; the pool's own nearest_vertex when it has them.
constexpr std::uint32_t kNoVertex = UINT32_MAX;
std::vector<std::uint32_t> nearest_vertices(const DotPool& pool, const Mesh& mesh);

// The zone of each pool dot: that of the nearest mesh vertex.
std::vector<Zone> dot_zones(const DotPool& pool, const Mesh& mesh, const ScalpZones& zones);

// One density over the whole treatable scalp (none elsewhere), as a fraction of the pool's.
std::vector<float> scalp_fraction(const DotPool& pool, const std::vector<Zone>& zone, double density_per_cm2);

}  // namespace smp
