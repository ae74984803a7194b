#include "app/training_io.h"

#include <algorithm>

#include "app/design_io.h"
#include "app/head_source.h"
#include "core/input_error.h"
#include "dots/spacing_metrics.h"
#include "io/atomic_file.h"

namespace smp {

TrainingCase read_case_file(const std::filesystem::path& path) {
  const std::string text = read_input_file(path, "a case or design file");
  if (text.find("\"smp-studio case\"") == std::string::npos) {  // a design: its own reference
    TrainingCase plain;
    plain.reference = read_design_file(path);
    plain.name = plain.reference.name;
    return plain;
  }
  CaseReadResult result = case_from_json(text);
  if (!result.training_case) refuse_input_file(path, result.errors);
  return *result.training_case;
}

void write_case_file(const std::filesystem::path& path, const TrainingCase& training_case) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  write_file_atomically(path, case_to_json(training_case));
}

// Beside the user's presets.
std::filesystem::path user_cases_dir() { return user_presets_dir().parent_path() / "cases"; }

std::vector<std::filesystem::path> list_cases() {
  std::vector<std::filesystem::path> all;
  for (const std::filesystem::path& dir : {bundled_head_path().parent_path() / "cases", user_cases_dir()}) {
    std::vector<std::filesystem::path> here;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error))
      if (entry.path().string().ends_with(".case.json")) here.push_back(entry.path());
    std::sort(here.begin(), here.end());
    all.insert(all.end(), here.begin(), here.end());
  }
  return all;
}

namespace {

// The dot engine's spacing metric over a design's dots: each dot's nearest neighbour over the
// hexagonal spacing of the density planned where it lies; the mean over the dots.
double spread_of(DesignDots& designed, const Design& design) {
  const DesignDots::Result made = designed.make(design);
  std::vector<glm::vec3> points;
  std::vector<float> density;
  for (std::size_t i = 0; i < made.instances.size(); ++i) {
    points.push_back(made.instances[i].position);
    density.push_back(made.target_per_cm2[i] / 100.0f);
  }
  return points.size() < 2 ? 0.0 : spacing_stats(points, density).rho_mean;
}

}  // namespace

DesignScore score_on_head(DesignDots& designed, const TrainingCase& training_case, const Design& trainee) {
  const SpreadFigures spread{spread_of(designed, training_case.reference), spread_of(designed, trainee)};
  return score_design(training_case.reference, trainee, designed.hairline_frame(), training_case.tolerances, spread);
}

}  // namespace smp
