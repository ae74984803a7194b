#pragma once
// The clinic's settings on disk: JSON in clinic_settings_path() (app/design_io.h).
#include <filesystem>

#include "design/clinic_settings.h"

namespace smp {

// The defaults when there is no file yet; InputError "FILE: field: problem" for a broken one (the
// caller keeps its settings).
ClinicSettings read_clinic_settings(const std::filesystem::path& path);
// Atomic; std::runtime_error naming the file when it cannot be written.
void write_clinic_settings(const std::filesystem::path& path, const ClinicSettings& settings);

}  // namespace smp
