#include "render/offscreen_capture.h"

#include "render/render_target.h"

namespace smp {

Image capture_frame(SceneRenderer& renderer, const OrbitCamera& camera, const ViewSettings& settings,
                    glm::ivec2 size, int samples) {
  RenderTarget target(size.x, size.y, samples);
  target.bind();
  renderer.render(camera, settings, size);
  return target.resolve_and_read();
}

}  // namespace smp
