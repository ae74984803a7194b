#pragma once
// Design files on disk: read with every problem named, written atomically.
#include <filesystem>
#include <string>
#include <vector>

#include "app/head_source.h"
#include "core/image.h"
#include "design/design.h"

namespace smp {

// Throws InputError "FILE: field: problem (and N more)" for a missing or bad file. Before photos
// named relative to the design file come back as absolute paths.
Design read_design_file(const std::filesystem::path& path);
// The design's before photos, read (PNG or JPEG) in kPhotoViews order; InputError naming a photo
// that cannot be read.
std::vector<std::pair<std::string, Image>> read_before_photos(const Design& design);
// The bytes of a file the user named (`kind`: "a design file"); InputError naming it when it is a
// folder or cannot be read.
std::string read_input_file(const std::filesystem::path& path, const std::string& kind);
// InputError "FILE: first problem (and N more)", for a reader's list of problems.
[[noreturn]] void refuse_input_file(const std::filesystem::path& path, const std::vector<std::string>& problems);
// Throws std::runtime_error naming the file when it cannot be written; the old file is then intact.
void write_design_file(const std::filesystem::path& path, const Design& design);

// Where the window keeps the design being edited every 30 s, for recovery after a crash:
// $XDG_STATE_HOME/smp-studio/recovery.json (or ~/.local/state/...).
std::filesystem::path recovery_path();
// The clinic's settings (price list, pace): $XDG_CONFIG_HOME/smp-studio/settings.json (or ~/.config/...).
std::filesystem::path clinic_settings_path();
// Presets the user saved: $XDG_DATA_HOME/smp-studio/presets (or ~/.local/share/...).
std::filesystem::path user_presets_dir();
// The head to show a design on: the one asked for, else the one it was designed on (when that
// file is still there), else the bundled head.
HeadOptions head_for_design(const HeadOptions& asked, const Design& design);

// The bundled presets (beside the bundled head) and the user's, sorted by name within each.
std::vector<std::filesystem::path> list_presets();

}  // namespace smp
