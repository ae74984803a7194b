#pragma once
// Helpers shared by the tests: a scratch folder per test, small mesh files, running a command.
#include <filesystem>
#include <string>

namespace smp::test {

// A fresh, empty folder for the current test (removed and recreated on each call).
std::filesystem::path scratch_dir();

void write_text(const std::filesystem::path& path, const std::string& text);

// An OBJ cube with `edge` units per side, centred at `centre`, split per face (24 vertices) like
// exporters write hard-edged meshes.
std::string cube_obj(float edge, float centre_x = 0, float centre_y = 0, float centre_z = 0);

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout, and stderr too unless left out
};
enum class Stderr { Captured, Discarded };
CommandResult run_command(const std::string& command, Stderr stderr_output = Stderr::Captured);

}  // namespace smp::test
