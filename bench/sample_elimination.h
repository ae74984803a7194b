#pragma once
// The reference the dot pool is timed against in the same run, as issue 4 asks: weighted sample
// elimination (Yuksel 2015, "Sample Elimination for Generating Poisson Disk Sample Sets"), the
// fastest public mesh sampler the issue names (7.5-8.3 s for 200k dots on a 100k-triangle sphere,
// one thread, on this kind of machine). Written here from the paper, one thread, with the paper's
// parameters. The host's load moves both times alike, so their ratio holds where seconds do not.
// Bench code: nothing in the program uses it.
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

#include "core/mesh.h"

namespace smp {

// `count` points on `mesh`'s surface (all of it), kept from five times as many uniform random
// ones by removing, one at a time, the one whose neighbours crowd it most.
std::vector<glm::vec3> eliminate_samples(const Mesh& mesh, std::size_t count, std::uint64_t seed);

}  // namespace smp
