// smp-studio: the window, and the same core from the command line (render, bench).
#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "core/input_error.h"

namespace {

// "1600x1200" -> {1600, 1200}; CLI11 reports the error when this returns an empty string.
std::string parse_size(const std::string& text, glm::ivec2& size) {
  const auto x = text.find('x');
  if (x == std::string::npos) return "expected WIDTHxHEIGHT in pixels, e.g. 1600x1200";
  int w = 0, h = 0;
  const auto a = std::from_chars(text.data(), text.data() + x, w);
  const auto b = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
  if (a.ec != std::errc() || b.ec != std::errc() || a.ptr != text.data() + x || b.ptr != text.data() + text.size())
    return "expected WIDTHxHEIGHT in pixels, e.g. 1600x1200";
  if (w < 16 || h < 16 || w > 16384 || h > 16384) return "each side must be 16 to 16384 px";
  size = {w, h};
  return "";
}

// "56.5,34,35" (cm) -> tape measurements in mm.
std::string parse_tape(const std::string& text, smp::HeadOptions& head) {
  double c = 0, e = 0, g = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%lf,%lf,%lf%c", &c, &e, &g, &tail) != 3)
    return "expected three lengths in cm: circumference,ear-to-ear,glabella-to-inion (e.g. 56.5,34,35)";
  head.fit = smp::TapeMeasurements{c * 10, e * 10, g * 10};
  return "";
}

void add_head_options(CLI::App& command, smp::HeadOptions& head, std::string& units) {
  command.add_option("--head", head.head, "Head mesh (any format Assimp reads: OBJ, PLY, STL, glTF/GLB, FBX, DAE, ...); "
                                          "default: the bundled head");
  command.add_option("--units", units, "Units of the --head mesh: auto (guess from its size), mm, cm or m")
      ->check(CLI::IsMember({"auto", "mm", "cm", "m"}))
      ->default_str("auto");
  command.add_option("--fit", "Stretch the head to a patient's tape measurements, in cm: "
                              "circumference,ear-to-ear,glabella-to-inion (both over the vertex)")
      ->check(CLI::Validator([&head](std::string& text) { return parse_tape(text, head); }, "C,E,G", "tape"));
}

CLI::Validator size_validator(glm::ivec2& size) {
  return CLI::Validator([&size](std::string& text) { return parse_size(text, size); }, "WxH", "size");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"SMP Studio: scalp micropigmentation design on a 3D head.\n"
               "With no subcommand, opens the window (or, without a display, renders the head sheet into ./out/)."};
  app.set_version_flag("--version", std::string("smp-studio ") + SMP_VERSION);

  smp::WindowOptions window;
  std::string window_units = "auto", window_size;
  add_head_options(app, window.head, window_units);
  app.add_option("--window-size", window_size, "Window size in screen units, WxH")->check(size_validator(window.size));
  app.add_option("--frames", window.frames, "Close after N frames (for tests and screenshots)")->check(CLI::PositiveNumber);
  app.add_option("--screenshot", window.screenshot, "Save the window as PNG after the last frame (with --frames)");
  app.add_option("--design", window.design, "Open this design file (JSON) in the window");
  app.add_option("--compare", window.compare, "Show this design file (JSON) beside the open one, on the same camera");
  app.add_option("--case", window.training_case, "Open this training case (assets/cases/*.case.json): with --design, that design is the attempt");

