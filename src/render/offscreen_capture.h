#pragma once
// One frame rendered into an offscreen framebuffer and read back: the headless `render` command
// and the render tests take pictures this way. (The guide's views are drawn single-sampled, their
// edges smoothed by EdgeSmoothingPass: cheaper on a software renderer.)
#include <glm/vec2.hpp>

#include "core/camera.h"
#include "core/image.h"
#include "core/view_settings.h"
#include "render/scene_renderer.h"

namespace smp {

// Multisampling of offscreen pictures: 8 samples smooth the silhouette to print quality.
constexpr int kOffscreenSamples = 8;

Image capture_frame(SceneRenderer& renderer, const OrbitCamera& camera, const ViewSettings& settings,
                    glm::ivec2 size, int samples = kOffscreenSamples);

}  // namespace smp
