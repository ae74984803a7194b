#include "io/mesh_import.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <vector>
#include <fstream>
#include <optional>
#include <string>
#include <system_error>

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "core/input_error.h"
#include "io/mesh_cache.h"
#include "io/mesh_preflight.h"

namespace smp {
namespace {

std::string fail(const std::filesystem::path& path, const std::string& what) { return path.string() + ": " + what; }

void check_file(const std::filesystem::path& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw InputError(fail(path, "no such file"));
  if (std::filesystem::is_directory(status)) throw InputError(fail(path, "is a folder, not a mesh file"));
  if (!std::ifstream(path)) throw InputError(fail(path, "cannot be read (permission denied?)"));
  if (std::filesystem::file_size(path, ec) == 0) throw InputError(fail(path, "the file is empty"));
}

// Counts before copying so that an absurd file is refused before it is materialised twice.
std::size_t count_triangles(const aiScene& scene) {
  std::size_t triangles = 0;
  for (unsigned m = 0; m < scene.mNumMeshes; ++m)
    if (scene.mMeshes[m]->mPrimitiveTypes & aiPrimitiveType_TRIANGLE) triangles += scene.mMeshes[m]->mNumFaces;
  return triangles;
}

Mesh merge_triangles(const aiScene& scene, const std::filesystem::path& path) {
  Mesh mesh;
  std::size_t bad_coordinates = 0;
  for (unsigned m = 0; m < scene.mNumMeshes; ++m) {
    const aiMesh& part = *scene.mMeshes[m];
    const auto base = static_cast<std::uint32_t>(mesh.positions.size());
    for (unsigned v = 0; v < part.mNumVertices; ++v) {
      const aiVector3D& p = part.mVertices[v];
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) ++bad_coordinates;
      mesh.positions.emplace_back(p.x, p.y, p.z);
    }
    for (unsigned f = 0; f < part.mNumFaces; ++f) {
      const aiFace& face = part.mFaces[f];
      if (face.mNumIndices != 3) continue;  // points and lines are not surface
      for (unsigned k = 0; k < 3; ++k) {
        if (face.mIndices[k] >= part.mNumVertices) throw InputError(fail(path, "a face points past the vertex list"));
        mesh.indices.push_back(base + face.mIndices[k]);
      }
    }
  }
  if (bad_coordinates > 0)
    throw InputError(fail(path, bad_coordinates == 1 ? "1 vertex has NaN or infinite coordinates"
                                                     : std::to_string(bad_coordinates) + " vertices have NaN or infinite coordinates"));
  return mesh;
}

// Assimp's part: the file read into one merged triangle mesh, or an InputError. Runs in the child.
Mesh read_with_assimp(const std::filesystem::path& path, std::size_t max_triangles) {
  Assimp::Importer importer;
  // Lines and points are dropped at import; node transforms are baked in so all parts line up.
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  const aiScene* scene = importer.ReadFile(path.string(), aiProcess_ValidateDataStructure | aiProcess_Triangulate |
                                                              aiProcess_JoinIdenticalVertices | aiProcess_SortByPType |
                                                              aiProcess_PreTransformVertices);
  if (!scene) {
    std::string reason = importer.GetErrorString();
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == '.')) reason.pop_back();
    // Assimp's words for a file that parsed but held no surface.
    if (reason.find("No output meshes") != std::string::npos || reason.find("no meshes") != std::string::npos ||
        reason.find("mNumMeshes is 0") != std::string::npos || reason.find("contains no faces") != std::string::npos)
      throw InputError(fail(path, "contains no triangles (only points, lines or nothing)"));
    throw InputError(fail(path, "not a mesh that can be read (" + (reason.empty() ? "unknown format" : reason) + ")"));
  }
  const std::size_t triangles = count_triangles(*scene);
  if (triangles == 0) throw InputError(fail(path, "contains no triangles (only points, lines or nothing)"));
  if (triangles > max_triangles)
    throw InputError(fail(path, std::to_string(triangles) + " triangles is more than the " + std::to_string(max_triangles) +
                                    " this program accepts; simplify the mesh first"));
  return merge_triangles(*scene, path);
}

// The pipe between the child and the parent: a status word, then the mesh or the error's text.
bool write_all(int fd, const void* data, std::size_t size) {
  const char* at = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t written = write(fd, at, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    at += written, size -= std::size_t(written);
  }
  return true;
}

