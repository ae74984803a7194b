#pragma once
// The dot pool of a head is the same every time (same mesh, same seed), and takes seconds to build
// on a software machine: it is kept on disk, in $XDG_CACHE_HOME/smp-studio (or ~/.cache), keyed by
// a hash of the mesh and the pool's parameters, so a second start shows the dots at once.
#include "core/mesh.h"
#include "dots/dot_pool.h"

namespace smp {

// The cached pool when there is a valid one; otherwise builds it and stores it (quietly skipping
// the store when the cache folder cannot be written). A damaged cache file is rebuilt, not trusted.
DotPool cached_head_pool(const Mesh& mesh);

}  // namespace smp
