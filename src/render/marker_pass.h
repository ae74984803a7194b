#pragma once
// Small coloured spheres at points on the head (landmarks), hidden where the head is in front.
#include <vector>

#include <glm/vec3.hpp>

#include "core/camera.h"
#include "render/gl_buffers.h"
#include "render/shader_program.h"

namespace smp {

struct Marker {
  glm::vec3 position;     // mm
  glm::vec3 colour_srgb;  // 0..1
};

class MarkerPass {
 public:
  MarkerPass();
  void draw(const OrbitCamera& camera, float aspect, const std::vector<Marker>& markers, float radius_mm);

 private:
  ShaderProgram program_;
  MeshBuffer sphere_;
};

}  // namespace smp
