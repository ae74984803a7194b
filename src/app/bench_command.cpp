// `smp-studio bench`: the speed figures, measured now on this machine (format in ARCHITECTURE.md).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <numbers>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <imgui.h>
#include <meshoptimizer.h>
#include <imgui_impl_opengl3.h>

#include "app/commands.h"
#include "app/head_source.h"
#include "core/mesh_primitives.h"
#include "head/anatomy.h"
#include "head/landmark_estimate.h"
#include "head/orientation.h"
#include "render/offscreen_context.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"
#include "ui/view_panel.h"

extern char** environ;

namespace smp {
namespace {

using Clock = std::chrono::steady_clock;
constexpr glm::ivec2 kBenchSize{1280, 800};

struct Figure {
  std::vector<double> samples;
  std::string unit;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n == 0 ? 0.0 : (n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]));
}

std::string machine_description() {
  utsname u{};
  uname(&u);
  std::string cpu = "unknown CPU";
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);)
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  return cpu + ", " + std::to_string(sysconf(_SC_NPROCESSORS_ONLN)) + " cores, " + u.sysname + " " + u.machine;
}

std::string json_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out;
}

// Frame time of the orbiting camera around the head with the View panel drawn, offscreen.
// The GPU is waited for each frame so the figure is the time the frame really takes, not the time to queue it.
Figure measure_frames(int frames, int samples) {
  const Mesh& head = load_head(HeadOptions{}).imported.mesh;
  SceneRenderer renderer;
  renderer.set_head(head);
  RenderTarget target(kBenchSize.x, kBenchSize.y, samples);

  ImGui::CreateContext();
  setup_imgui_style(1.0f);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(float(kBenchSize.x), float(kBenchSize.y));

  OrbitCamera camera = camera_for_view(bounds_of(head), View::Front, float(kBenchSize.x) / float(kBenchSize.y));
  ViewSettings settings;
  FrameStats stats;
  stats.triangles = head.triangle_count();
  stats.gl_renderer = gl_renderer_name();
  Figure figure{{}, "ms"};
  constexpr int kWarmup = 5;  // shader compilation and first uploads are not steady-state frames
  for (int frame = -kWarmup; frame < frames; ++frame) {
    const auto start = Clock::now();
    camera.yaw = 2.0f * std::numbers::pi_v<float> * float(frame) / float(frames);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    draw_view_panel(settings, stats);
    ImGui::Render();
    target.bind();
    renderer.render(camera, settings, kBenchSize);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    wait_for_gpu();
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    stats.frame_ms = float(ms);
    if (frame >= 0) figure.samples.push_back(ms);
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
  return figure;
}

// From exec to the first finished frame of a fresh process: start-up cost as a user feels it.
Figure measure_first_frame(int runs) {
  Figure figure{{}, "ms"};
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  const std::string size = std::to_string(kBenchSize.x) + "x" + std::to_string(kBenchSize.y);
  for (int run = 0; run < runs; ++run) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) break;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    std::vector<std::string> args{self, "render", "--view", "three-quarter", "--size", size, "--out", "unused.png", "--report-first-frame"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const auto start = Clock::now();
    const int spawned = posix_spawn(&pid, self.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    char buffer[64];
    const ssize_t got = spawned == 0 ? read(pipe_fds[0], buffer, sizeof buffer) : -1;
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    close(pipe_fds[0]);
    int status = 0;
    if (spawned == 0) waitpid(pid, &status, 0);
    if (got > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) figure.samples.push_back(ms);
  }
  return figure;
}

// Orientation, landmarks, measurements, chart and zones of a head already in memory, as after an import.
Figure measure_anatomy(const Mesh& scan, int runs) {
  Figure figure{{}, "s"};
  for (int run = 0; run < runs; ++run) {
    const auto start = Clock::now();
    const OrientedHead head = orient_head(scan, "benchmark head");
    const GeodesicDistance geodesic(head.mesh);
    const Anatomy anatomy = prepare_anatomy(head.mesh, head.landmarks, geodesic);
    figure.samples.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    if (anatomy.zones.scalp_area_mm2 <= 0) figure.samples.clear();  // a broken result is no figure
  }
  return figure;
}

// One distance field from a point on the head: what dragging a landmark recomputes.
Figure measure_geodesic(const Mesh& head, int runs) {
  Figure figure{{}, "ms"};
  const GeodesicDistance geodesic(head);
  const Landmarks landmarks = estimate_landmarks(head, "benchmark head");
  for (int run = 0; run < runs; ++run) {
    const auto start = Clock::now();
    const std::vector<double> d = geodesic.from_point(landmarks[kAllLandmarks[std::size_t(run) % kLandmarkCount]]);
    figure.samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (d.empty()) figure.samples.clear();
  }
  return figure;
}

// A 300k-triangle scan stand-in: the bundled head split 4x (399k triangles), simplified to 300k.
Mesh scan_300k(const Mesh& head) {
  Mesh dense = subdivide_midpoints(head);
  std::vector<std::uint32_t> indices(dense.indices.size());
  indices.resize(meshopt_simplify(indices.data(), dense.indices.data(), dense.indices.size(), &dense.positions[0].x,
                                  dense.positions.size(), sizeof(glm::vec3), 300000 * 3, 1e-4f, 0, nullptr));
  std::vector<glm::vec3> positions(dense.positions.size());
  positions.resize(meshopt_optimizeVertexFetch(positions.data(), indices.data(), indices.size(), dense.positions.data(),
                                               dense.positions.size(), sizeof(glm::vec3)));  // drop the vertices left unused
  dense.positions = std::move(positions);
  dense.indices = std::move(indices);
  compute_smooth_normals(dense);
  return dense;
}

}  // namespace

