// smp-studio score: a trainee's design (or a folder of them) against a case's reference.
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "design/session_dates.h"
#include "app/design_io.h"
#include "app/head_source.h"
#include "app/pool_cache.h"
#include "app/guide_measures.h"
#include "app/pigment_view.h"
#include "app/training_io.h"
#include "core/camera.h"
#include "export/score_report.h"
#include "render/offscreen_capture.h"
#include "render/offscreen_context.h"
#include "render/scene_renderer.h"
#include "core/input_error.h"
#include "head/anatomy.h"
#include "io/atomic_file.h"
#include "io/csv.h"

namespace smp {
namespace {

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  std::string s = text;
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    const bool dot = s.back() == '.';
    s.pop_back();
    if (dot) break;
  }
  return s == "-0" ? "0" : s;
}

void print_text(const TrainingCase& c, const std::filesystem::path& trainee, const DesignScore& score) {
  std::cout << "Case:    " << c.name << (c.pattern.empty() ? "" : " (" + c.pattern + ")") << "\n";
  std::cout << "Trainee: " << trainee.string() << "\n";
  std::cout << "Score:   " << number(std::round(score.total * 10.0) / 10.0) << " / 100" << (score.perfect() ? "  (matches the reference)" : "") << "\n";
  if (score.faults.empty()) std::cout << "Faults:  none\n";
  else std::cout << "Faults:\n";
  for (const ScoreFault& f : score.faults)
    std::cout << "  " << f.key << ": " << number(f.value) << (f.unit.empty() ? "" : " " + f.unit) << ". " << f.reason << "\n";
  std::cout << "Scores:\n";
  for (const ScoreItem& i : score.items) {
    char line[160];
    std::snprintf(line, sizeof line, "  %s %-38s %8s %-6s (tolerance %s)  ", i.pass ? "ok " : "OFF", i.name.c_str(), number(i.value).c_str(),
                  i.unit.c_str(), number(i.tolerance).c_str());
    std::cout << line << i.reason << "\n";
  }
}

nlohmann::ordered_json to_json(const TrainingCase& c, const std::filesystem::path& trainee, const DesignScore& score) {
  nlohmann::ordered_json out = {{"case", c.name}, {"pattern", c.pattern}, {"trainee", trainee.string()}, {"total", score.total}, {"perfect", score.perfect()}};
  out["faults"] = nlohmann::ordered_json::array();
  for (const ScoreFault& f : score.faults) out["faults"].push_back({{"key", f.key}, {"value", f.value}, {"unit", f.unit}, {"reason", f.reason}});
  out["items"] = nlohmann::ordered_json::array();
  for (const ScoreItem& i : score.items)
    out["items"].push_back({{"key", i.key}, {"name", i.name}, {"value", i.value}, {"unit", i.unit}, {"tolerance", i.tolerance}, {"pass", i.pass},
                            {"points", i.points}, {"reason", i.reason}});
  return out;
}


// The head from the front, close on the forehead, with the trainee's dots (healed) and both
// hairlines; empty where no offscreen OpenGL context can be had (the report then has the map only).
Image front_view(const Mesh& head, const Anatomy& anatomy, const Landmarks& landmarks, DesignDots& designed, const Design& reference,
                 const Design& trainee) {
  std::string why;
  auto context = OffscreenContext::create(why);
  if (!context) {
    std::cerr << "smp-studio score: no offscreen OpenGL context (" << why << "): the report shows the map only\n";
    return {};
  }
  SceneRenderer renderer;
  renderer.set_head(head);
  ViewSettings settings;
  settings.fitzpatrick_type = reference.patient.fitzpatrick_type;
  settings.show_hairline = true;
  settings.background_top_srgb = settings.background_bottom_srgb = glm::vec3(1.0f);  // paper
  const PigmentFrame frame = pigment_frame(head, anatomy);
  const DesignDots::Result made = designed.make(trainee);
  renderer.set_pigment_uv(frame.uvw);
  renderer.set_pigment(bake_pigment(ink_dots(made.instances, made.plane_mm, settings, made.on_scar, made.skin_metric), frame.low_mm, frame.high_mm, frame.size));
  std::vector<Marker> beads;
  for (const glm::vec3& p : designed.hairline_points(reference)) beads.push_back({p, glm::vec3(kReferenceLine[0], kReferenceLine[1], kReferenceLine[2])});
  for (const glm::vec3& p : designed.hairline_points(trainee)) beads.push_back({p, glm::vec3(kTraineeLine[0], kTraineeLine[1], kTraineeLine[2])});
  renderer.set_hairline(std::move(beads));
  const glm::ivec2 size(900, 800);
  OrbitCamera camera = camera_for_view(bounds_of(head), View::Front, float(size.x) / float(size.y));
  camera.target += 0.45f * (landmarks[Landmark::Vertex] - camera.target);  // the scalp fills the picture, as in the guide
  camera.distance /= 1.6f;
  return capture_frame(renderer, camera, settings, size, 4);
}

}  // namespace

