// The interactive window: GLFW + Dear ImGui frame loop (after ImGui's example_glfw_opengl3).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/commands.h"
#include "app/head_source.h"
#include "io/png.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"
#include "render/window_context.h"
#include "head/geodesic.h"
#include "head/measurements.h"
#include "ui/measurements_panel.h"
#include "ui/view_panel.h"

namespace smp {
namespace {

bool has_display() {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  return (x11 && *x11) || (wayland && *wayland);
}

// Everything the frame loop keeps between frames.
struct Session {
  WindowContext& window;
  SceneRenderer renderer;
  Bounds head_bounds;
  OrbitCamera camera;
  ViewSettings settings;
  FrameStats stats;
  std::vector<int> pressed_keys;  // GLFW keys pressed since the last frame

  float aspect() const {
    const glm::ivec2 fb = window.framebuffer_size();
    return fb.y > 0 ? float(fb.x) / float(fb.y) : 1.0f;
  }
  void frame_head() { camera.frame(head_bounds, aspect()); }  // keeps the direction
  void show_view(View view) {
    camera.set_view(view);
    frame_head();
  }
};

// Mouse and keys go to the camera unless ImGui is using them.
void handle_input(Session& s) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantCaptureMouse) {
    const glm::vec2 delta(io.MouseDelta.x, io.MouseDelta.y);
    const glm::ivec2 window = s.window.window_size();
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) s.camera.orbit(delta);
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 0.0f))
      s.camera.pan(delta, float(window.y));
    if (io.MouseWheel != 0.0f && window.x > 0 && window.y > 0) {
      const glm::vec2 ndc(2.0f * io.MousePos.x / float(window.x) - 1.0f, 1.0f - 2.0f * io.MousePos.y / float(window.y));
      s.camera.zoom_toward(ndc, io.MouseWheel, s.aspect());
    }
  }
  std::vector<int> keys;
  keys.swap(s.pressed_keys);
  if (io.WantCaptureKeyboard) return;  // typing into a field
  constexpr View kNumberKeys[] = {View::Front, View::Back, View::Left, View::Right, View::Top, View::ThreeQuarter};
  for (int key : keys) {
    if (key == GLFW_KEY_F) s.frame_head();
    if (key >= GLFW_KEY_1 && key <= GLFW_KEY_6) s.show_view(kNumberKeys[key - GLFW_KEY_1]);
    if (key >= GLFW_KEY_KP_1 && key <= GLFW_KEY_KP_6) s.show_view(kNumberKeys[key - GLFW_KEY_KP_1]);
  }
}

// Key presses are queued rather than polled: at software-rendering frame rates a quick tap can
// start and end inside one frame, and ImGui 1.86 would never see it down.
void queue_key_press(GLFWwindow* window, int key, int /*scancode*/, int action, int /*mods*/) {
  if (action == GLFW_PRESS) static_cast<Session*>(glfwGetWindowUserPointer(window))->pressed_keys.push_back(key);
}

}  // namespace

int run_window(const WindowOptions& options) {
  // Read the head first: a broken file is reported before any window opens.
  const LoadedHead loaded = load_head(options.head.head, options.head.units);
  const Mesh& head = loaded.imported.mesh;
  std::string why;
  std::unique_ptr<WindowContext> window;
  if (has_display()) window = WindowContext::create(options.size.x, options.size.y, "SMP Studio", why);
  else why = "no display ($DISPLAY and $WAYLAND_DISPLAY are unset)";
  if (!window) {
    std::cout << "No window can be opened: " << why << ".\n";
    if (options.screenshot) std::cerr << "smp-studio: --screenshot needs a window; no screenshot is taken\n";
    return run_headless_sheet(options.head, options.headless_out);
  }

  Session s{*window, SceneRenderer(), bounds_of(head), OrbitCamera(), ViewSettings(), FrameStats(), {}};
  glfwSetWindowUserPointer(window->handle(), &s);
  glfwSetKeyCallback(window->handle(), queue_key_press);  // before ImGui, which chains to it

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  setup_imgui_style(window->content_scale());
  ImGui_ImplGlfw_InitForOpenGL(window->handle(), true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  s.renderer.set_head(head);
  std::optional<HeadMeasurements> measured;
  if (loaded.landmarks) {
    s.renderer.set_markers(landmark_markers(*loaded.landmarks));
    measured = measure_head(head, *loaded.landmarks, GeodesicDistance(head));
  }
  s.settings.show_landmarks = loaded.landmarks.has_value();
  s.stats.landmarks_note = loaded.landmarks_note;
  s.stats.triangles = head.triangle_count();
  s.stats.vertices = head.vertex_count();
  s.stats.gl_renderer = gl_renderer_name();
  s.stats.head_note = options.head.head ? loaded.imported.normalisation.note : "bundled head (Colin27 MRI scan, sculpted lower face)";

  std::unique_ptr<RenderTarget> target;  // follows the window's size and the anti-aliasing setting
  int target_samples = 0;
  int exit_code = 0;
  auto last = std::chrono::steady_clock::now();
  for (int frame = 1; !window->should_close(); ++frame) {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    handle_input(s);
    s.stats.framebuffer = window->framebuffer_size();
    s.stats.content_scale = window->content_scale();
    const ViewPanelRequest request = draw_view_panel(s.settings, s.stats);
    draw_measurements_panel(measured, loaded.landmarks_note);
    // Centre the head in the part of the window the panel leaves free.
    const float display_width = ImGui::GetIO().DisplaySize.x;
    s.camera.lens_shift_x = display_width > 0 ? std::min(request.covered_width / display_width, 0.6f) : 0.0f;
    if (frame == 1) s.show_view(View::ThreeQuarter);  // framed once the panel's size is known
    if (request.view) s.show_view(*request.view);
    if (request.frame_head) s.frame_head();
    ImGui::Render();

    const glm::ivec2 fb = s.stats.framebuffer;
    if (fb.x > 0 && fb.y > 0) {  // a minimised window has no pixels
      if (!target || target->width() != fb.x || target->height() != fb.y || target_samples != s.settings.msaa_samples) {
        target = std::make_unique<RenderTarget>(fb.x, fb.y, s.settings.msaa_samples);
        target_samples = s.settings.msaa_samples;
      }
      target->bind();
      s.renderer.render(s.camera, s.settings, fb);
      target->resolve_to_window();
    }
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    const bool last_frame = options.frames > 0 && frame >= options.frames;
    if (last_frame && options.screenshot) {
      try {
        write_png(*options.screenshot, read_window_pixels(s.stats.framebuffer.x, s.stats.framebuffer.y));
        std::cout << options.screenshot->string() << "\n";
      } catch (const std::exception& e) {
        std::cerr << "smp-studio: " << e.what() << "\n";
        exit_code = 1;
      }
    }
    window->swap_buffers();
    const auto now = std::chrono::steady_clock::now();
    const float ms = std::chrono::duration<float, std::milli>(now - last).count();
    s.stats.frame_ms = s.stats.frame_ms == 0.0f ? ms : 0.9f * s.stats.frame_ms + 0.1f * ms;  // steady readout
    last = now;
    if (last_frame) break;
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  return exit_code;
}

}  // namespace smp
