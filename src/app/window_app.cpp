// The interactive window: GLFW + Dear ImGui frame loop (after ImGui's example_glfw_opengl3).
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <iostream>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "app/commands.h"
#include "app/head_source.h"
#include "app/pool_cache.h"
#include "io/atomic_file.h"
#include "io/png.h"
#include "render/image_texture.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"
#include "render/window_context.h"
#include "head/geodesic.h"
#include "head/anatomy.h"
#include "core/input_error.h"
#include "dots/head_dots.h"
#include "dots/selection.h"
#include "core/ray_cast.h"
#include "head/landmark_estimate.h"
#include "head/orientation.h"
#include "app/design_document.h"
#include "app/design_dots.h"
#include "app/design_io.h"
#include "app/clinic_settings_file.h"
#include "design/design_history.h"
#include "design/design_warnings.h"
#include "app/export_runner.h"
#include "app/guide_measures.h"
#include "app/pigment_view.h"
#include "app/training_runner.h"
#include "ui/design_panel.h"
#include "ui/export_panel.h"
#include "ui/measurements_panel.h"
#include "ui/patient_panel.h"
#include "ui/training_panel.h"
#include "ui/view_panel.h"

namespace smp {
namespace {

// The patient's before photos in a small window beside the head (top middle), each 110 px wide.
void draw_before_photos(const std::vector<std::pair<std::string, std::unique_ptr<ImageTexture>>>& photos) {
  const float scale = ImGui::GetStyle().ItemSpacing.y / 4.0f;
  ImGui::SetNextWindowPos(ImVec2(0.5f * ImGui::GetIO().DisplaySize.x, 10 * scale), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.0f));
  ImGui::Begin("Before photos", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  for (std::size_t i = 0; i < photos.size(); ++i) {
    const ImageTexture& texture = *photos[i].second;
    const float w = 110.0f * scale, h = w * float(texture.height()) / float(std::max(1, texture.width()));
    if (i > 0) ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::Image(reinterpret_cast<ImTextureID>(texture.id()), ImVec2(w, h));
    ImGui::TextDisabled("%s", photos[i].first.c_str());
    ImGui::EndGroup();
  }
  ImGui::End();
}


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
  struct KeyPress {
    int key, mods;  // GLFW key and the modifiers held with it
  };
  std::vector<KeyPress> pressed_keys;  // since the last frame
  bool undo_requested = false;    // Ctrl+Z this frame
  bool redo_requested = false;    // Ctrl+Shift+Z or Ctrl+Y
  bool open_requested = false;    // Ctrl+O
  glm::vec2 cursor{0.0f};         // as of the last cursor event
  glm::vec2 left_press_at{0.0f};  // where the left button went down: a slow frame may see the drag already under way
  bool save_requested = false;    // Ctrl+S this frame
  bool export_requested = false;  // Ctrl+E
  bool escape_pressed = false;    // Esc: stops an export under way, or declines a question
  bool enter_pressed = false;     // Enter: accepts a question (recover the design?)
  bool side_by_side = false;      // another design is shown in the right half
  bool submit_requested = false;  // Ctrl+Enter: a training exercise is submitted

  float aspect() const {
    const glm::ivec2 fb = window.framebuffer_size();
    return fb.y > 0 ? float(fb.x) / float(fb.y) : 1.0f;
  }
  void frame_head() { camera.frame(head_bounds, side_by_side ? 0.5f * aspect() : aspect()); }  // keeps the direction
  void show_view(View view) {
    camera.set_view(view);
    frame_head();
  }
};

// The patient's skin as both the View panel and the design hold it.
struct SkinChoice {
  int type;
  bool sampled;
  glm::vec3 srgb;
  bool operator==(const SkinChoice&) const = default;
};

// A zone's name, placed at the middle of its area on the skin.
struct ZoneLabel {
  Zone zone;
  glm::vec3 position;
  glm::vec3 normal;
};

std::vector<ZoneLabel> zone_labels_of(const Mesh& mesh, const ScalpZones& zones) {
  std::array<glm::dvec3, kZoneCount> sum{}, normal{};
  std::array<std::size_t, kZoneCount> count{};
  for (std::size_t i = 0; i < zones.vertex_zone.size(); ++i) {
    const auto z = static_cast<std::size_t>(zones.vertex_zone[i]);
    sum[z] += glm::dvec3(mesh.positions[i]);
    normal[z] += glm::dvec3(mesh.normals[i]);
    ++count[z];
  }
  std::vector<ZoneLabel> labels;
  for (std::size_t z = 1; z < kZoneCount; ++z) {
    if (count[z] == 0) continue;
    // The mean of a curved patch lies inside the head: push it out along the mean normal to the skin.
    const glm::dvec3 n = glm::normalize(normal[z]);
    glm::dvec3 centre = sum[z] / double(count[z]);
    double best = -1e30;
    glm::vec3 on_skin = mesh.positions.front();
    for (std::size_t i = 0; i < zones.vertex_zone.size(); ++i)
      if (static_cast<std::size_t>(zones.vertex_zone[i]) == z) {
        const glm::dvec3 d = glm::dvec3(mesh.positions[i]) - centre;
        const double score = glm::dot(d, n) - 0.3 * glm::length(d - glm::dot(d, n) * n);
        if (score > best) best = score, on_skin = mesh.positions[i];
      }
    labels.push_back({Zone(z), on_skin, glm::vec3(n)});
  }
  return labels;
}

// Names of the zones facing the camera, drawn over the head.
void draw_zone_labels(const std::vector<ZoneLabel>& labels, const OrbitCamera& camera, float aspect) {
  const ImGuiIO& io = ImGui::GetIO();
  const glm::mat4 to_clip = camera.projection_matrix(aspect) * camera.view_matrix();
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  for (const ZoneLabel& label : labels) {
    if (glm::dot(label.normal, glm::normalize(camera.eye() - label.position)) < 0.25f) continue;  // turned away
    const glm::vec4 clip = to_clip * glm::vec4(label.position, 1.0f);
    if (clip.w <= 0) continue;
    const ImVec2 at((clip.x / clip.w * 0.5f + 0.5f) * io.DisplaySize.x, (0.5f - clip.y / clip.w * 0.5f) * io.DisplaySize.y);
    const std::string text(zone_label(label.zone));
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 corner(at.x - size.x / 2, at.y - size.y / 2);
    draw->AddRectFilled(ImVec2(corner.x - 4, corner.y - 2), ImVec2(corner.x + size.x + 4, corner.y + size.y + 2), IM_COL32(20, 20, 24, 170), 4);
    draw->AddText(corner, IM_COL32(255, 255, 255, 255), text.c_str());
  }
}

// Measurements over the head (app/guide_measures: the guide's front view shows the same): each a
// line with its ends marked and its label in a dark box, readable over skin and backdrop alike.
void draw_marks(const std::vector<ViewDimension>& marks) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const float unit = ImGui::GetFontSize();
  for (const ViewDimension& mark : marks) {
    const ImVec2 a(mark.from.x, mark.from.y), b(mark.to.x, mark.to.y);
    draw->AddLine(a, b, IM_COL32(20, 20, 24, 200), 0.25f * unit);
    draw->AddLine(a, b, IM_COL32(255, 236, 140, 255), 0.12f * unit);
    for (const ImVec2& end : {a, b}) draw->AddCircleFilled(end, 0.22f * unit, IM_COL32(255, 236, 140, 255));
    const ImVec2 size = ImGui::CalcTextSize(mark.label.c_str());
    // Beside the middle of a long line; past the end of a leader, on the side it points to.
    ImVec2 at = mark.label_beside ? ImVec2(0.5f * (a.x + b.x) + 0.6f * unit, 0.5f * (a.y + b.y) - 0.5f * size.y)
                                  : ImVec2(b.x >= a.x ? b.x + 0.4f * unit : b.x - 0.4f * unit - size.x, b.y - 0.5f * size.y);
    draw->AddRectFilled(ImVec2(at.x - 4, at.y - 2), ImVec2(at.x + size.x + 4, at.y + size.y + 2), IM_COL32(20, 20, 24, 200), 4);
    draw->AddText(at, IM_COL32(255, 255, 255, 255), mark.label.c_str());
  }
}