int run_bench(const BenchOptions& options) {
  if (options.what != "render" && options.what != "anatomy" && options.what != "all") {
    std::cerr << "smp-studio bench: unknown benchmark '" << options.what << "' (this build has: render, anatomy, all)\n";
    return 2;
  }
  std::map<std::string, Figure> figures;
  if (options.what != "render") {
    const Mesh head = load_head(HeadOptions{}).imported.mesh;
    const Mesh scan = scan_300k(head);
    if (!options.json) std::cerr << "Measuring anatomy on the bundled head and a " << scan.triangle_count() << "-triangle scan...\n";
    figures["anatomy.prepare_s.bundled_head"] = measure_anatomy(head, options.runs);
    figures["anatomy.prepare_s.scan_300k"] = measure_anatomy(scan, options.runs);
    // The same scan saved Z up, facing -Y: the orientation search has to turn it.
    const glm::mat3 z_up(glm::vec3(1, 0, 0), glm::vec3(0, 0, 1), glm::vec3(0, -1, 0));
    figures["anatomy.prepare_s.scan_300k_z_up"] = measure_anatomy(rotate_mesh(scan, z_up), options.runs);
    figures["anatomy.geodesic_ms.bundled_head"] = measure_geodesic(head, std::max(options.runs, 11));
  }
  std::string renderer = "none (no GL figures asked for)";
  if (options.what != "anatomy") {
    std::string why;
    auto context = OffscreenContext::create(why);
    if (!context) {
      std::cerr << "smp-studio bench: no offscreen OpenGL 3.3 context: " << why << "\n";
      return 1;
    }
    renderer = gl_renderer_name();
    if (!options.json) std::cerr << "Measuring " << options.frames << " orbiting frames at 1280x800 on " << renderer << "...\n";
    const int frames = std::max(options.frames, 60);
    figures["render.frame_ms.dots_0"] = measure_frames(frames, ViewSettings{}.msaa_samples);  // the window's default
    figures["render.frame_ms.dots_0_msaa_off"] = measure_frames(frames, 0);
    if (!options.json) std::cerr << "Measuring start-up to first frame over " << options.runs << " process starts...\n";
    figures["render.first_frame_ms"] = measure_first_frame(options.runs);
  }

  if (options.json) {
    std::cout << "{\"machine\": \"" << json_escape(machine_description()) << "\", \"gl_renderer\": \"" << json_escape(renderer)
              << "\", \"figures\": {";
    bool first = true;
    for (const auto& [name, f] : figures) {
      const auto [lo, hi] = std::minmax_element(f.samples.begin(), f.samples.end());
      char line[256];
      std::snprintf(line, sizeof line, "%s\"%s\": {\"median\": %.3f, \"min\": %.3f, \"max\": %.3f, \"unit\": \"%s\", \"runs\": %zu}",
                    first ? "" : ", ", name.c_str(), median(f.samples), f.samples.empty() ? 0.0 : *lo,
                    f.samples.empty() ? 0.0 : *hi, f.unit.c_str(), f.samples.size());
      std::cout << line;
      first = false;
    }
    std::cout << "}}\n";
  } else {
    std::cout << "machine      " << machine_description() << "\nGL renderer  " << renderer << "\n";
    for (const auto& [name, f] : figures) {
      const auto [lo, hi] = std::minmax_element(f.samples.begin(), f.samples.end());
      std::printf("%-34s median %9.3f %s  (min %.2f, max %.2f, %zu runs)\n", name.c_str(), median(f.samples), f.unit.c_str(),
                  f.samples.empty() ? 0.0 : *lo, f.samples.empty() ? 0.0 : *hi, f.samples.size());
    }
  }
  for (const auto& [name, f] : figures)
    if (f.samples.empty()) {
      std::cerr << "smp-studio bench: " << name << " could not be measured\n";
      return 1;
    }
  return 0;
}

}  // namespace smp
