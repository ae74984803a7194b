// A pigment map sent in part (the rows a slider's drag changed, as the window sends them) draws
// the same as the whole map sent afresh, up close and far away (where the smaller mip levels,
// made from the changed rows, are read).
#include <filesystem>

#include <gtest/gtest.h>

#include "core/image.h"
#include "core/pigment_map.h"
#include "io/mesh_import.h"
#include "render/offscreen_capture.h"
#include "offscreen_test.h"

namespace smp {
namespace {

class PigmentUpload : public test::OffscreenTest {};

// A map 1030 texels a side (its mip levels 515, 257, ... have odd sides), a third of it inked in
// diagonal stripes 7 texels wide, but two thirds in stripes `step` wide in rows [changed0,
// changed1); with redness if asked.
PigmentMap striped_map(int step, int changed0, int changed1, bool red) {
  PigmentMap map;
  map.size = 1030;
  map.low_mm = {0, 0};
  map.high_mm = {100, 100};
  map.ink.resize(std::size_t(map.size) * std::size_t(map.size));
  for (int y = 0; y < map.size; ++y)
    for (int x = 0; x < map.size; ++x) {
      const bool changed = y >= changed0 && y < changed1;
      const int s = changed ? step : 7;
      const bool inked = changed ? (x / s + y / s) % 3 != 0 : (x / s + y / s) % 3 == 0;  // twice the ink in the changed rows
      map.ink[std::size_t(y) * std::size_t(map.size) + std::size_t(x)] = inked ? 220 : 0;
    }
  if (red) map.inflamed = map.ink;
  return map;
}

TEST_F(PigmentUpload, RowsSentInPartDrawAsTheWholeMapSentAfresh) {
  const ImportedMesh head = import_mesh(std::filesystem::path(SMP_ASSETS_DIR) / "head.ply", Units::Millimetres);
  const Bounds box = bounds_of(head.mesh);
  std::vector<glm::vec3> uvw;  // the map laid over the head from the front
  for (const glm::vec3& p : head.mesh.positions)
    uvw.emplace_back((p.x - box.min.x) / (box.max.x - box.min.x), (p.y - box.min.y) / (box.max.y - box.min.y), 1.0f);
  for (const bool red : {false, true}) {
    const PigmentMap before = striped_map(7, 0, 0, red), after = striped_map(4, 500, 571, red);
    SceneRenderer whole, in_part, unchanged;
    for (SceneRenderer* r : {&whole, &in_part, &unchanged}) {
      r->set_head(head.mesh);
      r->set_pigment_uv(uvw);
    }
    whole.set_pigment(after);
    in_part.set_pigment(before);
    in_part.set_pigment(after, {500, 571});
    unchanged.set_pigment(before);
    ViewSettings settings;
    if (red) settings.preview.mode = Preview::Fresh;
    for (const glm::ivec2 size : {glm::ivec2(480, 360), glm::ivec2(96, 72)}) {
      const OrbitCamera camera = camera_for_view(box, View::Front, float(size.x) / float(size.y));
      const Image a = capture_frame(whole, camera, settings, size), b = capture_frame(in_part, camera, settings, size);
      const Image c = capture_frame(unchanged, camera, settings, size);
      const ImageDifference same = compare_images(a, b, 0);
      EXPECT_EQ(same.max_channel_diff, 0) << "red " << red << ", " << size.x << " px wide";
      // The change shows, so the comparison above could have failed.
      EXPECT_GT(compare_images(a, c, 16).fraction_over, 0.002) << "red " << red << ", " << size.x << " px wide";
    }
  }
}

}  // namespace
}  // namespace smp