int run_score(const ScoreOptions& options) {
  const TrainingCase training_case = read_case_file(options.reference);
  // The submissions: files as given, folders' design files in name order.
  std::vector<std::filesystem::path> files;
  for (const std::filesystem::path& path : options.trainees) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      std::vector<std::filesystem::path> here;
      for (const auto& entry : std::filesystem::directory_iterator(path, error))
        if (entry.path().extension() == ".json") here.push_back(entry.path());
      std::sort(here.begin(), here.end());
      if (here.empty()) throw InputError(path.string() + ": no design files (*.json) in this folder");
      files.insert(files.end(), here.begin(), here.end());
    } else {
      files.push_back(path);
    }
  }
  // Read every submission before the head is prepared: a bad file is named at once. In a folder,
  // a bad file is a row with its problem, not the end of the grading.
  const bool grading = files.size() > 1 || !options.csv.empty();
  std::vector<std::optional<Design>> designs;
  std::vector<std::string> problems;
  for (const std::filesystem::path& file : files) {
    try {
      designs.push_back(read_design_file(file));
      problems.emplace_back();
    } catch (const InputError& e) {
      if (!grading) throw;
      designs.emplace_back();
      problems.push_back(e.what());
    }
  }

  const LoadedHead loaded = load_head(head_for_design(options.head, training_case.reference));
  if (!loaded.landmarks) throw InputError(loaded.landmarks_note);
  const Mesh& head = loaded.imported.mesh;
  const GeodesicDistance geodesic(head);
  const Anatomy anatomy = prepare_anatomy(head, *loaded.landmarks, geodesic);
  const DotPool pool = cached_head_pool(head);
  DesignDots designed(head, *loaded.landmarks, anatomy, geodesic, pool);

  // --report: a PDF per attempt (one trainee: that file; several: a folder of NAME.pdf).
  const GuideMeasures measures(*loaded.landmarks, anatomy, geodesic, designed);
  const bool report_folder = !options.report.empty() && files.size() > 1;
  if (report_folder) std::filesystem::create_directories(options.report);
  std::optional<GuideMap> map;
  auto write_report = [&](const std::filesystem::path& file, const Design& trainee, const DesignScore& score) {
    ScoreReport report;
    report.case_name = training_case.name;
    report.pattern = training_case.pattern;
    report.brief = "Patient: " + std::to_string(training_case.age) + " years, Fitzpatrick type " +
                   std::to_string(training_case.reference.patient.fitzpatrick_type) + (training_case.wishes.empty() ? "." : ". \"" + training_case.wishes + "\"");
    report.trainee = file.filename().string();
    report.date = today_iso();
    report.score = score;
    if (!map) map = measures.map(head, training_case.reference, 4.0);
    report.map = *map;
    report.trainee_hairline = measures.map(head, trainee, 0.5).hairline;
    report.front = front_view(head, anatomy, *loaded.landmarks, designed, training_case.reference, trainee);
    const std::filesystem::path out = report_folder ? options.report / (file.stem().string() + ".pdf") : options.report;
    const std::filesystem::path partial = out.string() + ".partial";
    write_score_report(partial, report);
    std::filesystem::rename(partial, out);  // whole or not at all
    std::cerr << "Wrote " << std::filesystem::absolute(out).string() << "\n";
  };

  std::vector<std::optional<DesignScore>> scores;
  for (std::size_t k = 0; k < files.size(); ++k) {
    if (!designs[k]) {
      scores.emplace_back();
      std::cerr << "smp-studio score: " << problems[k] << "\n";
      continue;
    }
    const DesignScore score = score_on_head(designed, training_case, *designs[k]);
    if (!options.report.empty()) write_report(files[k], *designs[k], score);
    if (options.json && !grading) std::cout << to_json(training_case, files[k], score).dump(2) << "\n";
    else if (!grading) print_text(training_case, files[k], score);
    else std::cout << files[k].filename().string() << ": " << number(std::round(score.total * 10.0) / 10.0) << " / 100, " << score.faults.size() << " fault(s)\n";
    scores.push_back(score);
  }
  if (grading && options.json) {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < files.size(); ++k)
      all.push_back(scores[k] ? to_json(training_case, files[k], *scores[k]) : nlohmann::ordered_json{{"trainee", files[k].string()}, {"error", problems[k]}});
    std::cout << all.dump(2) << "\n";
  }
  if (!options.csv.empty()) {
    // One row per submission: its total, its faults, then every score's value (the union of keys,
    // in the order first seen: zones with no density in one design are blank there).
    std::vector<std::string> keys;
    for (const auto& score : scores)
      if (score)
        for (const ScoreItem& i : score->items)
          if (std::find(keys.begin(), keys.end(), i.key) == keys.end()) keys.push_back(i.key);
    std::ostringstream csv;
    csv << "file,case,total,perfect,faults,error";
    for (const std::string& key : keys) csv << "," << key;
    csv << "\n";
    for (std::size_t k = 0; k < files.size(); ++k) {
      csv << csv_field(files[k].filename().string()) << "," << csv_field(training_case.name) << ",";
      if (!scores[k]) {
        csv << ",,," << csv_field(problems[k]) << std::string(keys.size(), ',') << "\n";
        continue;
      }
      std::string faults;
      for (const ScoreFault& f : scores[k]->faults) faults += (faults.empty() ? "" : ";") + f.key;
      csv << number(scores[k]->total) << "," << (scores[k]->perfect() ? "yes" : "no") << "," << csv_field(faults) << ",";
      for (const std::string& key : keys) {
        const ScoreItem* i = scores[k]->item(key);
        csv << "," << (i ? number(i->value) : "");
      }
      csv << "\n";
    }
    write_file_atomically(options.csv, csv.str());
    std::cerr << "Wrote " << std::filesystem::absolute(options.csv).string() << " (" << files.size() << " submission(s))\n";
  }
  return 0;
}

}  // namespace smp