// The mouse in normalised device coordinates of the window.
glm::vec2 mouse_ndc(const ImGuiIO& io) {
  return {2.0f * io.MousePos.x / std::max(io.DisplaySize.x, 1.0f) - 1.0f, 1.0f - 2.0f * io.MousePos.y / std::max(io.DisplaySize.y, 1.0f)};
}

// The landmark whose marker is under `mouse` (window units, within 12 px) and not hidden behind the head.
// The visible point drawn nearest the mouse (within 12 px), by index.
std::optional<std::size_t> point_under_mouse(const Mesh& mesh, std::span<const glm::vec3> points, const OrbitCamera& camera, float aspect,
                                             glm::vec2 mouse) {
  const ImGuiIO& io = ImGui::GetIO();
  const glm::mat4 to_clip = camera.projection_matrix(aspect) * camera.view_matrix();
  std::optional<std::size_t> nearest;
  float nearest_px = 12.0f * ImGui::GetStyle().ItemSpacing.y / 4.0f;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const glm::vec4 clip = to_clip * glm::vec4(points[i], 1.0f);
    if (clip.w <= 0) continue;
    const glm::vec2 px((clip.x / clip.w * 0.5f + 0.5f) * io.DisplaySize.x, (0.5f - clip.y / clip.w * 0.5f) * io.DisplaySize.y);
    const float d = glm::length(px - mouse);
    if (d >= nearest_px) continue;
    const glm::vec3 to_marker = points[i] - camera.eye();
    const auto hit = cast_ray(mesh, camera.eye(), to_marker);
    // Hidden markers are a head-width behind the skin; 15 mm allows for grazing views of the crown.
    if (hit && hit->distance < glm::length(to_marker) - 15.0f) continue;
    nearest = i;
    nearest_px = d;
  }
  return nearest;
}

// Mouse and keys go to the camera unless ImGui is using them.
void handle_input(Session& s, const Mesh& head, bool dragging_landmark) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantCaptureMouse && !dragging_landmark) {
    const glm::vec2 delta(io.MouseDelta.x, io.MouseDelta.y);
    const glm::ivec2 window = s.window.window_size();
    const bool orbiting = ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f);
    const bool panning = ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 0.0f);
    const bool zooming = io.MouseWheel != 0.0f && window.x > 0 && window.y > 0;
    if (orbiting) s.camera.orbit(delta);
    if (panning) s.camera.pan(delta, float(window.y));
    if (zooming) {
      const glm::vec2 ndc(2.0f * io.MousePos.x / float(window.x) - 1.0f, 1.0f - 2.0f * io.MousePos.y / float(window.y));
      s.camera.zoom_toward(ndc, io.MouseWheel, s.aspect());
    }
    if (zooming || ((orbiting || panning) && delta != glm::vec2(0.0f))) s.camera.keep_eye_outside(head);  // a ray: 2 ms
  }
  std::vector<Session::KeyPress> keys;
  keys.swap(s.pressed_keys);
  // Enter and Esc answer an open question, which holds the keyboard (WantCaptureKeyboard) itself.
  for (const auto [key, mods] : keys) {
    if ((key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER) && !(mods & GLFW_MOD_CONTROL)) s.enter_pressed = true;
    if (key == GLFW_KEY_ESCAPE) s.escape_pressed = true;
  }
  if (io.WantCaptureKeyboard) return;  // typing into a field
  s.undo_requested = s.redo_requested = s.open_requested = false;
  constexpr View kNumberKeys[] = {View::Front, View::Back, View::Left, View::Right, View::Top, View::ThreeQuarter};
  for (const auto [key, mods] : keys) {
    const bool ctrl = (mods & GLFW_MOD_CONTROL) != 0, shift = (mods & GLFW_MOD_SHIFT) != 0;
    if (key == GLFW_KEY_F) s.frame_head();
    if (key == GLFW_KEY_S && ctrl) s.save_requested = true;
    if (key == GLFW_KEY_O && ctrl) s.open_requested = true;
    if (key == GLFW_KEY_E && ctrl) s.export_requested = true;
    if ((key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER) && ctrl) s.submit_requested = true;
    if ((key == GLFW_KEY_Z && ctrl && shift) || (key == GLFW_KEY_Y && ctrl)) s.redo_requested = true;
    else if (key == GLFW_KEY_Z && ctrl) s.undo_requested = true;
    else if (key == GLFW_KEY_Z) s.settings.show_zones = !s.settings.show_zones;
    if (key == GLFW_KEY_L) s.settings.show_landmarks = !s.settings.show_landmarks;
    if (key == GLFW_KEY_H) s.settings.show_hairline = !s.settings.show_hairline;
    if (key == GLFW_KEY_G) s.settings.show_density = !s.settings.show_density;
    if (key == GLFW_KEY_D) s.settings.show_dots = !s.settings.show_dots;
    if (key == GLFW_KEY_B) s.settings.split_before_after = !s.settings.split_before_after;
    if (key == GLFW_KEY_M) s.settings.mirror = !s.settings.mirror;
    if (key == GLFW_KEY_K) s.settings.show_heat = !s.settings.show_heat;
    if (key == GLFW_KEY_R) s.settings.show_measurements = !s.settings.show_measurements;
    if (key >= GLFW_KEY_1 && key <= GLFW_KEY_6) s.show_view(kNumberKeys[key - GLFW_KEY_1]);
    if (key >= GLFW_KEY_KP_1 && key <= GLFW_KEY_KP_6) s.show_view(kNumberKeys[key - GLFW_KEY_KP_1]);
  }
}

