#pragma once
// A GLFW window with a GL 3.3 core context, high-DPI aware. The scene is drawn multisampled into a
// RenderTarget and resolved into it, so anti-aliasing can change while the program runs.
#include <memory>
#include <string>

#include <glm/vec2.hpp>

struct GLFWwindow;

namespace smp {

class WindowContext {
 public:
  // Returns nullptr and sets `why` when no window can be opened (no display, no GL 3.3).
  static std::unique_ptr<WindowContext> create(int width, int height, const std::string& title, std::string& why);
  ~WindowContext();
  WindowContext(const WindowContext&) = delete;
  WindowContext& operator=(const WindowContext&) = delete;

  GLFWwindow* handle() const { return window_; }
  glm::ivec2 framebuffer_size() const;  // pixels
  glm::ivec2 window_size() const;       // screen coordinates (mouse positions)
  float content_scale() const;          // 1 on ordinary screens, 2 on high-DPI
  bool should_close() const;
  void swap_buffers();

 private:
  WindowContext() = default;
  GLFWwindow* window_ = nullptr;
};

}  // namespace smp