  smp::RenderOptions render;
  std::string render_units = "auto", render_views = "front", render_size;
  CLI::App* render_cmd = app.add_subcommand("render", "Render the head to a PNG without a window or display");
  add_head_options(*render_cmd, render.head, render_units);
  render_cmd->add_option("--view", render_views,
                         "front, back, left, right, top or three-quarter; a comma list makes a sheet with one cell per view; "
                         "map: the flat scalp map with zones and landmarks")
      ->default_str("front");
  render_cmd->add_option("--size", render_size, "Picture size of each view in px, WxH (default 1600x1200)")
      ->check(size_validator(render.size));
  render_cmd->add_option("--out", render.out, "PNG file to write")->required();
  render_cmd->add_flag("--landmarks", render.landmarks, "Mark the anatomical landmarks");
  render_cmd->add_flag("--zones", render.zones, "Tint the scalp zones");
  render_cmd->add_option("--dots", render.dot_density, "Draw pigment dots at this density over the scalp, dots/cm2")
      ->check(CLI::Range(0.0, 250.0));
  render_cmd->add_option("--zoom", render.zoom, "Closer by this factor (1: the whole head)")->check(CLI::Range(1.0, 50.0));
  render_cmd->add_option("--focus", render.focus, "Centre on a landmark, e.g. left_frontotemporal, vertex (with --zoom for close-ups)");
  render_cmd->add_option("--dot-size", render.dot_diameter_mm, "Dot diameter on the skin for every session, mm (default: each session's needle, 0.29-0.50 mm)")
      ->check(CLI::Range(0.02, 2.0));
  render_cmd->add_option("--design", render.design, "Design file (JSON): its hairline, densities, sessions and needles");
  render_cmd->add_option("--session", render.session, "With --design: the dots up to this session (1-based); earlier sessions shown paler")
      ->check(CLI::Range(1, 5));
  render_cmd->add_flag("--hairline", render.hairline, "With --design: draw the designed hairline on the skin");
  render_cmd->add_flag("--density-shadow", render.density_shadow, "With --design: show the planned density as a shadow over the skin");
  std::string preview = "healed", render_split;
  render_cmd->add_option("--split", render_split, "With --design: before-after (the bare scalp left of the middle, the design right)")
      ->check(CLI::IsMember({"before-after"}));
  render_cmd->add_flag("--mirror", render.mirror, "Left and right swapped, as the patient sees it in a mirror");
  render_cmd->add_option("--compare", render.compare, "With --design: a second design drawn beside it on the same camera");
  std::string render_overlays;
  render_cmd->add_option("--overlay", render_overlays, "Comma list of landmarks, zones, hairline, heat (density, dots/cm2), sessions (colours), measurements (hairline distances, mm)");
  render_cmd->add_option("--preview", preview, "With --design: fresh, healed or years:N (0-10)")
      ->check([](const std::string& text) { return smp::parse_preview(text) ? std::string() : "expected fresh, healed or years:N with N 0-10"; });
  render_cmd->add_flag("--report-first-frame", render.report_first_frame, "Benchmark probe: report the first frame, write nothing")
      ->group("");

  smp::MeasureOptions measure;
  std::string measure_units = "auto";
  CLI::App* measure_cmd = app.add_subcommand("measure", "Landmarks and tape-measure figures of the head, along the skin");
  add_head_options(*measure_cmd, measure.head, measure_units);
  measure_cmd->add_flag("--json", measure.json, "One JSON object on stdout (lengths in mm)");
  measure_cmd->add_option("--design", measure.design, "Also a design's figures: dots per session and zone, treated area, time at the chair");
  measure_cmd->add_option("--dots-per-minute", measure.dots_per_minute, "The practitioner's pace for the time at the chair (default: the clinic's settings, 60 unless changed)")
      ->check(CLI::Range(1.0, 1000.0));

  smp::ExportOptions export_options;
  std::string export_units = "auto", export_formats, export_sessions, export_size;
  CLI::App* export_cmd = app.add_subcommand("export", "Write a design's session guide into a folder, headless");
  export_cmd->add_option("design", export_options.design, "Design file (JSON)")->required();
  export_cmd->add_option("--out", export_options.out, "Folder for the guide (written whole, or not at all)")->required();
  add_head_options(*export_cmd, export_options.head, export_units);
  export_cmd->add_option("--formats", export_formats,
                         "Comma list: pdf (the printable guide), png (a picture per session and view), svg (the scalp map per session), "
                         "csv (the dots), json (the design), ics (the schedule, needs a first session date), care (the patient's care sheets), "
                         "summary (the one-page consultation record)");
  export_cmd->add_option("--paper", export_options.paper, "Paper for the PDF: a4 or letter")->check(CLI::IsMember({"a4", "letter"}));
  export_cmd->add_option("--sessions", export_sessions, "Comma list of sessions (1-based), e.g. 1,3; default: all");
  export_cmd->add_flag("--anonymise,--anonymize", export_options.anonymise, "Leave the patient's name/ID, notes, medication and photos out of every file");
  std::string export_preview = "healed";
  export_cmd->add_option("--preview", export_preview, "Each session's preview picture: healed (default), fresh or years:N (0-10)")
      ->check([](const std::string& text) { return smp::parse_preview(text) ? std::string() : "fresh, healed or years:N (N from 0 to 10)"; });
  export_cmd->add_option("--size", export_size, "Picture size of each view in px, WxH (default 1600x1200)")
      ->check(size_validator(export_options.size));

  smp::ScoreOptions score;
  std::string score_units = "auto";
  CLI::App* score_cmd = app.add_subcommand("score", "Score a trainee's design (or a folder of them) against a training case or reference design");
  add_head_options(*score_cmd, score.head, score_units);
  score_cmd->add_option("reference", score.reference, "Training case (assets/cases/*.case.json) or reference design (JSON)")->required();
  score_cmd->add_option("trainee", score.trainees, "Trainee design files, or folders of them")->required();
  score_cmd->add_flag("--json", score.json, "Print the scores as JSON");
  score_cmd->add_option("--csv", score.csv, "Write one row per submission to this CSV file");
  score_cmd->add_option("--report", score.report, "Write a PDF score report: this file for one design, a PDF per design into this folder for several");

