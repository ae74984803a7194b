#include "app/design_io.h"

#include <fstream>
#include <sstream>

#include "core/input_error.h"
#include "design/design_file.h"
#include "io/atomic_file.h"

namespace smp {

Design read_design_file(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw InputError(path.string() + ": is a folder, not a design file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot be read (missing, or no permission)");
  std::ostringstream text;
  text << in.rdbuf();
  DesignReadResult result = design_from_json(text.str());
  if (!result.design) {
    std::string line = path.string() + ": " + result.errors.front();
    if (result.errors.size() > 1) line += " (and " + std::to_string(result.errors.size() - 1) + " more)";
    throw InputError(line);
  }
  return *result.design;
}

void write_design_file(const std::filesystem::path& path, const Design& design) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  write_file_atomically(path, design_to_json(design));
}

}  // namespace smp
