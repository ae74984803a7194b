#include "render/window_context.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "render/gl.h"

namespace smp {

std::unique_ptr<WindowContext> WindowContext::create(int width, int height, const std::string& title, std::string& why) {
  glfwSetErrorCallback(nullptr);
  if (!glfwInit()) {
    const char* description = nullptr;
    glfwGetError(&description);
    why = description ? description : "GLFW cannot start (no display?)";
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 0);  // the scene is multisampled in a RenderTarget, at the user's setting
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  std::unique_ptr<WindowContext> result(new WindowContext);
  result->window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!result->window_) {
    const char* description = nullptr;
    glfwGetError(&description);
    why = description ? description : "cannot open an OpenGL 3.3 core window";
    return nullptr;
  }
  glfwMakeContextCurrent(result->window_);
  glfwSwapInterval(1);
  if (!gladLoadGL(glfwGetProcAddress)) {
    why = "cannot load OpenGL 3.3 core functions";
    return nullptr;
  }
  return result;
}

WindowContext::~WindowContext() {
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

glm::ivec2 WindowContext::framebuffer_size() const {
  glm::ivec2 size;
  glfwGetFramebufferSize(window_, &size.x, &size.y);
  return size;
}

glm::ivec2 WindowContext::window_size() const {
  glm::ivec2 size;
  glfwGetWindowSize(window_, &size.x, &size.y);
  return size;
}

float WindowContext::content_scale() const {
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(window_, &x, &y);
  return x > 0.0f ? x : 1.0f;
}

bool WindowContext::should_close() const { return glfwWindowShouldClose(window_); }
void WindowContext::swap_buffers() { glfwSwapBuffers(window_); }

}  // namespace smp
