#include "io/mesh_preflight.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>

#include "core/input_error.h"

namespace smp {
namespace {

// The counts a PLY header declares, and a lower bound on the bytes they need: every property of
// every element takes at least one byte (binary uchar, or one digit in ASCII).
void check_ply_header(const std::filesystem::path& path, std::uintmax_t file_bytes, std::size_t max_triangles) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!std::getline(in, line) || line.rfind("ply", 0) != 0) return;  // not PLY: Assimp decides
  std::uintmax_t needed = 0, faces = 0, current_count = 0;
  bool ended = false;
  for (int lines = 0; std::getline(in, line) && lines < 10000; ++lines) {
    std::istringstream words(line);
    std::string keyword, name;
    words >> keyword;
    if (keyword == "end_header") {
      ended = true;
      break;
    }
    if (keyword == "element") {
      words >> name >> current_count;
      if (name == "face") faces = current_count;
    } else if (keyword == "property") {
      needed += current_count;  // one byte per property per element at the least
    }
  }
  // Found by fuzzing: Assimp 5.2's PLY reader never returns on a header without its end.
  if (!ended) throw InputError(path.string() + ": the PLY header has no end_header line (corrupt or truncated PLY)");
  if (needed > file_bytes)
    throw InputError(path.string() + ": the header declares more data than the file holds (corrupt or truncated PLY)");
  // A face is at least one triangle; polygons only add more.
  if (faces > max_triangles)
    throw InputError(path.string() + ": " + std::to_string(faces) + " faces is more than the " +
                     std::to_string(max_triangles) + " triangles this program accepts; simplify the mesh first");
}

// OFF is simple enough to check whole. Found by fuzzing: Assimp 5.2 aborts the process on an OFF
// face that names a vertex that does not exist, so every face is checked before it reads one.
void check_off(const std::filesystem::path& path, std::size_t max_triangles) {
  std::ifstream in(path, std::ios::binary);
  std::string keyword;
  if (!(in >> keyword) || keyword.size() < 3 || keyword.compare(keyword.size() - 3, 3, "OFF") != 0) return;  // Assimp decides
  auto refuse = [&](const std::string& why) { throw InputError(path.string() + ": " + why + " (corrupt OFF)"); };
  long long vertices = -1, faces = -1, edges = -1;
  if (!(in >> vertices >> faces >> edges) || vertices < 0 || faces < 0) refuse("the header's vertex and face counts cannot be read");
  if (std::uintmax_t(faces) > max_triangles)
    throw InputError(path.string() + ": " + std::to_string(faces) + " faces is more than the " + std::to_string(max_triangles) +
                     " triangles this program accepts; simplify the mesh first");
  std::string line;
  std::getline(in, line);
  auto next_line = [&](std::string& text) {  // past blank lines and # comments
    while (std::getline(in, text)) {
      const std::size_t first = text.find_first_not_of(" \t\r");
      if (first != std::string::npos && text[first] != '#') return true;
    }
    return false;
  };
  for (long long v = 0; v < vertices; ++v) {
    if (!next_line(line)) refuse("it ends after " + std::to_string(v) + " of " + std::to_string(vertices) + " vertices");
    std::istringstream numbers(line);
    double x, y, z;
    if (!(numbers >> x >> y >> z)) refuse("vertex " + std::to_string(v + 1) + " is not three numbers");
  }
  for (long long f = 0; f < faces; ++f) {
    if (!next_line(line)) refuse("it ends after " + std::to_string(f) + " of " + std::to_string(faces) + " faces");
    std::istringstream numbers(line);
    long long corners = 0;
    if (!(numbers >> corners) || corners < 3 || corners > vertices) refuse("face " + std::to_string(f + 1) + " has no valid corner count");
    for (long long k = 0; k < corners; ++k) {
      long long index = -1;
      if (!(numbers >> index) || index < 0 || index >= vertices)
        refuse("face " + std::to_string(f + 1) + " names a vertex outside 0-" + std::to_string(vertices - 1));
    }
  }
}

}  // namespace

void preflight_mesh_file(const std::filesystem::path& path, std::size_t max_triangles) {
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (ec) return;  // the importer reports unreadable files
  if (bytes > kMaxMeshFileBytes)
    throw InputError(path.string() + ": " + std::to_string(bytes >> 20) + " MiB is larger than the " +
                     std::to_string(kMaxMeshFileBytes >> 20) + " MiB this program reads; simplify the mesh first");
  check_ply_header(path, bytes, max_triangles);
  std::string extension = path.extension().string();
  for (char& c : extension) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".off") check_off(path, max_triangles);
}

}  // namespace smp
