#pragma once
// Draws the head as lit skin.
#include "core/camera.h"
#include "core/mesh.h"
#include "core/view_settings.h"
#include "render/gl_buffers.h"
#include "render/shader_program.h"

namespace smp {

class HeadPass {
 public:
  HeadPass();
  void set_mesh(const Mesh& mesh) { buffer_.upload(mesh); }
  // A colour per vertex (alpha: how strongly it tints the skin), shown when ViewSettings say so.
  void set_overlay(const std::vector<glm::vec4>& colours) { buffer_.upload_colours(colours); }
  void draw(const OrbitCamera& camera, float aspect, const ViewSettings& settings);
  std::size_t triangle_count() const { return static_cast<std::size_t>(buffer_.index_count()) / 3; }

 private:
  ShaderProgram program_;
  MeshBuffer buffer_;
};

}  // namespace smp
