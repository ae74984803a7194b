// Edge smoothing of single-sampled pictures (the guide's views): the head's silhouette comes out
// close to a multisampled one, and flat skin and paper are left as they were.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <gtest/gtest.h>

#include "core/image.h"
#include "io/mesh_import.h"
#include "render/edge_smoothing_pass.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"
#include "offscreen_test.h"

namespace smp {
namespace {

class EdgeSmoothing : public test::OffscreenTest {};

int channel_diff(const Image& a, const Image& b, int x, int y) {
  int most = 0;
  for (int c = 0; c < 3; ++c) most = std::max(most, std::abs(int(a.pixel(x, y)[c]) - int(b.pixel(x, y)[c])));
  return most;
}

TEST_F(EdgeSmoothing, SilhouetteComesCloseToMultisampledAndFlatPartsStay) {
  const ImportedMesh head = import_mesh(std::filesystem::path(SMP_ASSETS_DIR) / "head.ply", Units::Millimetres);
  SceneRenderer renderer;
  renderer.set_head(head.mesh);
  const glm::ivec2 size{480, 360};
  const OrbitCamera camera = camera_for_view(bounds_of(head.mesh), View::Left, float(size.x) / float(size.y));
  ViewSettings settings;
  settings.background_top_srgb = settings.background_bottom_srgb = glm::vec3(1.0f);  // paper, as the guide
  auto draw = [&](int samples, EdgeSmoothingPass* smoothing) {
    RenderTarget target(size.x, size.y, samples);
    target.bind();
    renderer.render(camera, settings, size);
    if (smoothing) target.keep_layer(smoothing);
    return target.resolve_and_read();
  };
  EdgeSmoothingPass smoothing;
  const Image multisampled = draw(8, nullptr), plain = draw(0, nullptr), smoothed = draw(0, &smoothing);

  // The stair steps: pixels where the plain picture is far from the multisampled one.
  double plain_error = 0, smoothed_error = 0;
  int steps = 0, flat = 0, flat_changed = 0;
  for (int y = 1; y + 1 < size.y; ++y)
    for (int x = 1; x + 1 < size.x; ++x) {
      if (channel_diff(plain, multisampled, x, y) > 24) {
        ++steps;
        plain_error += channel_diff(plain, multisampled, x, y);
        smoothed_error += channel_diff(smoothed, multisampled, x, y);
      }
      // Flat: the pixel's green within 2 levels of each of its 8 neighbours' in the plain picture.
      bool alike = true;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) alike = alike && std::abs(int(plain.pixel(x, y)[1]) - int(plain.pixel(x + dx, y + dy)[1])) <= 2;
      if (alike) {
        ++flat;
        flat_changed += channel_diff(plain, smoothed, x, y) > 1;
      }
    }
  ASSERT_GT(steps, 200) << "the silhouette should show stair steps without multisampling";
  std::printf("stair-step pixels %d: error plain %.0f, smoothed %.0f; flat %d, changed %d\n", steps, plain_error, smoothed_error, flat, flat_changed);
  // Measured on llvmpipe: the smoothed silhouette's error is about 40% of the plain one's.
  EXPECT_LT(smoothed_error, 0.7 * plain_error) << steps << " stair-step pixels";
  ASSERT_GT(flat, size.x * size.y / 2);
  EXPECT_EQ(flat_changed, 0) << "of " << flat << " flat pixels";
}

}  // namespace
}  // namespace smp