[[noreturn]] void child_reads(int fd, const std::filesystem::path& path, std::size_t max_triangles) {
  std::uint64_t header[3] = {0, 0, 0};  // status (0 mesh, 1 error), then sizes
  try {
    const Mesh mesh = read_with_assimp(path, max_triangles);
    header[1] = mesh.positions.size(), header[2] = mesh.indices.size();
    bool ok = write_all(fd, header, sizeof header);
    ok = ok && write_all(fd, mesh.positions.data(), mesh.positions.size() * sizeof(glm::vec3));
    ok = ok && write_all(fd, mesh.indices.data(), mesh.indices.size() * sizeof(std::uint32_t));
    _exit(ok ? 0 : 3);
  } catch (const std::exception& e) {
    const bool out_of_memory = dynamic_cast<const std::bad_alloc*>(&e) != nullptr;
    const std::string what = out_of_memory ? fail(path, "reading it needs more than " + std::to_string(kImportMemoryBytes >> 30) +
                                                            " GiB of memory; it may be corrupt, or too large")
                                           : std::string(e.what());
    header[0] = 1, header[1] = what.size();
    _exit(write_all(fd, header, sizeof header) && write_all(fd, what.data(), what.size()) ? 0 : 3);
  }
}

// Bounds the reading process's memory, so that a file whose reader would swallow the machine ends
// in bad_alloc instead. Not under AddressSanitizer, which reserves terabytes of address space.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SMP_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SMP_UNDER_ASAN 1
#endif
void limit_memory() {
#ifndef SMP_UNDER_ASAN
  const rlimit limit{kImportMemoryBytes, kImportMemoryBytes};
  setrlimit(RLIMIT_AS, &limit);
#endif
}

// Reads what the child sends until it closes the pipe, or the time is up.
bool read_all(int fd, std::vector<char>& into, std::chrono::steady_clock::time_point deadline) {
  char buffer[1 << 16];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) return false;
    pollfd wait{fd, POLLIN, 0};
    const int ready = poll(&wait, 1, int(std::min<long long>(left, 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t got = read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return true;  // the child closed the pipe
    into.insert(into.end(), buffer, buffer + got);
  }
}

Mesh read_in_child(const std::filesystem::path& path, std::size_t max_triangles, std::chrono::seconds time_limit) {
  int fds[2];
  if (pipe(fds) != 0) return read_with_assimp(path, max_triangles);  // no pipe: read here rather than not at all
  const pid_t child = fork();
  if (child < 0) {
    close(fds[0]), close(fds[1]);
    return read_with_assimp(path, max_triangles);
  }
  if (child == 0) {
    close(fds[0]);
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the program (a reader stuck in a loop would)
    // If Assimp aborts or faults, this throwaway process simply ends: the handlers it inherited
    // (a crash reporter, a fuzzer's) are the program's, and the parent reports the file.
    for (int fatal : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) signal(fatal, SIG_DFL);
    if (getppid() == 1) _exit(3);       // the parent is already gone
    limit_memory();
    child_reads(fds[1], path, max_triangles);
  }
  close(fds[1]);
  std::vector<char> bytes;
  const bool finished = read_all(fds[0], bytes, std::chrono::steady_clock::now() + time_limit);
  close(fds[0]);
  if (!finished) kill(child, SIGKILL);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!finished)
    throw InputError(fail(path, "reading it took longer than " + std::to_string(time_limit.count()) + " s; it may be corrupt, or too large"));
  if (WIFSIGNALED(status) || bytes.size() < 3 * sizeof(std::uint64_t))
    throw InputError(fail(path, "the mesh importer crashed on this file (corrupt, or a part of the format it cannot read)"));
  std::uint64_t header[3];
  std::memcpy(header, bytes.data(), sizeof header);
  const char* body = bytes.data() + sizeof header;
  const std::size_t body_size = bytes.size() - sizeof header;
  if (header[0] == 1) throw InputError(std::string(body, std::min<std::size_t>(body_size, header[1])));
  Mesh mesh;
  if (body_size != header[1] * sizeof(glm::vec3) + header[2] * sizeof(std::uint32_t))
    throw InputError(fail(path, "the mesh importer stopped part way through this file"));
  mesh.positions.resize(header[1]);
  mesh.indices.resize(header[2]);
  std::memcpy(mesh.positions.data(), body, header[1] * sizeof(glm::vec3));
  std::memcpy(mesh.indices.data(), body + header[1] * sizeof(glm::vec3), header[2] * sizeof(std::uint32_t));
  return mesh;
}

}  // namespace

ImportedMesh import_mesh(const std::filesystem::path& path, Units units, std::size_t max_triangles, std::chrono::seconds time_limit) {
  check_file(path);
  preflight_mesh_file(path, max_triangles);
  ImportedMesh result;
  // A file read before is taken from the cache (still within this call's triangle limit).
  const std::optional<std::uint64_t> key = mesh_file_key(path);
  if (std::optional<Mesh> cached = key ? cached_mesh(*key) : std::nullopt; cached && cached->triangle_count() <= max_triangles) {
    result.mesh = std::move(*cached);
  } else {
    result.mesh = read_in_child(path, max_triangles, time_limit);
    if (key) cache_mesh(*key, result.mesh);
  }
  result.normalisation = normalise_mesh(result.mesh, units, path.string());
  return result;
}

}  // namespace smp