  std::filesystem::path validate_path;
  CLI::App* validate_cmd = app.add_subcommand("validate", "Check a design file and say what is wrong with it, field by field");
  validate_cmd->add_option("design", validate_path, "Design file (JSON)")->required();

  smp::BenchOptions bench;
  CLI::App* bench_cmd = app.add_subcommand("bench", "Measure the speed figures on this machine now");
  bench_cmd->add_option("what", bench.what, "render, anatomy, dots, design, export or all")
      ->check(CLI::IsMember({"render", "anatomy", "dots", "design", "export", "all"}));
  bench_cmd->add_flag("--json", bench.json, "One JSON object on stdout");
  bench_cmd->add_option("--frames", bench.frames, "Frames per frame-time figure (at least 60)")->check(CLI::Range(60, 100000));
  bench_cmd->add_option("--runs", bench.runs, "Repeats of each timed run (process starts, anatomy preparations)")
      ->check(CLI::Range(1, 100));

  app.require_subcommand(0, 1);  // so `bench render` reads "render" as bench's argument
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "smp-studio: " << e.what() << "\n";
    return 2;  // usage errors are bad input
  }

  try {
    if (*render_cmd) {
      render.head.units = *smp::parse_units(render_units);
      render.preview = *smp::parse_preview(preview);
      render.split_before_after = render_split == "before-after";
      for (std::size_t start = 0; start < render_overlays.size();) {
        const std::size_t comma = std::min(render_overlays.find(',', start), render_overlays.size());
        const std::string name = render_overlays.substr(start, comma - start);
        if (name == "landmarks") render.landmarks = true;
        else if (name == "zones") render.zones = true;
        else if (name == "hairline") render.hairline = true;
        else if (name == "heat") render.heat = true;
        else if (name == "sessions") render.colour_sessions = true;
        else if (name == "measurements") render.measurements = true;
        else throw smp::InputError("--overlay: '" + name + "' is not an overlay (landmarks, zones, hairline, heat, sessions, measurements)");
        start = comma + 1;
      }
      if (!render.compare.empty() && (render.design.empty() || render.split_before_after))
        throw smp::InputError("--compare: needs a --design to compare with, and no --split");
      if ((render.heat || render.colour_sessions || render.measurements) && render.design.empty())
        throw smp::InputError("--overlay heat, sessions and measurements need a --design");
      if (render.split_before_after && render.design.empty()) throw smp::InputError("--split before-after: needs a --design to show after");
      render.views.clear();
      for (std::size_t start = 0; start <= render_views.size();) {
        const std::size_t comma = std::min(render_views.find(',', start), render_views.size());
        const std::string name = render_views.substr(start, comma - start);
        if (name == "map" && render_views == "map") {
          render.scalp_map = true;
          break;
        }
        const auto view = smp::parse_view(name);
        if (!view) throw smp::InputError("--view: '" + name + "' is not a view (front, back, left, right, top, three-quarter, or map alone)");
        render.views.push_back(*view);
        start = comma + 1;
      }
      return smp::run_render(render);
    }
    if (*bench_cmd) return smp::run_bench(bench);
    if (*validate_cmd) return smp::run_validate(validate_path);
    if (*score_cmd) {
      score.head.units = *smp::parse_units(score_units);
      return smp::run_score(score);
    }
    if (*export_cmd) {
      export_options.head.units = *smp::parse_units(export_units);
      auto split = [](const std::string& text) {
        std::vector<std::string> parts;
        for (std::size_t start = 0; start <= text.size();) {
          const std::size_t comma = std::min(text.find(',', start), text.size());
          if (comma > start) parts.push_back(text.substr(start, comma - start));
          start = comma + 1;
        }
        return parts;
      };
      if (!export_formats.empty()) export_options.formats = split(export_formats);  // else every format (ExportOptions)
      export_options.preview = *smp::parse_preview(export_preview);
      for (const std::string& k : split(export_sessions)) {
        if (k.find_first_not_of("0123456789") != std::string::npos) throw smp::InputError("--sessions: '" + k + "' is not a session number");
        export_options.sessions.push_back(std::stoi(k));
      }
      return smp::run_export(export_options);
    }
    if (*measure_cmd) {
      measure.head.units = *smp::parse_units(measure_units);
      return smp::run_measure(measure);
    }
    window.head.units = *smp::parse_units(window_units);
    return smp::run_window(window);
  } catch (const smp::InputError& e) {
    std::cerr << "smp-studio: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "smp-studio: " << e.what() << "\n";
    return 1;
  }
}
