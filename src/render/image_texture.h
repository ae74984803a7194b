#pragma once
// An Image uploaded as a GL texture, for pictures in the panels (Dear ImGui draws GL textures by
// their name). Needs a current GL context; owns the texture.
#include <cstdint>

#include "core/image.h"

namespace smp {

class ImageTexture {
 public:
  ImageTexture() = default;
  ~ImageTexture();
  ImageTexture(const ImageTexture&) = delete;
  ImageTexture& operator=(const ImageTexture&) = delete;

  void set(const Image& image);  // replaces what was there
  bool empty() const { return width_ == 0; }
  std::uintptr_t id() const { return texture_; }  // for ImGui::Image
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  unsigned texture_ = 0;
  int width_ = 0, height_ = 0;
};

}  // namespace smp
