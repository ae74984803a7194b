#pragma once
// An offscreen framebuffer: multisampled colour + depth to draw into, resolved to a plain one
// to read back as an Image.
#include "core/image.h"
#include "render/gl.h"

namespace smp {

class EdgeSmoothingPass;

class RenderTarget {
 public:
  RenderTarget(int width, int height, int samples);  // throws std::runtime_error if incomplete
  ~RenderTarget();
  RenderTarget(const RenderTarget&) = delete;
  RenderTarget& operator=(const RenderTarget&) = delete;

  void bind();               // draw into the multisampled buffer
  Image resolve_and_read();  // top-to-bottom RGBA
  void resolve_to_window(bool mirror = false);  // into the window's back buffer (same size); mirrored: left and right swapped
  // Several pictures that share a costly underlay (the head) and differ only in what lies on it
  // (each session's dots): keep_layer() resolves the drawing so far (colour and depth) once and
  // goes on drawing onto a single-sampled copy of it; restore_layer() puts the copy back. Copies
  // of single samples cost a fraction of multisampled ones on a software renderer; what is drawn
  // on the layer must smooth its own edges (the dots do). With `smoothing`, the kept drawing's
  // edges are smoothed on the way (for a single-sampled target).
  void keep_layer(EdgeSmoothingPass* smoothing = nullptr);
  void restore_layer();
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  void release();
  int width_, height_;
  GLuint draw_fbo_ = 0, draw_colour_ = 0, draw_depth_ = 0;
  GLuint resolve_fbo_ = 0, resolve_colour_ = 0;
  int samples_ = 0;
  GLuint kept_fbo_ = 0, kept_colour_ = 0, kept_depth_ = 0;
  GLuint layer_fbo_ = 0, layer_colour_ = 0, layer_depth_ = 0;
  bool on_layer_ = false;
};

// Reads the default framebuffer's back buffer (the window), top-to-bottom RGBA.
Image read_window_pixels(int width, int height);

}  // namespace smp
