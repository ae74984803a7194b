// `smp-studio export DESIGN.json --out DIR`: the session guide as files. Everything is written
// into a hidden folder beside DIR and moved into place at the end, so a failure (a bad design, a
// full disk) leaves no half guide behind.
#include <algorithm>
#include <future>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <unistd.h>

#include "app/commands.h"
#include "app/design_dots.h"
#include "app/design_io.h"
#include "app/guide_measures.h"
#include "app/pool_cache.h"
#include "core/input_error.h"
#include "core/session_colours.h"
#include "design/design_file.h"
#include "export/guide_pdf.h"
#include "export/scalp_map_svg.h"
#include "design/session_dates.h"
#include "head/anatomy.h"
#include "io/atomic_file.h"
#include "io/png.h"
#include "render/offscreen_capture.h"
#include "render/offscreen_context.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"

namespace smp {
namespace {

constexpr View kGuideViews[] = {View::Front, View::Left, View::Right, View::Top, View::Back};
const std::set<std::string> kFormatsHere{"pdf", "png", "svg", "csv", "json"};

std::string view_key(View view) {
  switch (view) {
    case View::Front: return "front";
    case View::Back: return "back";
    case View::Left: return "left";
    case View::Right: return "right";
    case View::Top: return "top";
    default: return "three-quarter";
  }
}

// The dots up to session `last` (0-based) as a guide shows them: this session's new dots in its
// colour, the earlier sessions' in grey (the shader's colour 5), later ones not at all.
constexpr float kEarlierSession = float(kEarlierSessionColour);
std::vector<DotInstance> dots_up_to(const std::vector<DotInstance>& all, int last) {
  std::vector<DotInstance> dots;
  for (DotInstance d : all) {
    if (d.session > float(last)) continue;
    if (d.session < float(last)) d.session = kEarlierSession;
    dots.push_back(d);
  }
  return dots;
}

std::string format_mm(double mm) {
  char s[32];
  std::snprintf(s, sizeof s, "%.0f mm", mm);
  return s;
}

std::string dots_csv(const DesignDots::Result& made) {
  std::string csv = "x_mm,y_mm,z_mm,normal_x,normal_y,normal_z,session,zone,size_mm,shade\n";
  char row[256];
  for (std::size_t i = 0; i < made.instances.size(); ++i) {
    const DotInstance& d = made.instances[i];
    std::snprintf(row, sizeof row, "%.3f,%.3f,%.3f,%.4f,%.4f,%.4f,%d,%s,%.3f,%.3f\n", double(d.position.x), double(d.position.y),
                  double(d.position.z), double(d.normal.x), double(d.normal.y), double(d.normal.z), int(d.session) + 1,
                  std::string(zone_key(made.zones[i])).c_str(), double(d.diameter_mm), double(d.shade));
    csv += row;
  }
  return csv;
}

}  // namespace

int run_export(const ExportOptions& options) {
  for (const std::string& format : options.formats)
    if (!kFormatsHere.count(format))
      throw InputError("--formats: '" + format + "' is not a format (pdf, png, svg, csv, json)");
  const Design design = read_design_file(options.design);
  std::vector<int> sessions = options.sessions;
  if (sessions.empty())
    for (int k = 1; k <= int(design.sessions.size()); ++k) sessions.push_back(k);
  for (int k : sessions)
    if (k < 1 || k > int(design.sessions.size()))
      throw InputError("--sessions: the design has sessions 1-" + std::to_string(design.sessions.size()) + ", not " + std::to_string(k));
  const LoadedHead loaded = load_head(head_for_design(options.head, design));
  if (!loaded.landmarks) throw InputError(loaded.landmarks_note);
  const Mesh& head = loaded.imported.mesh;

  const std::filesystem::path out = std::filesystem::absolute(options.out);
  const std::filesystem::path partial = out.parent_path() / ("." + out.filename().string() + ".partial-" + std::to_string(getpid()));
  std::error_code error;
  std::filesystem::create_directories(out.parent_path(), error);
  if (!std::filesystem::create_directory(partial, error))
    throw std::runtime_error(out.parent_path().string() + ": cannot write the guide here (" + error.message() + ")");
  try {
    auto progress = [](const std::string& step) { std::cerr << step << std::endl; };
    progress("Preparing the head and the dots...");
    const GeodesicDistance geodesic(head);
    const Anatomy anatomy = prepare_anatomy(head, *loaded.landmarks, geodesic);
    const DotPool pool = cached_head_pool(head);
    DesignDots designed(head, *loaded.landmarks, anatomy, geodesic, pool);
    const DesignDots::Result made = designed.make(design);
    const auto wants = [&](const std::string& format) { return std::find(options.formats.begin(), options.formats.end(), format) != options.formats.end(); };

    std::vector<std::future<void>> writes;  // pictures being encoded; get() passes on their errors
    const GuideMeasures measures(*loaded.landmarks, anatomy, geodesic, designed);
    const HairlineDistances distances = measures.distances(design);
    GuideContents guide;
    guide.design = &design;
    guide.head_note = loaded.mesh_path.filename().string() + " (" + std::to_string(head.triangle_count()) + " triangles)";
    const std::vector<std::string> dates = planned_session_dates(design);
    if (wants("png") || wants("pdf")) {
      std::string why;
      auto context = OffscreenContext::create(why);
      if (!context) throw std::runtime_error("no offscreen OpenGL 3.3 context for the pictures: " + why);
      SceneRenderer renderer;
      renderer.set_head(head);
      std::vector<Marker> beads;
      for (const glm::vec3& p : designed.hairline_points(design)) beads.push_back({p, glm::vec3(1.0f, 0.97f, 0.9f)});
      renderer.set_hairline(std::move(beads));
      ViewSettings settings;
      settings.fitzpatrick_type = design.patient.fitzpatrick_type;
      settings.use_custom_skin = design.patient.use_sampled_skin;
      settings.custom_skin_srgb = design.patient.sampled_skin_srgb;
      settings.show_hairline = true;
      settings.colour_sessions = true;  // a map for the artist: this session's dots must stand out
      settings.dot_session_last = int(kEarlierSession);
      // Big enough to see on a printed page, where the picture is a few centimetres wide.
      settings.map_dot_px = 0.0035f * float(options.size.x);
      settings.background_top_srgb = settings.background_bottom_srgb = glm::vec3(1.0f);  // paper
      const Bounds bounds = bounds_of(head);
      const float aspect = float(options.size.x) / float(options.size.y);
      RenderTarget target(options.size.x, options.size.y, kOffscreenSamples);
      std::vector<std::vector<DotInstance>> session_dots;
      for (int k : sessions) {
        session_dots.push_back(dots_up_to(made.instances, k - 1));
        GuideSession page;
        page.number = k;
        page.new_dots = made.counts.in_session(std::size_t(k - 1));
        page.date = std::size_t(k - 1) < dates.size() ? dates[std::size_t(k - 1)] : "";
        guide.sessions.push_back(std::move(page));
      }
      // View by view: the head is drawn once and kept; each session's dots go onto a copy of it.
      int done = 0;
      const int total = int(sessions.size()) * int(std::size(kGuideViews));
      for (View view : kGuideViews) {
        // The scalp fills the picture: closer, and centred between the head's middle and its vertex.
        OrbitCamera camera = camera_for_view(bounds, view, aspect);
        camera.target += 0.45f * ((*loaded.landmarks)[Landmark::Vertex] - camera.target);
        camera.distance /= view == View::Top ? 1.25f : 1.6f;
        auto front_dimensions = [&](const OrbitCamera& cam) {
          // Glabella to the hairline's centre, and each temple corner marked with its height.
          auto px = [&](glm::vec3 p) { return cam.to_pixels(p, options.size); };
          const float lead = 0.06f * float(options.size.x);
          std::vector<ViewDimension> marks{{px(distances.glabella), px(distances.centre), format_mm(distances.centre_mm), true}};
          for (int side = 0; side < 2; ++side) {
            const glm::vec2 corner = px(distances.corners[std::size_t(side)]);
            const float outward = corner.x > 0.5f * float(options.size.x) ? 1.0f : -1.0f;
            marks.push_back({corner, corner + glm::vec2(outward * lead, -0.5f * lead),
                             (side == 0 ? "L " : "R ") + format_mm(distances.corner_up_mm[std::size_t(side)]) + " up"});
          }
          return marks;
        };
        target.bind();
        renderer.render_head(camera, settings, options.size);
        target.keep_layer();
        for (std::size_t i = 0; i < sessions.size(); ++i) {
          const std::string name = "session-" + std::to_string(sessions[i]) + "-" + view_key(view) + ".png";
          progress("[" + std::to_string(++done) + "/" + std::to_string(total) + "] " + name);
          if (i > 0) target.restore_layer();
          renderer.set_dots(session_dots[i]);
          renderer.render_on_skin(camera, settings, options.size);
          Image image = target.resolve_and_read();
          // The other core encodes the picture while this one draws the next.
          if (wants("png")) writes.push_back(std::async(std::launch::async, [path = partial / name, image] { write_png(path, image); }));
          guide.sessions[i].views.push_back({view_key(view), std::move(image), view == View::Front ? front_dimensions(camera) : std::vector<ViewDimension>{}});
        }
      }
    }
    for (auto& write : writes) write.get();
    if (wants("pdf")) {
      guide.hairline_template = measures.hairline_template(design);
      guide.distances_note = measures.distances_note(distances);
      guide.map = measures.map(head, design, 3.0);
      for (GuideSession& page : guide.sessions) measures.add_session_map(page, design, made);
      progress("guide.pdf");
      write_guide_pdf(partial / "guide.pdf", guide, options.paper == "letter" ? Paper::Letter : Paper::A4);
    }
    if (wants("svg")) {
      // The chart's scalp edge and designed hairline as polylines, the landmarks, then per session
      // its dots over the earlier ones.
      ScalpMapSvg map;
      for (int i = 0; i < 360; ++i) {
        const double theta = -3.14159265358979 + 2.0 * 3.14159265358979 * i / 360.0;
        map.scalp_edge.push_back({designed.scalp_edge().radius_at(theta), theta});
      }
      const HairlineShape shape = designed.hairline(design);
      const double reach = std::max(std::abs(shape.left_corner().theta), std::abs(shape.right_corner().theta)) + 0.3;
      for (double theta = -reach; theta <= reach; theta += 0.01) map.hairline.push_back({shape.edge_r(theta), theta});
      for (Landmark l : kAllLandmarks)
        if (const PolarPoint p = chart_point(anatomy.chart, geodesic, (*loaded.landmarks)[l]); p.r < 250.0)
          map.landmarks.emplace_back(std::string(landmark_label(l)), p);
      for (int k : sessions) {
        const glm::vec3 colour = session_colour_srgb(k);
        char hex[8];
        std::snprintf(hex, sizeof hex, "#%02x%02x%02x", int(255 * colour.r + 0.5f), int(255 * colour.g + 0.5f), int(255 * colour.b + 0.5f));
        map.session_colour = hex;
        map.title = design.name + " - session " + std::to_string(k) + " (" + std::to_string(made.counts.in_session(std::size_t(k - 1))) +
                    " new dots)";
        map.earlier_dots.clear(), map.session_dots.clear(), map.session_dot_mm.clear();
        for (std::size_t i = 0; i < made.instances.size(); ++i) {
          const int session = int(made.instances[i].session) + 1;
          if (session < k) map.earlier_dots.push_back(made.chart[i]);
          if (session == k) map.session_dots.push_back(made.chart[i]), map.session_dot_mm.push_back(made.instances[i].diameter_mm);
        }
        const std::string name = "scalp-map-session-" + std::to_string(k) + ".svg";
        progress(name);
        write_file_atomically(partial / name, scalp_map_svg(map));
      }
    }
    if (wants("csv")) {
      progress("dots.csv (" + std::to_string(made.instances.size()) + " dots)");
      write_file_atomically(partial / "dots.csv", dots_csv(made));
    }
    if (wants("json")) {
      progress("design.json");
      write_file_atomically(partial / "design.json", design_to_json(design));
    }
    // Into place: the old guide (if any) goes aside first and is removed only once the new one is in.
    const std::filesystem::path old = out.parent_path() / ("." + out.filename().string() + ".old-" + std::to_string(getpid()));
    const bool had_old = std::filesystem::exists(out);
    if (had_old) std::filesystem::rename(out, old);
    std::filesystem::rename(partial, out);
    if (had_old) std::filesystem::remove_all(old, error);
  } catch (...) {
    std::filesystem::remove_all(partial, error);
    throw;
  }
  std::cout << out.string() << "\n";
  return 0;
}

int run_headless_guide(const HeadOptions& head, const std::filesystem::path& out_dir) {
  ExportOptions options;
  options.design = bundled_head_path().parent_path() / "examples" / "example-design.json";
  options.head = head;
  options.out = out_dir / "example-guide";
  std::cout << "Exporting the example design's session guide (headless)...\n";
  return run_export(options);
}

}  // namespace smp
