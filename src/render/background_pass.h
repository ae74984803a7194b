#pragma once
// The gradient behind the head.
#include "core/view_settings.h"
#include "render/shader_program.h"

namespace smp {

class BackgroundPass {
 public:
  BackgroundPass();
  ~BackgroundPass();
  BackgroundPass(const BackgroundPass&) = delete;
  BackgroundPass& operator=(const BackgroundPass&) = delete;
  void draw(const ViewSettings& settings);

 private:
  ShaderProgram program_;
  GLuint empty_vertex_array_ = 0;  // core profile needs a bound VAO even without attributes
};

}  // namespace smp
