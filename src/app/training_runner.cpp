#include "app/training_runner.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>

#include "app/design_io.h"
#include "app/guide_measures.h"
#include "export/raster.h"
#include "export/score_report.h"
#include "app/training_io.h"
#include "core/input_error.h"
#include "io/atomic_file.h"
#include "io/csv.h"

namespace smp {
namespace {



std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string slug(const std::string& name) {
  std::string s;
  for (char ch : name) {
    if (std::isalnum(static_cast<unsigned char>(ch))) s += char(std::tolower(static_cast<unsigned char>(ch)));
    else if (!s.empty() && s.back() != '-') s += '-';
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  return s.empty() ? "case" : s;
}

}  // namespace

std::filesystem::path attempts_log_path() { return user_cases_dir().parent_path() / "attempts.csv"; }

void log_attempt(const std::filesystem::path& log, const std::string& trainee, const std::string& case_name, const DesignScore& score) {
  std::string text = read_text(log);
  if (text.empty()) text = "when,trainee,case,total,faults\n";
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", std::localtime(&now));
  std::string faults;
  for (const ScoreFault& f : score.faults) faults += (faults.empty() ? "" : ";") + f.key;
  char total[16];
  std::snprintf(total, sizeof total, "%.1f", score.total);
  text += std::string(when) + "," + csv_field(trainee) + "," + csv_field(case_name) + "," + total + "," + csv_field(faults) + "\n";
  if (log.has_parent_path()) std::filesystem::create_directories(log.parent_path());
  write_file_atomically(log, text);
}

std::vector<float> attempts_of(const std::filesystem::path& log, const std::string& trainee, const std::string& case_name) {
  std::vector<float> totals;
  std::istringstream lines(read_text(log));
  std::string line;
  std::getline(lines, line);  // the header
  while (std::getline(lines, line)) {
    const std::vector<std::string> f = csv_fields(line);
    if (f.size() >= 4 && f[1] == trainee && f[2] == case_name) totals.push_back(std::strtof(f[3].c_str(), nullptr));
  }
  return totals;
}

TrainingRunner::TrainingRunner(TrainingPanelState& panel) { list(panel); }

void TrainingRunner::list(TrainingPanelState& panel) {
  cases_ = list_cases();
  panel.case_names.clear();
  for (const std::filesystem::path& path : cases_) {
    try {
      panel.case_names.push_back(read_case_file(path).name);
    } catch (const InputError&) {
      panel.case_names.push_back(path.filename().string() + " (cannot be read)");
    }
  }
}

void TrainingRunner::select(const std::filesystem::path& path, TrainingPanelState& panel) {
  panel.result.reset();
  panel.exercising = false;
  try {
    case_ = read_case_file(path);
  } catch (const InputError& e) {
    case_.reset();
    panel.brief.clear();
    panel.message = e.what();
    panel.message_is_error = true;
    return;
  }
  const TrainingCase& c = *case_;
  panel.brief = c.name + (c.pattern.empty() ? "" : " (" + c.pattern + ")") + "\nPatient: " + std::to_string(c.age) + " years, Fitzpatrick type " +
                std::to_string(c.reference.patient.fitzpatrick_type) + "\n\"" + c.wishes + "\"";
  panel.attempts = attempts_of(attempts_log_path(), panel.trainee, c.name);
  panel.message.clear();
}

void TrainingRunner::open(const std::filesystem::path& path, TrainingPanelState& panel, DesignDocument& document) {
  // The same file as a listed case (however the path was written), else added to the list.
  auto same = [&](const std::filesystem::path& listed) {
    std::error_code error;
    return std::filesystem::equivalent(listed, path, error);
  };
  if (std::find_if(cases_.begin(), cases_.end(), same) == cases_.end()) {
    cases_.push_back(path);
    panel.case_names.push_back(path.filename().string());
  }
  panel.selected = int(std::find_if(cases_.begin(), cases_.end(), same) - cases_.begin());
  select(path, panel);
  if (case_ && !document.panel.path.empty()) panel.exercising = true;  // the design opened with it is the attempt
  else if (case_) handle(TrainingPanelRequest{.start = true}, panel, document, nullptr);
}

void TrainingRunner::handle(const TrainingPanelRequest& request, TrainingPanelState& panel, DesignDocument& document, const GuideHead* head) {
  if (request.select && panel.selected >= 0 && panel.selected < int(cases_.size())) select(cases_[std::size_t(panel.selected)], panel);
  if (request.trainee_changed && case_) panel.attempts = attempts_of(attempts_log_path(), panel.trainee, case_->name);
  if (request.start && case_) {
    document.start_new();
    document.design.name = "Exercise: " + case_->name;
    document.design.patient = case_->reference.patient;  // the case's patient: skin, notes
    panel.exercising = true;
    panel.result.reset();
    panel.message = "A blank design for this case: shape the hairline, the densities and the sessions, then submit.";
    panel.message_is_error = false;
  }
  if (request.submit && case_) {
    if (!head) {
      panel.message = "The dots are still being prepared; submit again in a moment.";
      panel.message_is_error = true;
    } else {
      panel.result = score_on_head(head->designed, *case_, document.design);
      map_ = hairlines_map(*head, case_->reference, document.design);
      try {
        log_attempt(attempts_log_path(), panel.trainee, case_->name, *panel.result);
        panel.attempts = attempts_of(attempts_log_path(), panel.trainee, case_->name);
        panel.message.clear();
      } catch (const std::exception& e) {
        panel.message = std::string("Scored, but the attempt was not logged: ") + e.what();
        panel.message_is_error = true;
      }
    }
  }
  if (request.save_reference) {
    TrainingCase c;
    c.name = panel.new_name;
    c.pattern = panel.new_pattern;
    c.age = std::clamp(panel.new_age, 18, 100);
    c.wishes = panel.new_wishes;
    c.reference = document.design;
    c.tolerances = panel.new_tolerances;
    const std::filesystem::path file = user_cases_dir() / (slug(c.name) + ".case.json");
    try {
      write_case_file(file, c);
      list(panel);
      panel.message = "Saved " + file.string();
      panel.message_is_error = false;
    } catch (const std::exception& e) {
      panel.message = std::string("Not saved: ") + e.what();
      panel.message_is_error = true;
    }
  }
}

Image hairlines_map(const GuideHead& head, const Design& reference, const Design& trainee) {
  constexpr double kPxPerMm = 1.6;
  const GuideMeasures measures(head.landmarks, head.anatomy, head.geodesic, head.designed);
  const GuideMap map = measures.map(head.mesh, reference, kPxPerMm);
  const std::vector<glm::dvec2> mine = measures.map(head.mesh, trainee, 0.1).hairline;
  // The front half of the map, with room above it: a hairline drawn too low lies beyond the
  // scalp's front edge on the flattened chart.
  const int above = int(25.0 * kPxPerMm), rows = int(0.5 * map.zones.height);
  Image image(map.zones.width, above + rows);
  std::fill(image.rgba.begin(), image.rgba.end(), std::uint8_t(255));
  std::copy_n(map.zones.rgba.begin(), std::size_t(rows) * std::size_t(image.width) * 4, image.rgba.begin() + std::ptrdiff_t(std::size_t(above) * std::size_t(image.width) * 4));
  auto px = [&](glm::dvec2 mm) { return glm::vec2(float((mm.x - map.low_mm.x) * kPxPerMm), float((map.high_mm.y - mm.y) * kPxPerMm) + float(above)); };
  // Outside the scalp's edge the flattened chart folds (ears, neck): white there, as on paper.
  std::vector<glm::vec2> edge;
  for (const glm::dvec2& p : map.scalp_edge) edge.push_back(px(p));
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      bool inside = false;  // even-odd rule
      const glm::vec2 p(float(x) + 0.5f, float(y) + 0.5f);
      for (std::size_t i = 0, j = edge.size() - 1; i < edge.size(); j = i++)
        if ((edge[i].y > p.y) != (edge[j].y > p.y) && p.x < (edge[j].x - edge[i].x) * (p.y - edge[i].y) / (edge[j].y - edge[i].y) + edge[i].x)
          inside = !inside;
      if (!inside) std::fill_n(&image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4], 3, 255);
    }
  auto polyline = [&](const std::vector<glm::dvec2>& points, float width, glm::vec3 colour, bool closed) {
    for (std::size_t i = 0; i + 1 < points.size() + (closed ? 1 : 0); ++i)
      draw_line(image, px(points[i]), px(points[(i + 1) % points.size()]), width, colour);
  };
  polyline(map.scalp_edge, 1.2f, glm::vec3(0.35f), true);
  for (const auto& [label, mm] : map.landmarks) draw_dot(image, px(mm), 2.0f, glm::vec3(0.15f));
  polyline(map.hairline, 2.5f, glm::vec3(kReferenceLine[0], kReferenceLine[1], kReferenceLine[2]), false);
  polyline(mine, 2.5f, glm::vec3(kTraineeLine[0], kTraineeLine[1], kTraineeLine[2]), false);
  return image;
}

std::vector<Marker> TrainingRunner::reference_beads(const TrainingPanelState& panel, const DesignDots& designed) const {
  std::vector<Marker> beads;
  if (!case_ || !panel.result || !panel.show_reference) return beads;
  for (const glm::vec3& p : designed.hairline_points(case_->reference)) beads.push_back({p, glm::vec3(0.35f, 1.0f, 0.45f)});
  return beads;
}

}  // namespace smp
