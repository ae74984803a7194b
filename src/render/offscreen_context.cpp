#include "render/offscreen_context.h"

#include <glad/egl.h>

#include "render/gl.h"

namespace smp {
namespace {

// Surfaceless Mesa first (llvmpipe, or Mesa on a GPU); then the first EGL device (NVIDIA's driver).
EGLDisplay open_display() {
  if (eglGetPlatformDisplayEXT) {
    EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display != EGL_NO_DISPLAY && eglInitialize(display, nullptr, nullptr)) return display;
    if (eglQueryDevicesEXT) {
      EGLDeviceEXT devices[8];
      EGLint count = 0;
      if (eglQueryDevicesEXT(8, devices, &count) && count > 0) {
        display = eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices[0], nullptr);
        if (display != EGL_NO_DISPLAY && eglInitialize(display, nullptr, nullptr)) return display;
      }
    }
  }
  return EGL_NO_DISPLAY;
}

}  // namespace

std::unique_ptr<OffscreenContext> OffscreenContext::create(std::string& why) {
  if (!gladLoaderLoadEGL(EGL_NO_DISPLAY)) {
    why = "no EGL library (install libegl1 and Mesa's libegl-mesa0)";
    return nullptr;
  }
  EGLDisplay display = open_display();
  if (display == EGL_NO_DISPLAY) {
    why = "EGL found no surfaceless display or device";
    return nullptr;
  }
  // Reload now that the display is known: its extensions decide which entry points exist.
  gladLoaderLoadEGL(display);
  std::unique_ptr<OffscreenContext> result(new OffscreenContext);
  result->display_ = display;
  if (!eglBindAPI(EGL_OPENGL_API)) {
    why = "EGL cannot bind desktop OpenGL";
    return nullptr;
  }
  const EGLint config_attributes[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8,
                                      EGL_BLUE_SIZE, 8, EGL_DEPTH_SIZE, 24, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint configs = 0;
  if (!eglChooseConfig(display, config_attributes, &config, 1, &configs) || configs == 0) {
    // Surfaceless displays may offer configs without window bits or depth; rendering goes to FBOs anyway.
    const EGLint any_gl[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    if (!eglChooseConfig(display, any_gl, &config, 1, &configs) || configs == 0) config = nullptr;
  }
  const EGLint context_attributes[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                       EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, context_attributes);
  if (context == EGL_NO_CONTEXT) {
    why = "EGL cannot create an OpenGL 3.3 core context";
    return nullptr;
  }
  result->context_ = context;
  if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
    why = "EGL cannot make the context current without a surface";
    return nullptr;
  }
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress))) {
    why = "cannot load OpenGL 3.3 core functions";
    return nullptr;
  }
  return result;
}

OffscreenContext::~OffscreenContext() {
  if (!display_) return;
  eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  if (context_) eglDestroyContext(display_, context_);
  eglTerminate(display_);
}

}  // namespace smp
