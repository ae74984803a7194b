#pragma once
// Draws the head as lit skin.
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "core/camera.h"
#include "core/mesh.h"
#include "core/view_settings.h"
#include "core/pigment_map.h"
#include "render/gl_buffers.h"
#include "render/shader_program.h"

namespace smp {

class HeadPass {
 public:
  HeadPass();
  ~HeadPass();
  HeadPass(const HeadPass&) = delete;
  HeadPass& operator=(const HeadPass&) = delete;
  void set_mesh(const Mesh& mesh);  // drops the pigment (it belongs to the old mesh)
  // The baked dots and where each vertex lies on them (u, v, 1 on the chart; 0 off it).
  void set_pigment_uv(const std::vector<glm::vec3>& uvw);
  // `rows`: those of the map, [first, second), that differ from the map set last (PigmentBaker's
  // changed_rows); only they are sent. The whole map where there is none, or it had another size.
  void set_pigment(const PigmentMap& map, std::pair<int, int> rows = {0, std::numeric_limits<int>::max()});
  void clear_pigment() { has_pigment_ = false; }
  bool has_pigment() const { return has_pigment_; }
  // A colour per vertex (alpha: how strongly it tints the skin), shown when ViewSettings say so.
  void set_overlay(const std::vector<glm::vec4>& colours) { buffer_.upload_colours(colours); }
  void draw(const OrbitCamera& camera, float aspect, const ViewSettings& settings, int viewport_height);
  std::size_t triangle_count() const { return static_cast<std::size_t>(buffer_.index_count()) / 3; }

 private:
  ShaderProgram program_;
  MeshBuffer buffer_;
  GLuint pigment_texture_ = 0;
  int pigment_size_ = 0;
  GLenum pigment_format_ = 0;  // GL_RED, or GL_RG with fresh redness
  float pigment_texels_per_mm_ = 0.0f;
  std::vector<std::vector<std::uint8_t>> levels_;  // the texture's mip levels as sent, largest first
  bool has_uv_ = false, has_pigment_ = false;
  bool closed_ = false;  // is_closed_surface: the faces turned away need not be drawn
};

}  // namespace smp
