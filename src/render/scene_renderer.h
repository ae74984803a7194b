#pragma once
// Draws one frame of the scene into the bound framebuffer: backdrop, then the head. The window and
// the offscreen path both call this, so they show the same picture.
#include <memory>

#include <glm/vec2.hpp>

#include "core/camera.h"
#include "core/mesh.h"
#include "core/view_settings.h"
#include "render/background_pass.h"
#include "render/head_pass.h"
#include "render/dot_pass.h"
#include "render/marker_pass.h"

namespace smp {

class SceneRenderer {
 public:
  SceneRenderer();  // needs a current GL 3.3 core context
  void set_head(const Mesh& mesh);
  void set_markers(std::vector<Marker> markers) { markers_ = std::move(markers); }
  // The designed hairline, drawn as a chain of small beads on the skin, with bigger handles.
  void set_hairline(std::vector<Marker> beads, std::vector<Marker> handles = {}) {
    hairline_ = std::move(beads);
    handles_ = std::move(handles);
  }
  void set_zone_overlay(const std::vector<glm::vec4>& colours) { head_.set_overlay(colours); }
  void set_dots(const std::vector<DotInstance>& dots) { dots_.set_dots(dots); }
  // The dots baked over the scalp chart (core/pigment_map.h) and each vertex's place on it: drawn
  // by the head's shader instead of one instance per dot, except when sessions are coloured as a
  // map (which needs each dot's session).
  void set_pigment_uv(const std::vector<glm::vec3>& uvw) { head_.set_pigment_uv(uvw); }
  void set_pigment(const PigmentMap& map, std::pair<int, int> rows = {0, std::numeric_limits<int>::max()}) { head_.set_pigment(map, rows); }
  void clear_pigment() { head_.clear_pigment(); }
  bool has_pigment() const { return head_.has_pigment(); }
  std::size_t dot_count() const { return dots_.count(); }
  void render(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 framebuffer_size);
  // render() in two halves: the backdrop and the head, then what lies on the skin (dots, markers,
  // hairline), so pictures that differ only in dots can share the first.
  void render_head(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 framebuffer_size);
  // Before and after on one camera: the frame with its dots, then left of `split_px` the same
  // frame without them (a scissor: only that part is drawn again).
  void render_split(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 framebuffer_size, int split_px);
  void render_on_skin(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 framebuffer_size);
  // render() into the rectangle of the framebuffer at `origin` (px from its bottom left), `size`
  // wide and high, leaving the rest as it was: two designs side by side.
  void render_in(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 origin, glm::ivec2 size);
  std::size_t head_triangles() const { return head_.triangle_count(); }

 private:
  void draw_head(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 framebuffer_size);  // within any scissor
  BackgroundPass background_;
  HeadPass head_;
  DotPass dots_;
  MarkerPass marker_pass_;
  std::vector<Marker> markers_, hairline_, handles_;
  glm::ivec2 origin_{0};  // of the viewport: render_in's rectangle
};

// Blocks until the GPU has finished everything queued: frame timings measure work, not queueing.
void wait_for_gpu();

// The GL_RENDERER string ("llvmpipe (LLVM 15.0.6, 256 bits)", a GPU name...), for stats and benches.
std::string gl_renderer_name();

}  // namespace smp
