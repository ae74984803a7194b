#pragma once
// Smooths the stair-stepped edges of a single-sampled picture (shaders/edge_smoothing.frag):
// anti-aliasing for pictures where multisampling the head costs too much (the software renderer
// spends about twice as long on a multisampled head as on a plain one).
#include "render/shader_program.h"

namespace smp {

class EdgeSmoothingPass {
 public:
  EdgeSmoothingPass();
  ~EdgeSmoothingPass();
  EdgeSmoothingPass(const EdgeSmoothingPass&) = delete;
  EdgeSmoothingPass& operator=(const EdgeSmoothingPass&) = delete;
  // Draws `picture` (a linearly filtered texture of width x height) smoothed into the bound
  // framebuffer's colour, over the whole viewport; depth is left as it is.
  void draw(GLuint picture, int width, int height);

 private:
  ShaderProgram program_;
  GLuint empty_vertex_array_ = 0;  // core profile needs a bound VAO even without attributes
};

}  // namespace smp
