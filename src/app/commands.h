#pragma once
// The subcommands of smp-studio (see docs and ../shared/ARCHITECTURE.md for the contract).
// Each returns the process exit code: 0 success, 2 bad input or usage, 1 other failure.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "core/camera.h"
#include "core/pigment_preview.h"
#include "design/clinic_settings.h"
#include "app/head_source.h"

namespace smp {

struct RenderOptions {
  HeadOptions head;
  std::vector<View> views{View::Front};       // more than one: a sheet, one cell per view
  bool scalp_map = false;                     // --view map: the flat scalp map instead of views
  glm::ivec2 size{1600, 1200};                // px, of each view
  std::filesystem::path out;
  bool landmarks = false;                     // draw the landmark markers
  bool zones = false;                         // tint the scalp zones
  double dot_density = 0;                     // dots/cm2 over the scalp; 0: no dots
  float zoom = 1.0f;                          // > 1: closer
  std::string focus;                          // a landmark key to centre on (close-ups), or empty
  float dot_diameter_mm = 0.0f;  // 0: from each session's needle
  bool report_first_frame = false;            // bench probe: print a line after the first frame, write nothing
  std::filesystem::path design;               // a design file: its dots instead of --dots
  int session = 0;                            // with a design: dots up to this session (1-based); 0: all
  bool hairline = false;                      // with a design: draw its hairline on the skin
  bool density_shadow = false;                // with a design: its planned density as a shadow
  PreviewSettings preview;                    // with a design: fresh, healed or years later
  bool split_before_after = false;            // with a design: the bare scalp left, the design right
  bool mirror = false;                        // as the patient sees it in a mirror
  bool heat = false;                          // with a design: its planned density as a heat map
  bool measurements = false;                  // with a design: its hairline's distances in mm over the picture
  std::filesystem::path compare;              // with a design: a second design drawn beside it
  bool colour_sessions = false;               // with a design: each session's dots in its colour
};

struct WindowOptions {
  HeadOptions head;
  glm::ivec2 size{1600, 1000};                // window size in screen coordinates
  int frames = 0;                             // > 0: close after this many frames (tests)
  std::optional<std::filesystem::path> screenshot;  // saved after the last frame
  std::filesystem::path headless_out = "out"; // where the headless fallback writes
  std::optional<std::filesystem::path> design; // opened at the start
  std::optional<std::filesystem::path> compare; // shown beside it from the start
  std::optional<std::filesystem::path> training_case; // a training case opened in the Training panel
};

struct MeasureOptions {
  HeadOptions head;
  bool json = false;
  std::filesystem::path design;               // also the design's figures: dots per session and zone, time
  double dots_per_minute = 0.0;               // the practitioner's pace, for the time at the chair; 0: the clinic's settings
};

struct BenchOptions {
  std::string what = "all";                   // render, anatomy, dots, design, export or all
  bool json = false;
  int frames = 120;                           // frames per frame-time figure (at least 60)
  int runs = 5;                               // process starts for first_frame_ms
};

struct ExportOptions {
  std::filesystem::path design;
  std::filesystem::path out;                  // the guide's folder: written whole, or not at all
  HeadOptions head;                           // none: the design's own head, else the bundled one
  std::vector<std::string> formats{"pdf", "png", "svg", "csv", "json", "ics", "care", "summary"};  // all of them
  std::string paper = "a4";                   // a4 or letter
  std::vector<int> sessions;                  // 1-based; empty: all
  glm::ivec2 size{1600, 1200};                // px, of each view picture
  PreviewSettings preview;                    // the look of each session's preview picture (healed)
  bool anonymise = false;                     // leave the patient's name/ID and notes out of every file
  ClinicSettings clinic;                      // prices and pace for the quote and the times
};

int run_render(const RenderOptions& options);
// The session guide of a design, into a folder (see docs): prints the folder, progress on stderr.
int run_export(const ExportOptions& options);
int run_window(const WindowOptions& options);
int run_bench(const BenchOptions& options);
int run_measure(const MeasureOptions& options);
// Exit 0 and "FILE: a valid design (...)" or exit 2 and every problem, one per line.
int run_validate(const std::filesystem::path& design);

struct ScoreOptions {
  HeadOptions head;
  std::filesystem::path reference;              // a case file, or a design taken as the reference
  std::vector<std::filesystem::path> trainees;  // design files, or folders of them
  bool json = false;
  std::filesystem::path csv;                    // one row per submission
  std::filesystem::path report;                 // a PDF per attempt: the file (one trainee) or a folder
};
int run_score(const ScoreOptions& options);

// The headless main job: the bundled example design's session guide, into `out_dir`/example-guide.
int run_headless_guide(const HeadOptions& head, const std::filesystem::path& out_dir);

}  // namespace smp
