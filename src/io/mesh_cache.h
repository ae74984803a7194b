#pragma once
// Meshes as the importer read them, kept in the cache folder under a hash of the file's bytes:
// Assimp (in its child process) takes about 0.1 s over the bundled head at every start, most of
// it welding the corners of the PLY's faces; the cached copy reads in a few milliseconds.
#include <cstdint>
#include <filesystem>
#include <optional>

#include "core/mesh.h"

namespace smp {

// The key of the file's current contents; nothing when it cannot be read.
std::optional<std::uint64_t> mesh_file_key(const std::filesystem::path& file);

// The mesh stored under `key`, when there is a whole, valid one (a damaged file is not trusted).
std::optional<Mesh> cached_mesh(std::uint64_t key);

// Stores `mesh` under `key`; quietly nothing where the cache folder cannot be written.
void cache_mesh(std::uint64_t key, const Mesh& mesh);

}  // namespace smp
