#include "render/dot_pass.h"

#include <cstddef>


namespace smp {

DotPass::DotPass() : program_("dot.vert", "dot.frag") {
  glGenVertexArrays(1, &vertex_array_);
  glGenBuffers(1, &quad_buffer_);
  glGenBuffers(1, &instance_buffer_);
  const float quad[8] = {-1, -1, 1, -1, -1, 1, 1, 1};  // a triangle strip
  glBindVertexArray(vertex_array_);
  glBindBuffer(GL_ARRAY_BUFFER, quad_buffer_);
  glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, instance_buffer_);
  constexpr GLsizei stride = sizeof(DotInstance);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(DotInstance, position)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(DotInstance, normal)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(DotInstance, diameter_mm)));
  for (GLuint attribute = 1; attribute <= 3; ++attribute) glVertexAttribDivisor(attribute, 1);
  glBindVertexArray(0);
}

DotPass::~DotPass() {
  glDeleteBuffers(1, &instance_buffer_);
  glDeleteBuffers(1, &quad_buffer_);
  glDeleteVertexArrays(1, &vertex_array_);
}

void DotPass::set_dots(const std::vector<DotInstance>& dots) {
  glBindBuffer(GL_ARRAY_BUFFER, instance_buffer_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(dots.size() * sizeof(DotInstance)), dots.data(), GL_DYNAMIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  count_ = dots.size();
}

void DotPass::draw(const OrbitCamera& camera, float aspect, const ViewSettings& s) {
  if (count_ == 0 || !s.show_dots) return;
  program_.use();
  program_.set("u_view", camera.view_matrix());
  program_.set("u_projection", camera.projection_matrix(aspect));
  // A fifth of a millimetre off the skin, plus a polygon offset: the dot wins the depth test
  // against its own patch of skin at every zoom, yet the head still hides dots behind it.
  program_.set("u_lift_mm", 0.2f);
  program_.set("u_first_session", s.dot_session_first);
  program_.set("u_last_session", s.dot_session_last);
  GLint viewport[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_VIEWPORT, viewport);
  program_.set("u_viewport_height_px", float(viewport[3]));
  // A map of sessions shows every dot as a dot (4 px at least, at full colour); the pigment view
  // keeps each dot's true share of ink.
  program_.set("u_smallest_dot_px", s.colour_sessions ? s.map_dot_px : 1.5f);
  program_.set("u_pigment", s.pigment_strength);
  program_.set("u_colour_sessions", s.colour_sessions ? 1 : 0);
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonOffset(-1.0f, -2.0f);
  // framebuffer x dot colour: the dots darken the lit skin under them, in any order.
  glEnable(GL_BLEND);
  // Session colours drawn over the skin; the picture's alpha stays as the head left it (opaque).
  if (s.colour_sessions) glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
  else glBlendFunc(GL_DST_COLOR, GL_ZERO);
  glDepthMask(GL_FALSE);
  glBindVertexArray(vertex_array_);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count_));
  glBindVertexArray(0);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  glDisable(GL_POLYGON_OFFSET_FILL);
}

}  // namespace smp
