// The bundled head rendered offscreen against a committed baseline picture.
#include <filesystem>
#include <memory>

#include <gtest/gtest.h>

#include "core/image.h"
#include "io/mesh_import.h"
#include "io/png.h"
#include "render/offscreen_capture.h"
#include "offscreen_test.h"

namespace smp {
namespace {

class HeadRender : public test::OffscreenTest {};

// Compares with baselines/NAME.png; a missing baseline is written from this output and the test
// fails, so a new baseline is always looked at before it is committed.
void expect_matches_baseline(const Image& actual, const std::string& name) {
  const std::filesystem::path baseline = std::filesystem::path(SMP_BASELINE_DIR) / (name + ".png");
  const std::filesystem::path output = std::filesystem::path(SMP_TEST_OUTPUT_DIR) / (name + ".png");
  std::filesystem::create_directories(output.parent_path());
  write_png(output, actual);
  if (!std::filesystem::exists(baseline)) {
    std::filesystem::create_directories(baseline.parent_path());
    write_png(baseline, actual);
    FAIL() << "no baseline: wrote " << baseline << "; look at it, then commit it";
  }
  const ImageDifference d = compare_images(actual, read_png(baseline), 16);
  ASSERT_TRUE(d.same_size) << "size differs from " << baseline;
  // Same Mesa build: identical. Other llvmpipe builds or GPUs rasterise edges and round shading a
  // little differently: with 8x MSAA one changed sample moves an edge pixel by at most ~1/8 of
  // the head/backdrop contrast (~25 levels), shading by a few levels. A wrong camera, light, colour
  // or mesh moves thousands of pixels by far more than that.
  EXPECT_LE(d.mean_channel_diff, 1.0) << "output " << output;       // mean over all channels, 0..255
  EXPECT_LE(d.fraction_over, 0.005) << "output " << output;         // pixels off by more than 16 levels
  EXPECT_LE(d.max_channel_diff, 96) << "output " << output;         // no pixel wildly off
}

TEST_F(HeadRender, BundledHeadFrontMatchesBaseline) {
  const ImportedMesh head = import_mesh(std::filesystem::path(SMP_ASSETS_DIR) / "head.ply", Units::Millimetres);
  SceneRenderer renderer;
  renderer.set_head(head.mesh);
  const glm::ivec2 size{480, 360};
  const Image image = capture_frame(renderer, camera_for_view(bounds_of(head.mesh), View::Front, 480.0f / 360.0f),
                                    ViewSettings{}, size);
  expect_matches_baseline(image, "head_front");
}

TEST_F(HeadRender, SkinToneChangesThePicture) {
  const ImportedMesh head = import_mesh(std::filesystem::path(SMP_ASSETS_DIR) / "head.ply", Units::Millimetres);
  SceneRenderer renderer;
  renderer.set_head(head.mesh);
  const OrbitCamera camera = camera_for_view(bounds_of(head.mesh), View::Front, 1.0f);
  ViewSettings fair, dark;
  fair.fitzpatrick_type = 1;
  dark.fitzpatrick_type = 6;
  const Image a = capture_frame(renderer, camera, fair, {128, 128});
  const Image b = capture_frame(renderer, camera, dark, {128, 128});
  // The centre of the picture is forehead: fair skin must be much brighter there than dark skin.
  EXPECT_GT(int(a.pixel(64, 60)[0]) - int(b.pixel(64, 60)[0]), 80);
  EXPECT_EQ(a.pixel(2, 2)[0], b.pixel(2, 2)[0]);  // the backdrop does not change
}

}  // namespace
}  // namespace smp