// Key presses are queued rather than polled: at software-rendering frame rates a quick tap can
// start and end inside one frame, and ImGui 1.86 would never see it down.
// Remembers where the left button went down, from the events in the order they came (asking
// for the cursor now would give where it has moved to since).
void note_cursor(GLFWwindow* window, double x, double y) {
  static_cast<Session*>(glfwGetWindowUserPointer(window))->cursor = {float(x), float(y)};
}
void note_mouse_press(GLFWwindow* window, int button, int action, int /*mods*/) {
  auto* s = static_cast<Session*>(glfwGetWindowUserPointer(window));
  if (button == GLFW_MOUSE_BUTTON_LEFT && action == GLFW_PRESS) s->left_press_at = s->cursor;
}

void queue_key_press(GLFWwindow* window, int key, int /*scancode*/, int action, int mods) {
  if (action == GLFW_PRESS) static_cast<Session*>(glfwGetWindowUserPointer(window))->pressed_keys.push_back({key, mods});
}

}  // namespace

int run_window(const WindowOptions& options) {
  // Read the head first: a broken file is reported before any window opens.
  const LoadedHead loaded = load_head(options.head);
  const Mesh& head = loaded.imported.mesh;
  const std::optional<Design> opened_design = options.design ? std::optional(read_design_file(*options.design)) : std::nullopt;
  std::string why;
  std::unique_ptr<WindowContext> window;
  if (has_display()) window = WindowContext::create(options.size.x, options.size.y, "SMP Studio", why);
  else why = "no display ($DISPLAY and $WAYLAND_DISPLAY are unset)";
  if (!window) {
    std::cout << "No window can be opened: " << why << ".\n";
    if (options.screenshot) std::cerr << "smp-studio: --screenshot needs a window; no screenshot is taken\n";
    return run_headless_guide(options.head, options.headless_out);
  }

  Session s{*window, SceneRenderer(), bounds_of(head), OrbitCamera(), ViewSettings(), FrameStats(), {}, false, false, false,
            glm::vec2(0.0f), glm::vec2(0.0f), false};
  glfwSetWindowUserPointer(window->handle(), &s);
  glfwSetKeyCallback(window->handle(), queue_key_press);  // before ImGui, which chains to them
  glfwSetMouseButtonCallback(window->handle(), note_mouse_press);
  glfwSetCursorPosCallback(window->handle(), note_cursor);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  setup_imgui_style(window->content_scale());
  ImGui_ImplGlfw_InitForOpenGL(window->handle(), true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  // The head on show: the loaded one, or that head stretched to a patient's tape measurements.
  Mesh shown = head;
  std::optional<Landmarks> shown_landmarks = loaded.landmarks;
  std::optional<Anatomy> anatomy;
  std::vector<ZoneLabel> zone_labels;
  // Dots: the pool is built in the background (seconds on a software machine); selection and
  // upload follow any change of density, size or head.
  // The pool and its neighbour lists, found together in the background.
  struct PreparedPool {
    DotPool pool;
    std::shared_ptr<const PoolNeighbours> neighbours;
  };
  std::future<PreparedPool> pool_building;
  std::vector<std::future<PreparedPool>> abandoned;  // builds for heads no longer shown, left to finish
  DotPool pool;
  std::shared_ptr<const PoolNeighbours> pool_neighbours;
  std::unique_ptr<DesignDots> design_dots;  // the pool placed on this head's chart
  PigmentFrame pigment;          // where the baked dots lie on this head (empty without anatomy)
  PigmentBaker pigment_baker;     // bakes again only the rows whose dots a change touched
  DesignDots::Result shown_dots;  // the dots on show, kept to bake again when only their look changes
  ViewSettings baked_for;         // the look the pigment was last baked with
  bool pigment_stale = true;
  ExportPanelState export_panel;
  ExportRunner exporter;  // draws on the head: stopped whenever the head or its dots change
  bool dots_stale = true;
  auto drop_dots = [&] {
    if (pool_building.valid()) abandoned.push_back(std::move(pool_building));
    design_dots.reset();
    pool = DotPool{};
    pool_neighbours.reset();
    s.renderer.set_dots({});
    s.renderer.clear_pigment();
    shown_dots = {};
    s.renderer.set_hairline({});
  };
  // Another design beside this one (View panel, "Compare designs"), drawn by its own renderer on
  // the same head and camera.
  struct ComparedDesign {
    Design design;
    std::unique_ptr<SceneRenderer> renderer;
    DesignDots::Result dots;
    bool stale = true;       // its dots and overlays follow the head, which changed
    ViewSettings baked_for;  // the look its pigment was last baked with
    char overlay_kind = 0;
  };
  std::optional<ComparedDesign> compared;
  CompareState compare;
  std::optional<HairlineDistances> measured;  // for the Measurements overlay, of measured_for on this head
  Design measured_for;
  char overlay_kind = 'Z';  // what the head's overlay holds: Z zones, D the density shadow, H the heat map
  Design overlay_design;
  // The head's geodesic field, kept for placing the pool on the chart when it arrives.
  std::unique_ptr<GeodesicDistance> geodesic;
  auto place_dots = [&] {
    exporter.cancel(export_panel, "Cancelled: the head changed while exporting; nothing was written.");
    design_dots.reset();
    if (anatomy && shown_landmarks && pool.size() > 0) design_dots = std::make_unique<DesignDots>(shown, *shown_landmarks, *anatomy, *geodesic, pool, pool_neighbours);
    dots_stale = true;
  };
  auto start_dots = [&](const Mesh& mesh) {
    drop_dots();
    pool_building = std::async(std::launch::async, [mesh] {
      PreparedPool prepared{cached_head_pool(mesh), nullptr};
      prepared.neighbours = std::make_shared<const PoolNeighbours>(prepared.pool);
      return prepared;
    });
  };
  auto dress_compared = [&] {
    if (!compared) return;
    compared->renderer->set_head(shown);
    compared->renderer->clear_pigment();
    compared->renderer->set_markers(shown_landmarks ? landmark_markers(*shown_landmarks) : std::vector<Marker>{});
    if (!pigment.uvw.empty()) compared->renderer->set_pigment_uv(pigment.uvw);
    compared->stale = true;
  };
  // `same_mesh`: only the landmarks moved, so the dot pool stays and only its zones are re-tagged.
  auto show_head = [&](const Mesh& mesh, const std::optional<Landmarks>& landmarks, bool same_mesh = false) {
    exporter.cancel(export_panel, "Cancelled: the head changed while exporting; nothing was written.");
    shown = mesh;
    shown_landmarks = landmarks;
    s.renderer.set_head(shown);
    s.head_bounds = bounds_of(shown);
    anatomy.reset();
    pigment = {};
    zone_labels.clear();
    s.renderer.set_markers({});
    s.renderer.set_zone_overlay({});
    if (landmarks) {
      s.renderer.set_markers(landmark_markers(*landmarks));
      geodesic = std::make_unique<GeodesicDistance>(shown);
      anatomy = prepare_anatomy(shown, *landmarks, *geodesic);
      s.renderer.set_zone_overlay(zone_overlay(anatomy->zones));
      overlay_kind = 'Z';
      zone_labels = zone_labels_of(shown, anatomy->zones);
      pigment = pigment_frame(shown, *anatomy);
      s.renderer.set_pigment_uv(pigment.uvw);
      pigment_stale = true;
    }
    dress_compared();  // the other design goes onto the new head too
    measured.reset();
    s.stats.triangles = shown.triangle_count();
    s.stats.vertices = shown.vertex_count();
    if (!anatomy) {  // no scalp, no dots
      drop_dots();
    } else if (same_mesh) {  // a pool still being built is placed on this chart when it arrives
      place_dots();
    } else {
      start_dots(shown);
    }
  };
  show_head(head, loaded.landmarks);
  PatientPanelState patient;
  // A bad file leaves things as they were, with the reason in the panel.
  auto load_compared = [&] {
    try {
      ComparedDesign other;
      other.design = read_design_file(compare.path);
      other.renderer = std::make_unique<SceneRenderer>();
      compared = std::move(other);
      dress_compared();
      compare.active = true;
      compare.message = "On the right: " + compared->design.name;
    } catch (const std::exception& e) {
      compare.message = e.what();
    }
  };
  if (options.compare) {
    compare.path = options.compare->string();
    load_compared();
  }

  // The design being edited, with its file, presets and recovery; undo steps are interleaved with
  // landmark drags here.
  DesignDocument document(options.design, opened_design);
  Design& design = document.design;
  Design dots_design;
  DesignHistory history(design);
  TrainingPanelState training;
  TrainingRunner trainer(training);
  ImageTexture map_texture;  // the last submission's scalp map, shown in the Training panel
  if (options.training_case) trainer.open(*options.training_case, training, document);
  DotCounts dot_counts;
  std::optional<TreatedArea> treated;  // measured on the head for the design's dots, for the quote
  std::vector<BeforePhoto> photos_shown;  // the before photos the textures below hold
  std::vector<std::pair<std::string, std::unique_ptr<ImageTexture>>> photo_textures;
  int shown_line_session = -1;         // the session whose own hairline is drawn
  try {
    document.panel.clinic = read_clinic_settings(clinic_settings_path());
  } catch (const std::exception& e) {
    document.report(std::string(e.what()) + " (the default prices are used)", true);
  }
  std::vector<char> undo_kinds;  // what Ctrl+Z undoes next: 'L' a landmark drag, 'D' a design step
  s.settings.fitzpatrick_type = design.patient.fitzpatrick_type;
  s.settings.use_custom_skin = design.patient.use_sampled_skin;
  s.settings.custom_skin_srgb = design.patient.sampled_skin_srgb;
  SkinChoice synced_skin{s.settings.fitzpatrick_type, s.settings.use_custom_skin, s.settings.custom_skin_srgb};
  s.settings.show_density = true;  // designing: where the dots go, readable at any distance
  std::string shown_title;
  auto design_head = [&] {
    return DesignHead{options.head.head ? std::filesystem::absolute(*options.head.head).string() : "", shown_landmarks};
  };
  glm::mat3 orientation = loaded.placement.orientation;  // of the shown head, from the imported mesh
  // The landmark following the mouse, if any (a plain index: GCC 12 warns falsely on optional<enum>).
  constexpr int kNone = -1;
  int dragged = kNone;
  int dragged_handle = kNone;  // 0: mid-frontal point, 1: left corner, 2: right corner
  bool painting = false;       // a brush stroke (or scar) is being painted
  std::vector<Landmarks> undo;      // landmark sets before each drag, for Ctrl+Z
  bool fitted = loaded.fit.has_value();
  s.settings.show_landmarks = loaded.landmarks.has_value();
  s.stats.landmarks_note = loaded.landmarks_note;
  s.stats.gl_renderer = gl_renderer_name();
  s.stats.head_note = options.head.head ? loaded.imported.normalisation.note : "bundled head (Colin27 MRI scan, sculpted lower face)";

  std::unique_ptr<RenderTarget> target;  // follows the window's size and the anti-aliasing setting
  int target_samples = 0;
  int exit_code = 0;
  auto last = std::chrono::steady_clock::now();
  for (int frame = 1;; ++frame) {
    glfwPollEvents();
    if (window->should_close()) {
      if (options.frames > 0 || document.closing_confirmed() || !document.dirty()) break;
      glfwSetWindowShouldClose(window->handle(), GLFW_FALSE);  // ask first
      document.ask_before_closing();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    // A press on a landmark drags it along the skin instead of turning the head.
    const ImGuiIO& io = ImGui::GetIO();
    // A press on a hairline handle drags it instead (the handles sit on top of the line).
    // Side by side, the halves have their own cameras: the head turns and zooms, nothing is edited.
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !io.WantCaptureMouse && design_dots && s.settings.show_hairline && !s.side_by_side) {
      const std::array<glm::vec3, 3> handles = design_dots->hairline_handles(design);
      const auto picked = point_under_mouse(shown, handles, s.camera, s.aspect(), s.left_press_at);
      dragged_handle = picked ? static_cast<int>(*picked) : kNone;
    }
    if (dragged_handle == kNone && document.panel.paint.mode == PaintMode::Off && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
        !io.WantCaptureMouse && shown_landmarks && !s.side_by_side &&
        s.settings.show_landmarks) {
      const auto picked = point_under_mouse(shown, shown_landmarks->positions, s.camera, s.aspect(), s.left_press_at);
      dragged = picked ? static_cast<int>(*picked) : kNone;
      if (dragged != kNone) undo.push_back(*shown_landmarks), undo_kinds.push_back('L');
    }
    // The brush: a left press on the head starts a stroke (or a scar), dabs follow the mouse.
    const PaintTool& brush = document.panel.paint;
    if (brush.mode != PaintMode::Off && dragged_handle == kNone && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !io.WantCaptureMouse &&
        anatomy && !s.side_by_side) {
      if (const auto hit = cast_ray(shown, s.camera.eye(), s.camera.ray_direction(mouse_ndc(io), s.aspect()))) {
        painting = true;
        if (brush.mode == PaintMode::Scar) {
          ScarDesign scar;
          scar.name = "Scar " + std::to_string(design.scars.size() + 1);
          scar.radius_mm = brush.radius_mm;
          scar.dabs.push_back(hit->point);
          design.scars.push_back(scar);
        } else {
          design.strokes.push_back({{hit->point}, brush.radius_mm, brush.mode == PaintMode::Add ? brush.strength_per_cm2 : -brush.strength_per_cm2});
        }
      }
    }
    if (painting && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      std::vector<glm::vec3>& dabs = brush.mode == PaintMode::Scar ? design.scars.back().dabs : design.strokes.back().dabs;
      if (const auto hit = cast_ray(shown, s.camera.eye(), s.camera.ray_direction(mouse_ndc(io), s.aspect())))
        if (glm::distance(hit->point, dabs.back()) > 0.25f * brush.radius_mm) dabs.push_back(hit->point);
    } else {
      painting = false;
    }
    if (dragged_handle != kNone && ImGui::IsMouseDown(ImGuiMouseButton_Left) && design_dots) {
      if (const auto hit = cast_ray(shown, s.camera.eye(), s.camera.ray_direction(mouse_ndc(io), s.aspect())))
        design_dots->drag_handle(design, dragged_handle, hit->point);
    } else {
      dragged_handle = kNone;
    }
    if (dragged != kNone && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      if (const auto hit = cast_ray(shown, s.camera.eye(), s.camera.ray_direction(mouse_ndc(io), s.aspect()))) {
        shown_landmarks->positions[static_cast<std::size_t>(dragged)] = hit->point;
        s.renderer.set_markers(landmark_markers(*shown_landmarks));
      }
    } else if (dragged != kNone) {  // released: the zones and figures follow the moved landmark
      dragged = kNone;
      show_head(shown, shown_landmarks, true);
      s.stats.landmarks_note = "landmarks moved by hand";
    }
    handle_input(s, shown, dragged != kNone || dragged_handle != kNone || painting);
    if (s.undo_requested && !undo.empty() && dragged == kNone && !undo_kinds.empty() && undo_kinds.back() == 'L') {
      s.undo_requested = false;
      undo_kinds.pop_back();
      show_head(shown, undo.back(), true);
      undo.pop_back();
      s.stats.landmarks_note = undo.empty() ? loaded.landmarks_note : "landmarks moved by hand";
    }
    s.stats.framebuffer = window->framebuffer_size();
    s.stats.content_scale = window->content_scale();
    const ViewPanelRequest request = draw_view_panel(s.settings, s.stats, compare);
    if (request.compare_load) load_compared();
    if (request.compare_stop) compared.reset(), compare.active = false, compare.message.clear();
    const bool was_side_by_side = s.side_by_side;
    s.side_by_side = compared.has_value();
    DesignPanelInfo info;
    for (std::size_t k = 0; k < design.sessions.size(); ++k) info.session_dots.push_back(dot_counts.in_session(k));
    for (std::size_t k = 0; k < std::size_t(kMaxSessions); ++k)
      for (std::size_t z = 0; z < kZoneCount; ++z) info.zone_dots[z] += dot_counts.per_session_zone[k][z];
    if (anatomy)
      for (std::size_t z = 0; z < kZoneCount; ++z) info.zone_area_cm2[z] = anatomy->zones.area_mm2[z] / 100.0;
    info.warnings = design_warnings(design);
    info.dirty = document.dirty();
    info.can_undo = history.can_undo() || design != history.settled();
    info.can_redo = history.can_redo();
    info.dots_per_minute = document.panel.clinic.dots_per_minute;
    for (std::size_t k = 0; k < design.sessions.size(); ++k) info.session_minutes.push_back(double(dot_counts.in_session(k)) / info.dots_per_minute);
    if (treated) info.area = *treated, info.quote = make_quote(document.panel.clinic.prices, *treated);
    const DesignPanelRequest edit = draw_design_panel(design, document.panel, info);
    // The before photos, read again once their files are typed (not on every keystroke).
    if (design.patient.photos != photos_shown && !ImGui::IsAnyItemActive()) {
      photos_shown = design.patient.photos;
      photo_textures.clear();
      try {
        for (auto& [view, image] : read_before_photos(design)) {
          photo_textures.emplace_back(view, std::make_unique<ImageTexture>());
          photo_textures.back().second->set(image);
        }
      } catch (const std::exception& e) {
        document.report(std::string("Before photo: ") + e.what(), true);
      }
    }
    if (!photo_textures.empty()) draw_before_photos(photo_textures);
    if (edit.save_settings) {
      try {
        write_clinic_settings(clinic_settings_path(), document.panel.clinic);
        document.panel.clinic_dirty = false;
        document.report("Kept the clinic's settings in " + clinic_settings_path().string(), false);
      } catch (const std::exception& e) {
        document.report(e.what(), true);
      }
    }
    std::optional<GuideHead> prepared;  // the head with its dots, for guides and scores; none while preparing
    if (design_dots && anatomy && shown_landmarks && geodesic)
      prepared.emplace(GuideHead{shown, *shown_landmarks, *anatomy, *geodesic, *design_dots, s.stats.head_note});
    {
      TrainingPanelRequest exercise = draw_training_panel(training);
      exercise.submit = exercise.submit || s.submit_requested;
      s.submit_requested = false;
      trainer.handle(exercise, training, document, prepared ? &*prepared : nullptr);
      if (std::optional<Image> map = trainer.take_map()) {  // shown in the panel from the next frame
        map_texture.set(*map);
        training.map_texture = map_texture.id();
        training.map_size = {map_texture.width(), map_texture.height()};
      }
      // The hairlines drawn follow a submission: the reference's beside the trainee's.
      if (exercise.submit || exercise.show_reference_changed || exercise.select || exercise.start) dots_stale = true;
    }
    // The patient's skin (a type, or a sampled colour) is one setting shown in two places: the
    // View panel's and the design's; whichever changed since the last frame wins.
    const SkinChoice view_skin{s.settings.fitzpatrick_type, s.settings.use_custom_skin, s.settings.custom_skin_srgb};
    const SkinChoice design_skin{design.patient.fitzpatrick_type, design.patient.use_sampled_skin, design.patient.sampled_skin_srgb};
    if (!(view_skin == synced_skin)) {
      design.patient.fitzpatrick_type = view_skin.type, design.patient.use_sampled_skin = view_skin.sampled, design.patient.sampled_skin_srgb = view_skin.srgb;
      synced_skin = view_skin;
    } else if (!(design_skin == synced_skin)) {
      s.settings.fitzpatrick_type = design_skin.type, s.settings.use_custom_skin = design_skin.sampled, s.settings.custom_skin_srgb = design_skin.srgb;
      synced_skin = design_skin;
    }
    if (edit.save || s.save_requested) document.save(design_head());
    s.save_requested = false;
    if ((edit.open || s.open_requested) && document.open(design_head())) {
      history.reset(design);
      std::erase(undo_kinds, 'D');
    }
    if (edit.apply_preset) document.apply_preset();
    if (edit.save_preset) document.save_as_preset();
    if (edit.new_design) document.start_new();
    if (edit.export_guide || s.export_requested) {
      export_panel.open = true;
      if (export_panel.folder.empty()) {  // beside the design file, named after it
        const std::filesystem::path file(document.panel.path);
        export_panel.folder = (file.parent_path() / (file.stem().string() + "-guide")).string();
      }
    }
    s.export_requested = false;
    const bool escape_pressed = s.escape_pressed;  // the export panel takes it; a question may too
    {
      ExportPanelRequest export_request = draw_export_panel(export_panel, int(design.sessions.size()));
      export_request.cancel = export_request.cancel || s.escape_pressed;
      s.escape_pressed = false;
      exporter.handle(export_request, export_panel, design, prepared ? &*prepared : nullptr, document.panel.clinic);
    }
    // A slider drag is one step: the edit settles when no control is held.
    if (history.settle(design, ImGui::IsAnyItemActive() || dragged_handle != kNone || painting)) undo_kinds.push_back('D');
    if ((edit.undo || s.undo_requested) && history.undo(design)) {
      if (!undo_kinds.empty() && undo_kinds.back() == 'D') undo_kinds.pop_back();
    }
    if (edit.redo || s.redo_requested) history.redo(design);
    s.undo_requested = s.redo_requested = s.open_requested = false;

    // The title says which design and whether it has unsaved changes.
    if (const std::string title = document.title(); title != shown_title) glfwSetWindowTitle(window->handle(), title.c_str()), shown_title = title;
    document.autosave();
    draw_measurements_panel(anatomy ? std::optional(anatomy->measurements) : std::nullopt,
                            anatomy ? &anatomy->zones : nullptr, loaded.landmarks_note);
    if (s.settings.show_zones && !s.side_by_side) draw_zone_labels(zone_labels, s.camera, s.aspect());
    if (s.settings.show_measurements && !s.side_by_side && design_dots && anatomy && shown_landmarks && geodesic) {
      if (!measured || design != measured_for) {
        measured = GuideMeasures(*shown_landmarks, *anatomy, *geodesic, *design_dots).distances(design);
        measured_for = design;
      }
      const ImVec2 display = ImGui::GetIO().DisplaySize;
      const glm::vec3 eye = s.camera.eye();
      auto visible = [&](glm::vec3 p) {  // nothing of the head between the eye and the point
        const auto hit = cast_ray(shown, eye, p - eye);
        return !hit || hit->distance > glm::length(p - eye) - 3.0f;
      };
      std::vector<ViewDimension> marks = hairline_marks(*measured, s.camera, glm::ivec2(int(display.x), int(display.y)), visible);
      if (s.settings.mirror)  // the picture is flipped after drawing; the labels must still read
        for (ViewDimension& mark : marks) mark.from.x = display.x - mark.from.x, mark.to.x = display.x - mark.to.x;
      draw_marks(marks);
    }
    const PatientPanelRequest tape = draw_patient_panel(patient, fitted);
    if (tape.fit && loaded.landmarks) {
      try {
        const ProportionsFit fit = fit_proportions(head, *loaded.landmarks, *tape.fit);
        show_head(fit.mesh, fit.landmarks);
        s.frame_head();
        patient.result = describe_fit(fit, *tape.fit);
        fitted = true;
      } catch (const InputError& e) {
        patient.result = e.what();  // the head on show stays as it was
      }
    } else if (tape.fit) {
      patient.result = "This head has no landmarks, so it cannot be measured or fitted.";
    }
    if (request.save_landmarks) {
      if (!options.head.head) s.stats.saved_note = "The bundled head's landmarks are part of the program; open a scan with --head to keep its own.";
      else if (fitted) s.stats.saved_note = "Not saved: the head is stretched to a patient's tape; go back to the original head first.";
      else if (!shown_landmarks) s.stats.saved_note = "Not saved: this head has no landmarks.";
      else {
        const std::filesystem::path file = landmarks_path_for(loaded.mesh_path);
        try {
          write_file_atomically(file, landmarks_to_json({*shown_landmarks, orientation, loaded.placement.crop_to_top_mm}));
          s.stats.saved_note = "Saved " + file.string();
        } catch (const std::exception& e) {
          s.stats.saved_note = std::string("Not saved: ") + e.what();
        }
      }
    }
    if (tape.reset) {
      show_head(head, loaded.landmarks);
      orientation = loaded.placement.orientation;
      s.frame_head();
      patient.result.clear();
      fitted = false;
    }
    // Centre the head in the part of the window the panel leaves free.
    const float display_width = ImGui::GetIO().DisplaySize.x;
    float panel_left = 0.0f, panel_right = 0.0f;  // shares of the window's width the panels cover
    if (display_width > 0) {
      panel_left = request.covered_width / display_width, panel_right = edit.covered_width / display_width;
      s.camera.free_width = std::max(0.2f, 1.0f - panel_left - panel_right);
      s.camera.lens_shift_x = panel_left - panel_right;  // NDC: the middle of what the panels leave free
      // Side by side, each half frames the head in what its panel leaves of it.
      if (s.side_by_side) s.camera.free_width = std::max(0.2f, 1.0f - 2.0f * std::max(panel_left, panel_right)), s.camera.lens_shift_x = 0.0f;
    }
    if (s.side_by_side != was_side_by_side) s.frame_head();
    if (frame == 1) s.show_view(View::ThreeQuarter);  // framed once the panel's size is known
    if (request.view) s.show_view(*request.view);
    if (request.frame_head) s.frame_head();
    if (request.turn_axis >= 0) {  // turn the head, then look for the landmarks again
      glm::vec3 axis(0.0f);
      axis[request.turn_axis] = 1.0f;
      const glm::mat3 turn(glm::rotate(glm::mat4(1.0f), glm::radians(request.turn_degrees), axis));
      orientation = turn * orientation;
      const Mesh turned = rotate_mesh(shown, turn);  // about the origin, as the saved orientation is
      if (request.turn_degrees != 90.0f && shown_landmarks) {  // a nudge: the landmarks turn with the head
        Landmarks moved = *shown_landmarks;
        for (glm::vec3& p : moved.positions) p = turn * p;
        show_head(turned, moved);
      } else {
        try {
          show_head(turned, estimate_landmarks(turned, "the turned head"));
          s.stats.landmarks_note = "landmarks estimated after a quarter turn";
        } catch (const InputError& e) {
          show_head(turned, std::nullopt);
          s.stats.landmarks_note = e.what();
        }
      }
      undo.clear();
      s.frame_head();
    }
    if (s.settings.show_heat && design_dots) {  // the heat map's scale, bottom left of the free area
      ImDrawList* draw = ImGui::GetForegroundDrawList();
      const float unit = ImGui::GetFontSize(), x0 = 0.5f * ImGui::GetIO().DisplaySize.x - 10.0f * unit;
      const float y0 = ImGui::GetIO().DisplaySize.y - 4.5f * unit, width = 20.0f * unit;
      for (int i = 0; i < 40; ++i) {
        const glm::vec3 c = heat_colour(kHeatMaxPerCm2 * (float(i) + 0.5f) / 40.0f);
        draw->AddRectFilled(ImVec2(x0 + width * float(i) / 40.0f, y0), ImVec2(x0 + width * float(i + 1) / 40.0f, y0 + unit),
                            IM_COL32(int(255 * c.r), int(255 * c.g), int(255 * c.b), 255));
      }
      char label[64];
      for (int k = 0; k <= 3; ++k) {
        std::snprintf(label, sizeof label, k == 3 ? "%.0f+ dots/cm\u00b2" : "%.0f", double(kHeatMaxPerCm2) * k / 3.0);
        draw->AddText(ImVec2(x0 + width * float(k) / 3.0f - (k == 3 ? 0.0f : 0.3f * unit), y0 + 1.2f * unit), IM_COL32(235, 235, 235, 255), label);
      }
    }
    if (compared) {  // the divide and each half's design, over the middle of what its panel leaves free
      const ImGuiIO& screen = ImGui::GetIO();
      const float x = 0.5f * screen.DisplaySize.x, y = 1.0f * ImGui::GetFontSize();
      ImDrawList* draw = ImGui::GetForegroundDrawList();
      draw->AddLine(ImVec2(x, 0), ImVec2(x, screen.DisplaySize.y), IM_COL32(255, 255, 255, 200), 2.0f);
      const std::string names[2] = {design.name.empty() ? std::string("This design") : design.name, compared->design.name};
      const float centres[2] = {0.5f * (panel_left * screen.DisplaySize.x + x), 0.5f * (x + (1.0f - panel_right) * screen.DisplaySize.x)};
      for (int side = 0; side < 2; ++side) {
        const ImVec2 size = ImGui::CalcTextSize(names[side].c_str());
        const ImVec2 at(centres[side] - 0.5f * size.x, y);
        draw->AddRectFilled(ImVec2(at.x - 6, at.y - 3), ImVec2(at.x + size.x + 6, at.y + size.y + 3), IM_COL32(20, 20, 24, 190), 4);
        draw->AddText(at, IM_COL32(255, 255, 255, 255), names[side].c_str());
      }
    } else if (s.settings.split_before_after) {  // the divide and which side is which
      const ImGuiIO& screen = ImGui::GetIO();
      const float x = s.settings.split_at * screen.DisplaySize.x;
      ImDrawList* draw = ImGui::GetForegroundDrawList();
      draw->AddLine(ImVec2(x, 0), ImVec2(x, screen.DisplaySize.y), IM_COL32(255, 255, 255, 220), 2.0f);
      const char* left = s.settings.mirror ? "AFTER" : "BEFORE";
      const char* right = s.settings.mirror ? "BEFORE" : "AFTER";
      const float y = screen.DisplaySize.y - 3.0f * ImGui::GetFontSize();
      draw->AddText(ImVec2(x - ImGui::CalcTextSize(left).x - 12.0f, y), IM_COL32(255, 255, 255, 230), left);
      draw->AddText(ImVec2(x + 12.0f, y), IM_COL32(255, 255, 255, 230), right);
    }
    // The questions last: Dear ImGui 1.86 asserts when a window begins after an open modal (its issue 4920).
    if (document.draw_questions(design_head(), std::exchange(s.enter_pressed, false), escape_pressed))
      glfwSetWindowShouldClose(window->handle(), GLFW_TRUE);
    ImGui::Render();

    exporter.step(export_panel);  // one step of a guide being written, between two frames
    // Dots: take a finished pool, then select again whenever what they depend on changed.
    if (pool_building.valid() && pool_building.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
      PreparedPool ready = pool_building.get();
      pool = std::move(ready.pool);
      pool_neighbours = std::move(ready.neighbours);
      place_dots();
    }
    std::erase_if(abandoned, [](std::future<PreparedPool>& f) { return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready; });
    // The hairline drawn is the last shown session's own (session 1 the highest).
    const int line_session = std::clamp(s.settings.dot_session_last, 0, int(design.sessions.size()) - 1);
    if (design_dots && (dots_stale || design != dots_design || line_session != shown_line_session)) {
      DesignDots::Result made = design_dots->make(design);
      treated = design_dots->treated_area(design);
      shown_line_session = line_session;
      s.renderer.set_dots(made.instances);
      std::vector<Marker> beads = trainer.reference_beads(training, *design_dots), handles;
      // Beside a reference's (green), the trainee's own hairline is orange; else white.
      const glm::vec3 own = beads.empty() ? glm::vec3(1.0f, 0.97f, 0.9f) : glm::vec3(1.0f, 0.6f, 0.2f);
      const Design session_view = with_session_hairline(design, std::size_t(line_session));
      for (const glm::vec3& p : design_dots->hairline_points(session_view)) beads.push_back({p, own});
      for (const glm::vec3& p : design_dots->hairline_handles(session_view)) handles.push_back({p, glm::vec3(1.0f, 1.0f, 1.0f)});
      s.renderer.set_hairline(std::move(beads), std::move(handles));
      dot_counts = made.counts;
      char note[96];
      std::snprintf(note, sizeof note, "%zu dots planned", made.counts.total);
      s.stats.dots_note = note;
      dots_design = design;
      dots_stale = false;
      shown_dots = std::move(made);
      pigment_stale = true;
    }
    // The pigment the head's shader reads: baked again when the dots or their look change.
    auto look_differs = [&](const ViewSettings& baked) {
      return baked.preview.mode != s.settings.preview.mode || baked.preview.years != s.settings.preview.years ||
             baked.dot_session_first != s.settings.dot_session_first || baked.dot_session_last != s.settings.dot_session_last;
    };
    const bool look_changed = look_differs(baked_for);
    if (!pigment.uvw.empty() && !shown_dots.instances.empty() && (pigment_stale || look_changed)) {
      const PigmentMap& map = pigment_baker.bake(ink_dots(shown_dots.instances, shown_dots.plane_mm, s.settings, shown_dots.on_scar, shown_dots.skin_metric), pigment.low_mm, pigment.high_mm, pigment.size, inflamed_mm(s.settings.preview));
      s.renderer.set_pigment(map, pigment_baker.changed_rows());  // only the rows baked again are sent
      baked_for = s.settings;
      pigment_stale = false;
    }
    if (pool_building.valid()) s.stats.dots_note = "Preparing the dots...";
    const char want_overlay = s.settings.show_heat && design_dots ? 'H' : s.settings.show_density && design_dots ? 'D' : 'Z';
    if (want_overlay != overlay_kind || (want_overlay != 'Z' && design != overlay_design)) {
      if (want_overlay == 'H') s.renderer.set_zone_overlay(design_dots->density_heat(design));
      else if (want_overlay == 'D') s.renderer.set_zone_overlay(design_dots->density_overlay(design));
      else if (anatomy) s.renderer.set_zone_overlay(zone_overlay(anatomy->zones));
      overlay_kind = want_overlay;
      overlay_design = design;
    }
    if (compared && design_dots) {  // the other design: the same steps, for its own renderer
      ComparedDesign& other = *compared;
      if (other.stale) {
        other.dots = design_dots->make(other.design);
        other.renderer->set_dots(other.dots.instances);
        std::vector<Marker> beads;
        for (const glm::vec3& p : design_dots->hairline_points(other.design)) beads.push_back({p, glm::vec3(1.0f, 0.97f, 0.9f)});
        other.renderer->set_hairline(std::move(beads));
      }
      if (!pigment.uvw.empty() && !other.dots.instances.empty() && (other.stale || look_differs(other.baked_for))) {
        other.renderer->set_pigment(bake_pigment(ink_dots(other.dots.instances, other.dots.plane_mm, s.settings, other.dots.on_scar, other.dots.skin_metric), pigment.low_mm,
                                                 pigment.high_mm, pigment.size, inflamed_mm(s.settings.preview)));
        other.baked_for = s.settings;
      }
      if (other.stale || other.overlay_kind != overlay_kind) {
        if (overlay_kind == 'H') other.renderer->set_zone_overlay(design_dots->density_heat(other.design));
        else if (overlay_kind == 'D') other.renderer->set_zone_overlay(design_dots->density_overlay(other.design));
        else if (anatomy) other.renderer->set_zone_overlay(zone_overlay(anatomy->zones));
        other.overlay_kind = overlay_kind;
      }
      other.stale = false;
    }
    const glm::ivec2 fb = s.stats.framebuffer;
    if (fb.x > 0 && fb.y > 0) {  // a minimised window has no pixels
      if (!target || target->width() != fb.x || target->height() != fb.y || target_samples != s.settings.msaa_samples) {
        target = std::make_unique<RenderTarget>(fb.x, fb.y, s.settings.msaa_samples);
        target_samples = s.settings.msaa_samples;
      }
      target->bind();
      // Before/after: the split is where the user put it on screen; mirrored, the picture flips
      // after drawing, so the bare side is drawn on the other side first.
      const int split_px = int(s.settings.split_at * float(fb.x));
      if (compared) {
        // Two designs side by side, each half centred in what its panel leaves free. Mirrored,
        // the picture flips after drawing: each design is drawn in the other half, shifted the
        // other way, so that it lands on its own side.
        const int half = fb.x / 2;
        const float flip = s.settings.mirror ? -1.0f : 1.0f;
        OrbitCamera left = s.camera, right = s.camera;
        left.lens_shift_x = flip * 2.0f * panel_left;
        right.lens_shift_x = -flip * 2.0f * panel_right;
        s.renderer.render_in(left, s.settings, {s.settings.mirror ? fb.x - half : 0, 0}, {half, fb.y});
        compared->renderer->render_in(right, s.settings, {s.settings.mirror ? 0 : half, 0}, {fb.x - half, fb.y});
      } else if (s.settings.split_before_after) s.renderer.render_split(s.camera, s.settings, fb, s.settings.mirror ? fb.x - split_px : split_px);
      else s.renderer.render(s.camera, s.settings, fb);
      target->resolve_to_window(s.settings.mirror);
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
    if (last_frame) {
      // For tests and scripts: what the design on show came to.
      std::cout << "design: hairline " << design.hairline.height_mm << " mm, " << dot_counts.total << " dots\n";
      if (training.result) {
        std::cout << "score: " << training.result->total << " / 100, faults:";
        for (const ScoreFault& f : training.result->faults) std::cout << " " << f.key;
        std::cout << (training.result->faults.empty() ? " none\n" : "\n");
      }
      if (compared) std::cout << "beside it: " << compared->design.name << ", " << compared->dots.counts.total << " dots\n";
      else if (!compare.message.empty()) std::cout << "nothing beside it: " << compare.message << "\n";
      break;
    }
  }

  document.remove_recovery();  // a clean exit: nothing to recover
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  return exit_code;
}

}  // namespace smp
