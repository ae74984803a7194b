#include "render/head_pass.h"

#include "core/closed_surface.h"
#include "render/lighting.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace smp {
namespace {

// The next mip level of a square map `side` texels wide (its size rounded down), as OpenGL
// makes it: each texel read bilinearly at its centre's place in the level above, which for an
// even side is the mean of 2x2 and for an odd one drifts across the row.
std::vector<std::uint8_t> halved_texels(const std::uint8_t* texels, int side, std::size_t channels) {
  const int half = side / 2;
  if (side % 2 == 0) {  // the mean of 2x2, rounded as below, without the float rows
    const std::size_t row = std::size_t(side) * channels, out_row = std::size_t(half) * channels;
    std::vector<std::uint8_t> out(std::size_t(half) * out_row);
    for (std::size_t y = 0; y < std::size_t(half); ++y)
      for (std::size_t x = 0; x < out_row; ++x) {
        const std::uint8_t* p = texels + 2 * y * row + (x / channels) * 2 * channels + x % channels;
        out[y * out_row + x] = std::uint8_t((p[0] + p[channels] + p[row] + p[row + channels] + 2) / 4);
      }
    return out;
  }
  struct Tap {
    int at;
    float weight;  // of texel `at`; 1 - weight of the next
  };
  std::vector<Tap> taps(static_cast<std::size_t>(half));
  for (int i = 0; i < half; ++i) {
    const float u = std::clamp((float(i) + 0.5f) * float(side) / float(half) - 0.5f, 0.0f, float(side - 1));
    const int at = std::min(int(u), side - 2);
    taps[std::size_t(i)] = {at, 1.0f - (u - float(at))};
  }
  const std::size_t row = std::size_t(side) * channels, out_row = std::size_t(half) * channels;
  std::vector<float> across(std::size_t(side) * out_row);  // each row of the level above, narrowed
  for (std::size_t y = 0; y < std::size_t(side); ++y)
    for (std::size_t x = 0; x < std::size_t(half); ++x)
      for (std::size_t c = 0; c < channels; ++c) {
        const Tap& t = taps[x];
        const std::uint8_t* p = texels + y * row + std::size_t(t.at) * channels + c;
        across[y * out_row + x * channels + c] = t.weight * float(p[0]) + (1.0f - t.weight) * float(p[channels]);
      }
  std::vector<std::uint8_t> out(std::size_t(half) * out_row);
  for (std::size_t y = 0; y < std::size_t(half); ++y) {
    const Tap& t = taps[y];
    const float* above = &across[std::size_t(t.at) * out_row];
    for (std::size_t x = 0; x < out_row; ++x) out[y * out_row + x] = std::uint8_t(t.weight * above[x] + (1.0f - t.weight) * above[x + out_row] + 0.5f);
  }
  return out;
}

}  // namespace

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
  const std::size_t channels = both.empty() ? 1 : 2;
  const bool same_storage = map.size == pigment_size_ && format == pigment_format_;
  // Mipmaps: far away a texel averages many dots' ink, which is how a shaved head reads at a
  // distance (a shadow); up close the dots are separate. Made here (halved_texels): the software
  // renderer's glGenerateMipmap took 13-20 ms over a 3k map, and 60 ms more the first time.
  const std::uint8_t* texels = both.empty() ? map.ink.data() : both.data();
  std::vector<std::uint8_t> smaller;
  for (int level = 0, side = map.size;; ++level) {
    if (same_storage) glTexSubImage2D(GL_TEXTURE_2D, level, 0, 0, side, side, format, GL_UNSIGNED_BYTE, texels);
    else glTexImage2D(GL_TEXTURE_2D, level, both.empty() ? GL_R8 : GL_RG8, side, side, 0, format, GL_UNSIGNED_BYTE, texels);
    if (side <= 1) break;
    smaller = halved_texels(texels, side, channels);
    texels = smaller.data();
    side /= 2;
  }
  pigment_size_ = map.size;
  pigment_format_ = format;
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
