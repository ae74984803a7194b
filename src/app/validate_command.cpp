// `smp-studio validate DESIGN.json`: every problem of a design file, one per line, or a summary
// and the design's warnings when it is valid.
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.h"
#include "design/design_file.h"
#include "design/design_warnings.h"

namespace smp {

int run_validate(const std::filesystem::path& path) {
  std::error_code error;
  std::ifstream in(path, std::ios::binary);
  if (std::filesystem::is_directory(path, error) || !in) {
    std::cerr << path.string() << ": cannot be read (missing, a folder, or no permission)\n";
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const DesignReadResult result = design_from_json(text.str());
  if (!result.design) {
    for (const std::string& problem : result.errors) std::cerr << path.string() << ": " << problem << "\n";
    return 2;
  }
  const Design& d = *result.design;
  std::cout << path.string() << ": a valid design, \"" << d.name << "\": hairline " << d.hairline.height_mm << " mm above the glabella, "
            << d.sessions.size() << " sessions (";
  for (std::size_t k = 0; k < d.sessions.size(); ++k) std::cout << (k ? "/" : "") << d.sessions[k].cumulative_percent;
  std::cout << "% of the target density)\n";
  for (const std::string& warning : design_warnings(d)) std::cout << "warning: " << warning << "\n";
  return 0;
}

}  // namespace smp
