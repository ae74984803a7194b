#include "app/design_io.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "app/head_source.h"
#include "core/input_error.h"
#include "design/design_file.h"
#include "io/atomic_file.h"
#include "io/png.h"

namespace smp {

std::string read_input_file(const std::filesystem::path& path, const std::string& kind) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw InputError(path.string() + ": is a folder, not " + kind);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot be read (missing, or no permission)");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void refuse_input_file(const std::filesystem::path& path, const std::vector<std::string>& problems) {
  std::string line = path.string() + ": " + (problems.empty() ? std::string("cannot be read") : problems.front());
  if (problems.size() > 1) line += " (and " + std::to_string(problems.size() - 1) + " more)";
  throw InputError(line);
}

Design read_design_file(const std::filesystem::path& path) {
  DesignReadResult result = design_from_json(read_input_file(path, "a design file"));
  if (!result.design) refuse_input_file(path, result.errors);
  // Photos named relative to the design file are found beside it, wherever the program runs.
  for (BeforePhoto& photo : result.design->patient.photos)
    if (std::filesystem::path(photo.file).is_relative()) photo.file = (std::filesystem::absolute(path).parent_path() / photo.file).lexically_normal().string();
  return *result.design;
}

std::vector<std::pair<std::string, Image>> read_before_photos(const Design& design) {
  std::vector<std::pair<std::string, Image>> photos;
  for (const char* view : kPhotoViews)
    for (const BeforePhoto& photo : design.patient.photos)
      if (photo.view == view) {
        // A photo for the page and the panel: 1600 px across is plenty, and far less to keep.
        const Image full = read_png(photo.file);
        photos.emplace_back(view, shrink_to_width(full, 1600));
      }
  return photos;
}

void write_design_file(const std::filesystem::path& path, const Design& design) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  write_file_atomically(path, design_to_json(design));
}

namespace {
std::filesystem::path xdg_dir(const char* variable, const char* fallback) {
  if (const char* set = std::getenv(variable); set && *set) return set;
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / fallback;
}
}  // namespace

HeadOptions head_for_design(const HeadOptions& asked, const Design& design) {
  HeadOptions options = asked;
  std::error_code error;
  if (!options.head && !design.head_file.empty() && std::filesystem::is_regular_file(design.head_file, error)) options.head = design.head_file;
  return options;
}

std::filesystem::path recovery_path() { return xdg_dir("XDG_STATE_HOME", ".local/state") / "smp-studio" / "recovery.json"; }

std::filesystem::path clinic_settings_path() { return xdg_dir("XDG_CONFIG_HOME", ".config") / "smp-studio" / "settings.json"; }

std::filesystem::path user_presets_dir() { return xdg_dir("XDG_DATA_HOME", ".local/share") / "smp-studio" / "presets"; }

std::vector<std::filesystem::path> list_presets() {
  std::vector<std::filesystem::path> all;
  for (const std::filesystem::path& dir : {bundled_head_path().parent_path() / "presets", user_presets_dir()}) {
    std::vector<std::filesystem::path> here;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error))
      if (entry.path().extension() == ".json") here.push_back(entry.path());
    std::sort(here.begin(), here.end());
    all.insert(all.end(), here.begin(), here.end());
  }
  return all;
}

}  // namespace smp
