#pragma once
// A GL 3.3 core context with no window and no display: EGL on Mesa's surfaceless platform (llvmpipe
// or a GPU), or on an EGL device (NVIDIA). Rendering goes into a RenderTarget.
#include <memory>
#include <string>

namespace smp {

class OffscreenContext {
 public:
  // Returns nullptr and sets `why` when no context can be had (no EGL, no GL 3.3 core).
  static std::unique_ptr<OffscreenContext> create(std::string& why);
  ~OffscreenContext();
  OffscreenContext(const OffscreenContext&) = delete;
  OffscreenContext& operator=(const OffscreenContext&) = delete;

 private:
  OffscreenContext() = default;
  void* display_ = nullptr;
  void* context_ = nullptr;
};

}  // namespace smp
