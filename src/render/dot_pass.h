#pragma once
// The planned pigment dots, drawn as instanced discs on the skin.
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

#include "core/camera.h"
#include "core/view_settings.h"
#include "render/shader_program.h"

namespace smp {

struct DotInstance {
  glm::vec3 position;  // mm
  glm::vec3 normal;
  float diameter_mm;
  float session;       // 0-based
  float shade;         // 0..1: this dot's share of the full pigment (earlier sessions are lighter)
};

class DotPass {
 public:
  DotPass();
  ~DotPass();
  DotPass(const DotPass&) = delete;
  DotPass& operator=(const DotPass&) = delete;

  void set_dots(const std::vector<DotInstance>& dots);  // uploads; call when the selection changes
  void draw(const OrbitCamera& camera, float aspect, const ViewSettings& settings);
  std::size_t count() const { return count_; }

 private:
  ShaderProgram program_;
  GLuint vertex_array_ = 0, quad_buffer_ = 0, instance_buffer_ = 0;
  std::size_t count_ = 0;
};

}  // namespace smp
