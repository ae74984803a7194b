#include "render/edge_smoothing_pass.h"

namespace smp {

EdgeSmoothingPass::EdgeSmoothingPass() : program_("fullscreen.vert", "edge_smoothing.frag") { glGenVertexArrays(1, &empty_vertex_array_); }

EdgeSmoothingPass::~EdgeSmoothingPass() { glDeleteVertexArrays(1, &empty_vertex_array_); }

void EdgeSmoothingPass::draw(GLuint picture, int width, int height) {
  program_.use();
  program_.set("u_picture", 0);
  program_.set("u_texel", glm::vec2(1.0f / float(width), 1.0f / float(height)));
  glViewport(0, 0, width, height);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  glDepthMask(GL_FALSE);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, picture);
  glBindVertexArray(empty_vertex_array_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glDepthMask(GL_TRUE);
}

}  // namespace smp
