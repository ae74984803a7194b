#include "render/background_pass.h"

namespace smp {

BackgroundPass::BackgroundPass() : program_("fullscreen.vert", "background.frag") {
  glGenVertexArrays(1, &empty_vertex_array_);
}

BackgroundPass::~BackgroundPass() { glDeleteVertexArrays(1, &empty_vertex_array_); }

void BackgroundPass::draw(const ViewSettings& settings) {
  program_.use();
  program_.set("u_top", settings.background_top_srgb);
  program_.set("u_bottom", settings.background_bottom_srgb);
  glDepthMask(GL_FALSE);
  glDisable(GL_DEPTH_TEST);
  glBindVertexArray(empty_vertex_array_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glDepthMask(GL_TRUE);
}

}  // namespace smp
