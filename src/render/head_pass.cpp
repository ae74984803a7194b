#include "render/head_pass.h"

#include "render/lighting.h"

namespace smp {

HeadPass::HeadPass() : program_("head.vert", "head.frag") {}

void HeadPass::draw(const OrbitCamera& camera, float aspect, const ViewSettings& s) {
  program_.use();
  const glm::mat4 view = camera.view_matrix();
  program_.set("u_view", view);
  program_.set("u_projection", camera.projection_matrix(aspect));
  program_.set("u_normal_matrix", glm::mat3(view));  // the model matrix is the identity
  program_.set("u_skin", s.skin_linear());
  program_.set("u_overlay_strength", s.show_density ? 0.9f : s.show_zones ? 0.6f : 0.0f);
  // Lights follow the camera (render/lighting.h): every side of the head is shown well lit.
  program_.set("u_key_dir", light_direction(s.key_light_azimuth_deg, s.key_light_elevation_deg));
  program_.set("u_key_intensity", s.key_light_intensity);
  program_.set("u_fill_dir", light_direction(-s.key_light_azimuth_deg * 1.6f, 5.0f));
  program_.set("u_fill_intensity", s.fill_light_intensity);
  program_.set("u_rim_dir", light_direction(180.0f - s.key_light_azimuth_deg, 40.0f));
  program_.set("u_rim_intensity", s.rim_light_intensity);
  program_.set("u_ambient_intensity", s.ambient_intensity);
  buffer_.draw();
}

}  // namespace smp
