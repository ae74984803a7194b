#include "render/head_pass.h"

#include "core/closed_surface.h"
#include "render/lighting.h"

#include <algorithm>
#include <cmath>

namespace smp {

HeadPass::HeadPass() : program_("head.vert", "head.frag") { glGenTextures(1, &pigment_texture_); }

HeadPass::~HeadPass() { glDeleteTextures(1, &pigment_texture_); }

void HeadPass::set_mesh(const Mesh& mesh) {
  buffer_.upload(mesh);
  buffer_.upload_pigment_uv({});
  closed_ = is_closed_surface(mesh);
  has_uv_ = has_pigment_ = false;
}

void HeadPass::set_pigment_uv(const std::vector<glm::vec3>& uvw) {
  buffer_.upload_pigment_uv(uvw);
  has_uv_ = !uvw.empty();
}

void HeadPass::set_pigment(const PigmentMap& map) {
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, pigment_texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  // Ink in red; with fresh redness, that in green beside it (one read gives both).
  std::vector<std::uint8_t> both;
  if (!map.inflamed.empty()) {
    both.resize(2 * map.ink.size());
    for (std::size_t i = 0; i < map.ink.size(); ++i) both[2 * i] = map.ink[i], both[2 * i + 1] = map.inflamed[i];
  }
  const GLenum format = both.empty() ? GL_RED : GL_RG;
  const void* texels = both.empty() ? static_cast<const void*>(map.ink.data()) : both.data();
  if (map.size == pigment_size_ && format == pigment_format_) {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, map.size, map.size, format, GL_UNSIGNED_BYTE, texels);
  } else {
    glTexImage2D(GL_TEXTURE_2D, 0, both.empty() ? GL_R8 : GL_RG8, map.size, map.size, 0, format, GL_UNSIGNED_BYTE, texels);
    pigment_size_ = map.size;
    pigment_format_ = format;
  }
  // Mipmaps: far away a texel averages many dots' ink, which is how a shaved head reads at a
  // distance (a shadow); up close the dots are separate.
  glGenerateMipmap(GL_TEXTURE_2D);
  // Bilinear within the nearer mip level: trilinear's second level costs the software renderer a
  // fifth of the head's frame, for a difference no one sees on skin.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  pigment_texels_per_mm_ = map.texels_per_mm();
  has_pigment_ = true;
}

void HeadPass::draw(const OrbitCamera& camera, float aspect, const ViewSettings& s, int viewport_height) {
  program_.use();
  const glm::mat4 view = camera.view_matrix();
  program_.set("u_view", view);
  program_.set("u_projection", camera.projection_matrix(aspect));
  program_.set("u_normal_matrix", glm::mat3(view));  // the model matrix is the identity
  program_.set("u_skin", s.skin_linear());
  program_.set("u_overlay_strength", s.show_heat ? 0.85f : s.show_density ? 0.9f : s.show_zones ? 0.6f : 0.0f);
  // Lights follow the camera (render/lighting.h): every side of the head is shown well lit.
  program_.set("u_key_dir", light_direction(s.key_light_azimuth_deg, s.key_light_elevation_deg));
  program_.set("u_key_intensity", s.key_light_intensity);
  program_.set("u_fill_dir", light_direction(-s.key_light_azimuth_deg * 1.6f, 5.0f));
  program_.set("u_fill_intensity", s.fill_light_intensity);
  program_.set("u_rim_dir", light_direction(180.0f - s.key_light_azimuth_deg, 40.0f));
  program_.set("u_rim_intensity", s.rim_light_intensity);
  program_.set("u_ambient_intensity", s.ambient_intensity);
  const bool pigment = has_pigment_ && has_uv_ && s.show_dots && !s.colour_sessions;
  program_.set("u_pigment_on", pigment ? 1 : 0);
  program_.set("u_pigment_strength", s.pigment_strength);
  program_.set("u_redness", s.preview.mode == Preview::Fresh ? 1.0f : 0.0f);
  program_.set("u_pigment", 0);
  // Texels of the pigment a pixel spans per mm of depth (facing the camera): the vertex shader
  // picks the mip level from it, sparing the software renderer the per-pixel derivatives.
  program_.set("u_texels_per_pixel_per_mm", pigment_texels_per_mm_ * 2.0f * std::tan(0.5f * camera.fov_y) / float(std::max(1, viewport_height)));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, pigment ? pigment_texture_ : 0);
  // Faces toward the camera first: drawn in the mesh's order, about half were shaded and then
  // covered (llvmpipe: a 1600x1200 head 0.20 s to 0.165 s). On a closed head the faces turned
  // away are all hidden, and drawing them anyway cost the software renderer another 0.04-0.05 s
  // (vertices and triangle set-up); open scans show their inside, from a second pass.
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  buffer_.draw();
  if (!closed_) {
    glCullFace(GL_FRONT);
    buffer_.draw();
    glCullFace(GL_BACK);
  }
  glDisable(GL_CULL_FACE);
  glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace smp
