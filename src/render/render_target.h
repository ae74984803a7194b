#pragma once
// An offscreen framebuffer: multisampled colour + depth to draw into, resolved to a plain one
// to read back as an Image.
#include "core/image.h"
#include "render/gl.h"

namespace smp {

class RenderTarget {
 public:
  RenderTarget(int width, int height, int samples);  // throws std::runtime_error if incomplete
  ~RenderTarget();
  RenderTarget(const RenderTarget&) = delete;
  RenderTarget& operator=(const RenderTarget&) = delete;

  void bind();               // draw into the multisampled buffer
  Image resolve_and_read();  // top-to-bottom RGBA
  void resolve_to_window();  // resolves into the window's back buffer (same size)
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  void release();
  int width_, height_;
  GLuint draw_fbo_ = 0, draw_colour_ = 0, draw_depth_ = 0;
  GLuint resolve_fbo_ = 0, resolve_colour_ = 0;
};

// Reads the default framebuffer's back buffer (the window), top-to-bottom RGBA.
Image read_window_pixels(int width, int height);

}  // namespace smp
