#include "render/render_target.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "render/edge_smoothing_pass.h"

namespace smp {

RenderTarget::RenderTarget(int width, int height, int samples) : width_(width), height_(height) {
  GLint max_samples = 0, max_size = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  if (width <= 0 || height <= 0 || width > max_size || height > max_size)
    throw std::runtime_error("image size " + std::to_string(width) + "x" + std::to_string(height) +
                             " is outside what this GPU renders (1.." + std::to_string(max_size) + " px a side)");
  samples = std::clamp(samples, 0, max_samples);
  samples_ = samples;

  glGenFramebuffers(1, &draw_fbo_);
  glGenRenderbuffers(1, &draw_colour_);
  glGenRenderbuffers(1, &draw_depth_);
  glBindFramebuffer(GL_FRAMEBUFFER, draw_fbo_);
  glBindRenderbuffer(GL_RENDERBUFFER, draw_colour_);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, draw_colour_);
  glBindRenderbuffer(GL_RENDERBUFFER, draw_depth_);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH_COMPONENT24, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, draw_depth_);
  const bool draw_ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;

  glGenFramebuffers(1, &resolve_fbo_);
  glGenRenderbuffers(1, &resolve_colour_);
  glBindFramebuffer(GL_FRAMEBUFFER, resolve_fbo_);
  glBindRenderbuffer(GL_RENDERBUFFER, resolve_colour_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolve_colour_);
  const bool resolve_ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (!draw_ok || !resolve_ok) {
    release();
    throw std::runtime_error("cannot create a " + std::to_string(width) + "x" + std::to_string(height) + " offscreen framebuffer");
  }
}

RenderTarget::~RenderTarget() { release(); }

void RenderTarget::release() {
  for (GLuint* fbo : {&kept_fbo_, &layer_fbo_}) glDeleteFramebuffers(1, fbo);
  for (GLuint* texture : {&kept_colour_, &layer_colour_}) glDeleteTextures(1, texture);
  for (GLuint* buffer : {&kept_depth_, &layer_depth_}) glDeleteRenderbuffers(1, buffer);
  kept_fbo_ = kept_colour_ = kept_depth_ = layer_fbo_ = layer_colour_ = layer_depth_ = 0;
  glDeleteFramebuffers(1, &resolve_fbo_);
  glDeleteRenderbuffers(1, &resolve_colour_);
  glDeleteFramebuffers(1, &draw_fbo_);
  glDeleteRenderbuffers(1, &draw_depth_);
  glDeleteRenderbuffers(1, &draw_colour_);
  resolve_fbo_ = resolve_colour_ = draw_fbo_ = draw_depth_ = draw_colour_ = 0;
}

namespace {

// A single-sampled framebuffer with colour and depth; the colour is a linearly filtered texture,
// so that a pass can read it (edge smoothing).
void create_plain(int width, int height, GLuint& fbo, GLuint& colour, GLuint& depth) {
  glGenFramebuffers(1, &fbo);
  glGenTextures(1, &colour);
  glGenRenderbuffers(1, &depth);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glBindTexture(GL_TEXTURE_2D, colour);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour, 0);
  glBindRenderbuffer(GL_RENDERBUFFER, depth);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw std::runtime_error("cannot create an offscreen framebuffer to keep a layer");
}

void copy(GLuint from, GLuint to, int width, int height, GLbitfield what = GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to);
  glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, what, GL_NEAREST);
}

}  // namespace

void RenderTarget::keep_layer(EdgeSmoothingPass* smoothing) {
  if (!kept_fbo_) {
    create_plain(width_, height_, kept_fbo_, kept_colour_, kept_depth_);
    create_plain(width_, height_, layer_fbo_, layer_colour_, layer_depth_);
  }
  if (smoothing) {  // through the layer's texture, smoothed into the kept copy
    copy(draw_fbo_, layer_fbo_, width_, height_, GL_COLOR_BUFFER_BIT);
    copy(draw_fbo_, kept_fbo_, width_, height_, GL_DEPTH_BUFFER_BIT);
    glBindFramebuffer(GL_FRAMEBUFFER, kept_fbo_);
    smoothing->draw(layer_colour_, width_, height_);
  } else {
    copy(draw_fbo_, kept_fbo_, width_, height_);  // resolves the samples
  }
  restore_layer();
}

void RenderTarget::restore_layer() {
  copy(kept_fbo_, layer_fbo_, width_, height_);
  glBindFramebuffer(GL_FRAMEBUFFER, layer_fbo_);
  on_layer_ = true;
}

void RenderTarget::bind() {
  glBindFramebuffer(GL_FRAMEBUFFER, draw_fbo_);
  on_layer_ = false;
}

Image RenderTarget::resolve_and_read() {
  if (on_layer_) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, layer_fbo_);
  } else {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, draw_fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_);
  }
  Image image(width_, height_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  flip_rows(image);
  return image;
}

void RenderTarget::resolve_to_window(bool mirror) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, draw_fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  if (!mirror) {
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  } else {  // a multisampled blit may not flip: resolve first, then flip the plain copy
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, width_, height_, width_, 0, 0, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

Image read_window_pixels(int width, int height) {
  Image image(width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  flip_rows(image);
  for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;  // the window is opaque
  return image;
}

}  // namespace smp
