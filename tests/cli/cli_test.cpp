// The real smp-studio binary: exit codes, messages, and that nothing is written on failure.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <vector>

#include <gtest/gtest.h>

#include <glm/vec3.hpp>

#include <nlohmann/json.hpp>

#include "support/bundled_head.h"
#include "io/ply_write.h"
#include "core/image.h"
#include "io/png.h"
#include "support/test_files.h"

namespace smp {
namespace {

const std::string kBinary = SMP_STUDIO_BINARY;

test::CommandResult studio(const std::string& args) { return test::run_command(kBinary + " " + args); }

// Successful renders need an offscreen GL context; without one the binary says so and exits 1.
#define SKIP_WITHOUT_GL(result)                                                   \
  if ((result).exit_code == 1 && (result).output.find("no offscreen OpenGL") != std::string::npos) \
  GTEST_SKIP() << (result).output

TEST(Cli, HelpAndVersion) {
  EXPECT_EQ(studio("--help").exit_code, 0);
  EXPECT_NE(studio("render --help").output.find("--view"), std::string::npos);
  const auto version = studio("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.output.find("smp-studio"), std::string::npos);
}

TEST(Cli, RenderBundledHeadWritesAPng) {
  const auto out = test::scratch_dir() / "head.png";
  const auto result = studio("render --view three-quarter --size 320x240 --out " + out.string());
  SKIP_WITHOUT_GL(result);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const Image image = read_png(out);
  EXPECT_EQ(image.width, 320);
  EXPECT_EQ(image.height, 240);
  EXPECT_GT(luminance_stddev(image), 10.0);  // a head on a backdrop, not a blank picture
}

TEST(Cli, RenderSheetHasOneCellPerView) {
  const auto out = test::scratch_dir() / "sheet.png";
  const auto result = studio("render --view front,left,top --size 100x120 --out " + out.string());
  SKIP_WITHOUT_GL(result);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const Image image = read_png(out);
  EXPECT_EQ(image.width, 300);
  EXPECT_GT(image.height, 120) << "a caption band under the pictures";
  EXPECT_LT(image.height, 120 + 40);
}

TEST(Cli, DotsDarkenTheScalpAndOnlyTheScalp) {
  const auto dir = test::scratch_dir();
  const std::string common = " --view top --size 300x300 --out ";
  const auto bare = studio("render" + common + (dir / "bare.png").string());
  SKIP_WITHOUT_GL(bare);
  const auto dotted = studio("render --dots 150 --dot-size 0.6" + common + (dir / "dots.png").string());
  ASSERT_EQ(dotted.exit_code, 0) << dotted.output;
  const Image a = read_png(dir / "bare.png"), b = read_png(dir / "dots.png");
  auto mean_luma = [](const Image& image, int x0, int y0, int size) {
    double sum = 0;
    for (int y = y0; y < y0 + size; ++y)
      for (int x = x0; x < x0 + size; ++x) sum += 0.3 * image.pixel(x, y)[0] + 0.6 * image.pixel(x, y)[1] + 0.1 * image.pixel(x, y)[2];
    return sum / (size * size);
  };
  // The crown, in the middle of the top view, is scalp: dots darken it. The backdrop stays.
  EXPECT_LT(mean_luma(b, 130, 130, 40), mean_luma(a, 130, 130, 40) - 5.0);
  EXPECT_NEAR(mean_luma(b, 2, 2, 20), mean_luma(a, 2, 2, 20), 0.5);
}

// Issue 4: each dot lies whole on the skin at every zoom (lifted a fifth of a millimetre and
// offset in depth, so the skin under it never wins the depth test and speckles it): 150 dots/cm2
// of 0.6 mm cover 42% of the skin. Drawn without the lift and the offset, 21-23% of the crown
// darkened. (That the head hides dots behind it: tests/render/dot_drawing_test.cpp.)
TEST(Cli, DotsLieWholeOnTheSkinAtEveryZoom) {
  const auto dir = test::scratch_dir();
  auto luma = [](const Image& image, int x, int y) {
    const auto p = image.pixel(x, y);
    return 0.3 * p[0] + 0.6 * p[1] + 0.1 * p[2];
  };
  for (int zoom : {10, 50}) {
    const std::string view = "render --size 300x300 --view top --focus vertex --zoom " + std::to_string(zoom);
    const auto bare_run = studio(view + " --out " + (dir / "bare.png").string());
    SKIP_WITHOUT_GL(bare_run);
    ASSERT_EQ(bare_run.exit_code, 0) << bare_run.output;
    const auto dots_run = studio(view + " --dots 150 --dot-size 0.6 --out " + (dir / "dots.png").string());
    ASSERT_EQ(dots_run.exit_code, 0) << dots_run.output;
    const Image bare = read_png(dir / "bare.png"), dots = read_png(dir / "dots.png");
    int darker = 0;
    for (int y = 0; y < 300; ++y)
      for (int x = 0; x < 300; ++x) darker += luma(dots, x, y) < luma(bare, x, y) - 8.0;
    const double share = darker / (300.0 * 300.0);
    std::printf("zoom %d: %.3f of the skin darkened\n", zoom, share);
    EXPECT_GT(share, 0.3) << "zoom " << zoom;
    EXPECT_LT(share, 0.55) << "zoom " << zoom;
  }
}

// The cache also keeps each pool dot's nearest mesh vertex (its zone and chart place): a design
// exported with a fresh cache, from the cache, and from a cache whose vertex index was corrupted
// gives the same dots.
TEST(Cli, CachedNearestVerticesGiveTheSameDesignDots) {
  const auto dir = test::scratch_dir();
  const std::string env = "env XDG_CACHE_HOME=" + (dir / "cache").string() + " ";
  const std::string design = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  auto export_csv = [&](const std::string& name) {
    const auto result = test::run_command(env + kBinary + " export " + design + " --formats csv --out " + (dir / name).string());
    EXPECT_EQ(result.exit_code, 0) << result.output;
    std::ifstream in(dir / name / "dots.csv", std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
  };
  const std::string built = export_csv("built");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "cache" / "smp-studio"))
    if (entry.path().filename().string().rfind("pool-", 0) == 0) files.push_back(entry.path());  // not the head's mesh-*
  ASSERT_EQ(files.size(), 1u);
  const std::string cached = export_csv("cached");
  {  // the last dot's nearest vertex (the file's last 4 bytes) pointed past the mesh
    std::fstream file(files[0], std::ios::binary | std::ios::in | std::ios::out);
    file.seekp(-4, std::ios::end);
    const std::uint32_t bad = 0xFFFFFFF0u;
    file.write(reinterpret_cast<const char*>(&bad), 4);
  }
  const std::string repaired = export_csv("repaired");
  EXPECT_GT(std::count(built.begin(), built.end(), '\n'), 20000);
  EXPECT_TRUE(built == cached) << "the cached pool's dots differ from the built one's";
  EXPECT_TRUE(built == repaired) << "a cache with a vertex outside the mesh was trusted";
}

TEST(Cli, DotPoolIsCachedAndADamagedCacheIsRebuilt) {
  const auto dir = test::scratch_dir();
  const std::string env = "env XDG_CACHE_HOME=" + (dir / "cache").string() + " ";
  const std::string args = " render --dots 90 --view top --size 200x200 --out ";
  const auto first = test::run_command(env + kBinary + args + (dir / "a.png").string());
  SKIP_WITHOUT_GL(first);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "cache" / "smp-studio"))
    if (entry.path().filename().string().rfind("pool-", 0) == 0) files.push_back(entry.path());  // not the head's mesh-*
  ASSERT_EQ(files.size(), 1u) << "one pool file for the bundled head";
  ASSERT_EQ(test::run_command(env + kBinary + args + (dir / "b.png").string()).exit_code, 0);
  std::filesystem::resize_file(files[0], std::filesystem::file_size(files[0]) / 2);  // a torn write, say
  ASSERT_EQ(test::run_command(env + kBinary + args + (dir / "c.png").string()).exit_code, 0);
  const Image a = read_png(dir / "a.png"), b = read_png(dir / "b.png"), c = read_png(dir / "c.png");
  EXPECT_EQ(a.rgba, b.rgba) << "the cached pool draws the same dots";
  EXPECT_EQ(a.rgba, c.rgba) << "a damaged cache is rebuilt, not trusted";
  EXPECT_GT(std::filesystem::file_size(files[0]), 1000000u) << "and written back whole";
}

TEST(Cli, RenderAnyMeshInCentimetresSaysWhatItAssumed) {
  const auto dir = test::scratch_dir();
  test::write_text(dir / "cube.obj", test::cube_obj(20.0f));
  const auto result = studio("render --head " + (dir / "cube.obj").string() + " --size 64x64 --out " + (dir / "c.png").string());
  SKIP_WITHOUT_GL(result);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("units as cm"), std::string::npos) << result.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "c.png"));
}

TEST(Cli, WithoutADisplayTheProgramExportsTheExampleGuideIntoOut) {
  const auto dir = test::scratch_dir();
  const auto result = test::run_command("cd " + dir.string() + " && env -u DISPLAY -u WAYLAND_DISPLAY " + kBinary);
  SKIP_WITHOUT_GL(result);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("no display"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("out/example-guide"), std::string::npos) << "says where it wrote: " << result.output;
  for (const char* file : {"session-1-front.png", "session-3-top.png", "session-1-healed.png", "session-3-healed.png", "dots.csv", "design.json"})
    EXPECT_TRUE(std::filesystem::exists(dir / "out" / "example-guide" / file)) << file;
  // Healed, session 3's scalp is darker than session 1's (more dots, darker ink): the preview
  // follows the sessions, as the patient will see them.
  const Image first = read_png(dir / "out" / "example-guide" / "session-1-healed.png");
  const Image third = read_png(dir / "out" / "example-guide" / "session-3-healed.png");
  const ImageDifference d = compare_images(first, third, 16);
  EXPECT_GT(d.mean_channel_diff, 1.0) << "session 3's healed picture looks like session 1's";
}

TEST(Cli, ExportWritesOneRowPerPlannedDotAndLeavesNothingOnFailure) {
  const auto dir = test::scratch_dir();
  const std::string design = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  const auto result = studio("export " + design + " --formats csv,json --out " + (dir / "guide").string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto measured = studio("measure --json --design " + design);
  const auto dots = nlohmann::json::parse(measured.output.substr(measured.output.find('{')))["design"]["dots"].get<std::size_t>();
  std::ifstream csv(dir / "guide" / "dots.csv");
  std::size_t rows = 0;
  for (std::string line; std::getline(csv, line);) ++rows;
  EXPECT_EQ(rows, dots + 1) << "a header and one row per dot measure counts";
  EXPECT_EQ(studio("validate " + (dir / "guide" / "design.json").string()).exit_code, 0);
  // A bad design, a bad session or a format not written yet: exit 2, and no folder at all.
  const auto bad = dir / "bad.json";
  test::write_text(bad, "{\"format\": \"smp-studio design\", \"version\": 1, \"hairline\": {\"height_mm\": 5}}");
  EXPECT_EQ(studio("export " + bad.string() + " --out " + (dir / "none").string()).exit_code, 2);
  EXPECT_EQ(studio("export " + design + " --sessions 4 --out " + (dir / "none").string()).exit_code, 2);
  EXPECT_EQ(studio("export " + design + " --formats tiff --out " + (dir / "none").string()).exit_code, 2);  // not a format
  EXPECT_FALSE(std::filesystem::exists(dir / "none"));
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos) << "left behind: " << entry.path();
}

TEST(Cli, ForcedUnitsThatMakeNoHeadAreRefusedWithAHint) {
  const auto dir = test::scratch_dir();
  test::write_text(dir / "cube.obj", test::cube_obj(20.0f));  // 20 units: a head in cm, 20 m in metres
  const auto result = studio("render --head " + (dir / "cube.obj").string() + " --units m --out " + (dir / "c.png").string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("cannot be a head"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "c.png"));
}

TEST(Cli, MeasureGivesPlausibleAdultValuesForTheBundledHead) {
  const auto result = test::run_command(kBinary + " measure --json", test::Stderr::Discarded);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto json = nlohmann::json::parse(result.output);
  EXPECT_EQ(json["units"], "mm");
  EXPECT_EQ(json["landmarks"].size(), 11u);
  const auto& m = json["measurements"];
  // Adult ranges from the issue: circumference 52-62 cm, over-the-vertex arcs 30-40 cm.
  EXPECT_GT(m["circumference_mm"].get<double>(), 520);
  EXPECT_LT(m["circumference_mm"].get<double>(), 620);
  EXPECT_GT(m["ear_to_ear_over_vertex_mm"].get<double>(), 300);
  EXPECT_LT(m["ear_to_ear_over_vertex_mm"].get<double>(), 400);
  EXPECT_GT(m["glabella_to_inion_over_vertex_mm"].get<double>(), 300);
  EXPECT_LT(m["glabella_to_inion_over_vertex_mm"].get<double>(), 400);
  EXPECT_LT(m["glabella_to_vertex_mm"].get<double>(), m["glabella_to_inion_over_vertex_mm"].get<double>());
  const auto text = studio("measure");
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.output.find(" cm"), std::string::npos) << "units on every number: " << text.output;
}

TEST(Cli, ScalpMapNeedsNoGpuAndShowsTheZones) {
  const auto out = test::scratch_dir() / "map.png";
  const auto result = test::run_command("env -u DISPLAY " + kBinary + " render --view map --size 900x600 --out " + out.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const Image map = read_png(out);
  ASSERT_EQ(map.width, 900);
  // The crown zone's green sits around the vertex at the middle of the map disc.
  int green = 0;
  for (int y = 250; y < 350; ++y)
    for (int x = 250; x < 400; ++x) {
      const std::uint8_t* p = map.pixel(x, y);
      green += p[1] > p[0] + 20 && p[1] > p[2] + 20;
    }
  EXPECT_GT(green, 1000) << "no crown zone near the centre";
  EXPECT_EQ(studio("render --view map,front --out " + out.string()).exit_code, 2) << "map is a page of its own";
}

TEST(Cli, FitStretchesTheHeadToThePatientsTape) {
  const auto result = test::run_command(kBinary + " measure --json --fit 55.5,34,32.5", test::Stderr::Discarded);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto m = nlohmann::json::parse(result.output)["measurements"];
  EXPECT_NEAR(m["circumference_mm"].get<double>(), 555.0, 5.55);
  EXPECT_NEAR(m["ear_to_ear_over_vertex_mm"].get<double>(), 340.0, 3.40);
  EXPECT_NEAR(m["glabella_to_inion_over_vertex_mm"].get<double>(), 325.0, 3.25);
  const auto said = studio("measure --fit 55.5,34,32.5");
  EXPECT_NE(said.output.find("reached 55.5 / 34.0 / 32.5 cm"), std::string::npos) << "shows the achieved numbers: " << said.output;
  EXPECT_EQ(studio("measure --fit 5.5,3.4,3.2").exit_code, 2) << "millimetres typed as centimetres are refused";
  EXPECT_EQ(studio("measure --fit 55,34").exit_code, 2);
}

TEST(Cli, ScanInMetresWithZUpIsTurnedAndMeasuresLikeTheHeadItIs) {
  // The bundled head saved as a scanner would: metres, Z up, facing -Y.
  Mesh head = test::bundled_head();
  for (glm::vec3& p : head.positions) p = glm::vec3(p.x, -p.z, p.y) / 1000.0f;
  const auto dir = test::scratch_dir();
  write_ply(dir / "scan.ply", head);
  const auto scan = test::run_command(kBinary + " measure --json --head " + (dir / "scan.ply").string(), test::Stderr::Discarded);
  const auto bundled = test::run_command(kBinary + " measure --json", test::Stderr::Discarded);
  ASSERT_EQ(scan.exit_code, 0) << scan.output;
  const auto a = nlohmann::json::parse(scan.output), b = nlohmann::json::parse(bundled.output);
  EXPECT_NE(a["landmarks_source"].get<std::string>().find("assumed +Z up and facing -Y"), std::string::npos) << a["landmarks_source"];
  for (const char* figure : {"circumference_mm", "ear_to_ear_over_vertex_mm", "glabella_to_inion_over_vertex_mm"})
    EXPECT_NEAR(a["measurements"][figure].get<double>(), b["measurements"][figure].get<double>(),
                0.01 * b["measurements"][figure].get<double>()) << figure;
  const auto said = studio("measure --head " + (dir / "scan.ply").string());
  EXPECT_NE(said.output.find("read units as m"), std::string::npos) << "says which scale it assumed: " << said.output;
}

TEST(Cli, SavedOrientationAndLandmarksBesideAScanAreUsed) {
  Mesh head = test::bundled_head();
  for (glm::vec3& p : head.positions) p = glm::vec3(p.x, -p.z, p.y);  // saved Z up, facing -Y
  const auto dir = test::scratch_dir();
  write_ply(dir / "scan.ply", head);
  // The bundled head's landmarks, and the turn from the file's axes to the program's.
  auto landmarks = nlohmann::json::parse(test::run_command("cat " + std::string(SMP_ASSETS_DIR) + "/head.landmarks.json").output);
  landmarks["orientation"] = {{1, 0, 0}, {0, 0, 1}, {0, -1, 0}};
  test::write_text(dir / "scan.landmarks.json", landmarks.dump(2));
  const auto scan = test::run_command(kBinary + " measure --json --head " + (dir / "scan.ply").string(), test::Stderr::Discarded);
  const auto bundled = test::run_command(kBinary + " measure --json", test::Stderr::Discarded);
  ASSERT_EQ(scan.exit_code, 0) << scan.output;
  const auto a = nlohmann::json::parse(scan.output), b = nlohmann::json::parse(bundled.output);
  EXPECT_EQ(a["landmarks_source"], "landmarks from scan.landmarks.json");
  EXPECT_NEAR(a["measurements"]["ear_to_ear_over_vertex_mm"].get<double>(), b["measurements"]["ear_to_ear_over_vertex_mm"].get<double>(), 0.5);
  EXPECT_NEAR(a["measurements"]["circumference_mm"].get<double>(), b["measurements"]["circumference_mm"].get<double>(), 0.5);
}

TEST(Cli, MeasureRefusesAShapeWithoutAFace) {
  const auto dir = test::scratch_dir();
  test::write_text(dir / "cube.obj", test::cube_obj(200.0f));
  const auto result = studio("measure --head " + (dir / "cube.obj").string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("no face found whichever way up"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("place the landmarks by hand"), std::string::npos) << result.output;
}

TEST(Cli, BrokenLandmarkFileBesideTheMeshIsNamed) {
  const auto dir = test::scratch_dir();
  std::filesystem::copy_file(std::filesystem::path(SMP_ASSETS_DIR) / "head.ply", dir / "head.ply");
  test::write_text(dir / "head.landmarks.json", "{\"landmarks\": {\"glabella\": [1, 2]}}");
  const auto result = studio("measure --head " + (dir / "head.ply").string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find((dir / "head.landmarks.json").string()), std::string::npos) << result.output;
}

TEST(Cli, BrokenMeshesExitTwoWithOneLineNamingTheFile) {
  const auto dir = test::scratch_dir();
  test::write_text(dir / "empty.obj", "");
  test::write_text(dir / "points.ply", "ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\n"
                                      "property float z\nend_header\n0 0 0\n1 1 1\n");
  test::write_text(dir / "nan.obj", "v 0 0 0\nv nan 0 0\nv 0 1 0\nf 1 2 3\n");
  test::write_text(dir / "junk.glb", "glTF this is not really binary glTF");
  for (const char* name : {"empty.obj", "points.ply", "nan.obj", "junk.glb", "missing.stl"}) {
    const auto out = dir / (std::string(name) + ".png");
    const auto result = studio("render --head " + (dir / name).string() + " --out " + out.string());
    EXPECT_EQ(result.exit_code, 2) << name << ": " << result.output;
    EXPECT_NE(result.output.find((dir / name).string()), std::string::npos) << result.output;
    EXPECT_EQ(std::count(result.output.begin(), result.output.end(), '\n'), 1) << result.output;
    EXPECT_FALSE(std::filesystem::exists(out)) << "nothing is written on failure";
  }
}

TEST(Cli, BadOptionsExitTwo) {
  const auto out = (test::scratch_dir() / "x.png").string();
  for (const std::string& args : std::vector<std::string>{"render --view sideways --out " + out, "render --size 12 --out " + out,
                                 "render --size 0x100 --out " + out, "render --units inches --out " + out,
                                 "render", "frobnicate", "bench dots-for-real"}) {
    const auto result = studio(args);
    EXPECT_EQ(result.exit_code, 2) << args << ": " << result.output;
    EXPECT_FALSE(result.output.empty()) << args;
  }
}

TEST(Cli, UnwritableOutputFailsAndLeavesNothing) {
  const auto out = test::scratch_dir() / "no-such-folder" / "head.png";
  const auto result = studio("render --size 64x64 --out " + out.string());
  SKIP_WITHOUT_GL(result);
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find(out.string()), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(out));
}

}  // namespace
}  // namespace smp

namespace smp {
namespace {

std::string preset(const std::string& name) { return std::string(SMP_ASSETS_DIR) + "/presets/" + name + ".json"; }

TEST(Cli, EveryPresetValidates) {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(SMP_ASSETS_DIR) + "/presets")) {
    const auto result = studio("validate " + entry.path().string());
    EXPECT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("a valid design"), std::string::npos) << result.output;
  }
}

TEST(Cli, ValidateNamesEveryProblemAndExitsTwo) {
  const auto dir = test::scratch_dir();
  const auto bad = dir / "bad.json";
  test::write_text(bad, R"({"format": "smp-studio design", "version": 1, "hairline": {"height_mm": 300, "transition_mm": "wide"},
                            "sessions": [{"cumulative_percent": 50, "needle": "9rl"}]})");
  const auto result = studio("validate " + bad.string());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("bad.json: hairline.height_mm: 300 is outside 40-120 mm"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("hairline.transition_mm: should be a number"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("sessions[0].needle: should be one of"), std::string::npos) << result.output;
  // The same file given to render is refused before anything is drawn or written.
  const auto out = dir / "never.png";
  const auto render = studio("render --design " + bad.string() + " --out " + out.string());
  EXPECT_EQ(render.exit_code, 2);
  EXPECT_NE(render.output.find("bad.json: hairline.height_mm"), std::string::npos) << render.output;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Cli, DesignDotsFollowTheHairlineAndSessions) {
  // Presets decide where the dots go and sessions how many: measured on top views.
  const auto dir = test::scratch_dir();
  const std::string common = " --view top --size 300x300 --out ";
  const auto plain = studio("render" + common + (dir / "bare.png").string());
  SKIP_WITHOUT_GL(plain);
  ASSERT_EQ(studio("render --design " + preset("norwood-6") + common + (dir / "nw6.png").string()).exit_code, 0);
  ASSERT_EQ(studio("render --design " + preset("norwood-6") + " --session 1" + common + (dir / "nw6_s1.png").string()).exit_code, 0);
  ASSERT_EQ(studio("render --design " + preset("ludwig-1") + common + (dir / "l1.png").string()).exit_code, 0);
  auto luma = [](const Image& image, int x0, int y0, int w, int h) {
    double sum = 0;
    for (int y = y0; y < y0 + h; ++y)
      for (int x = x0; x < x0 + w; ++x) sum += 0.3 * image.pixel(x, y)[0] + 0.6 * image.pixel(x, y)[1] + 0.1 * image.pixel(x, y)[2];
    return sum / (w * h);
  };
  const Image b = read_png(dir / "bare.png"), n = read_png(dir / "nw6.png"), s1 = read_png(dir / "nw6_s1.png"), l = read_png(dir / "l1.png");
  // The middle of the top: Norwood VI treats it at 85 dots/cm2, Ludwig I at 40; at this size each
  // dot is under a pixel, so what shows is the share of skin the ink covers (measured: about 4 and
  // 2 levels darker, session 1 alone 0.3).
  const double bare = luma(b, 125, 110, 50, 50), nw6 = luma(n, 125, 110, 50, 50), l1 = luma(l, 125, 110, 50, 50), first = luma(s1, 125, 110, 50, 50);
  EXPECT_LT(nw6, bare - 2.5) << "Norwood VI darkens the top";
  EXPECT_LT(l1, bare - 0.8) << "Ludwig I thickens the top a little";
  EXPECT_GT(l1, nw6 + 1.0) << "less than Norwood VI";
  EXPECT_GT(first, nw6 + 2.0) << "session 1 alone is sparser and lighter";
  // The forehead, ahead of every hairline, has no dots.
  EXPECT_NEAR(luma(n, 130, 40, 40, 15), luma(b, 130, 40, 40, 15), 0.5);
}

}  // namespace
}  // namespace smp

namespace smp {
namespace {

TEST(Cli, MeasureWithADesignCountsDotsPerSessionAndZoneAndTime) {
  const auto result = studio("measure --json --dots-per-minute 50 --design " + std::string(SMP_ASSETS_DIR) + "/examples/example-design.json");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto json = nlohmann::json::parse(result.output.substr(result.output.find('{')));
  const auto& d = json["design"];
  ASSERT_EQ(d["sessions"].size(), 3u);
  std::size_t by_session = 0, by_zone = 0;
  for (const auto& s : d["sessions"]) {
    by_session += s["new_dots"].get<std::size_t>();
    EXPECT_NEAR(s["minutes_at_chair"].get<double>(), s["new_dots"].get<double>() / 50.0, 0.51);
  }
  for (const auto& [zone, n] : d["dots_per_zone"].items()) by_zone += n.get<std::size_t>();
  EXPECT_EQ(by_session, d["dots"].get<std::size_t>());
  EXPECT_EQ(by_zone, d["dots"].get<std::size_t>());
  // Session 2 adds 40% of the target, sessions 1 and 3 30% each (DOMAIN's 30/70/100).
  const double total = d["dots"].get<double>();
  EXPECT_NEAR(d["sessions"][1]["new_dots"].get<double>() / total, 0.4, 0.02);
  EXPECT_DOUBLE_EQ(d["hairline_height_mm"].get<double>(), 78.0);
}

}  // namespace
}  // namespace smp

namespace smp {
namespace {

TEST(Cli, ExportPdfHasACoverAndAPagePerSessionWithRealText) {
  if (test::run_command("command -v pdfinfo && command -v pdftotext").exit_code != 0) GTEST_SKIP() << "poppler-utils is not installed";
  const auto dir = test::scratch_dir();
  const std::string design = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  const auto result = studio("export " + design + " --formats pdf --sessions 1,3 --size 400x300 --paper letter --out " + (dir / "guide").string());
  SKIP_WITHOUT_GL(result);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto pdf = (dir / "guide" / "guide.pdf").string();
  const auto info = test::run_command("pdfinfo " + pdf);
  EXPECT_NE(info.output.find("Pages:           7"), std::string::npos) << "cover, template, pre-care, sessions 1 and 3 with their maps: " << info.output;
  // The 1:1 hairline template is a landscape letter page with its 10 cm bar.
  const auto template_page = test::run_command("pdfinfo -f 2 -l 2 " + pdf);
  EXPECT_NE(template_page.output.find("792 x 612 pts"), std::string::npos) << template_page.output;
  EXPECT_NE(info.output.find("612 x 792 pts (letter)"), std::string::npos) << info.output;
  const auto text = test::run_command("pdftotext -layout " + pdf + " -");
  for (const char* words : {"Session guide", "Example patient", "Hairline template, 1:1", "10 cm calibration bar", "Session 1", "Session 3",
                            "2026-12-27", "Aftercare", "Do not wash or wet the scalp for 4 days", "Before your first session", "sunscreen",
                            "3RL 0.20 (0603)", "Session 1: scalp map", "Session 3: scalp map", "5 cm on the skin", "dots/cm\u00b2",
                            "Whole scalp", "glabella to the hairline's centre 78 mm", "Temple corners", "healed, about a month after"})
    EXPECT_NE(text.output.find(words), std::string::npos) << words << "\n" << text.output;
  EXPECT_EQ(text.output.find("Session 2  -"), std::string::npos) << "session 2 was not asked for";
  EXPECT_FALSE(std::filesystem::exists(dir / "guide" / "session-1-front.png")) << "png was not asked for";
}

}  // namespace
}  // namespace smp

namespace smp {
namespace {

// The example design from above in each preview, through the real binary and the offscreen GL
// path, against committed baselines (same tolerances as the render tests), and the looks told
// apart by what they must show: healed dots darken the scalp, years fade them, fresh skin is red.
TEST(Cli, RenderPreviewsMatchBaselinesAndDifferAsTheyShould) {
  const auto dir = test::scratch_dir();
  const std::string design = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  auto render = [&](const std::string& preview, const std::string& extra = "") {
    const auto out = dir / ("preview-" + preview.substr(0, preview.find(':')) + ".png");
    const auto result = studio("render --design " + design + " --view top --size 400x300 --preview " + preview + " " + extra + " --out " + out.string());
    return std::pair{result, out};
  };
  const auto [healed_run, healed_png] = render("healed");
  SKIP_WITHOUT_GL(healed_run);
  ASSERT_EQ(healed_run.exit_code, 0) << healed_run.output;
  const auto [fresh_run, fresh_png] = render("fresh");
  const auto [years_run, years_png] = render("years:8");
  ASSERT_EQ(fresh_run.exit_code, 0) << fresh_run.output;
  ASSERT_EQ(years_run.exit_code, 0) << years_run.output;
  const Image healed = read_png(healed_png), fresh = read_png(fresh_png), years = read_png(years_png);
  for (const auto& [image, name] : {std::pair{&healed, "preview-healed"}, std::pair{&fresh, "preview-fresh"}, std::pair{&years, "preview-years"}}) {
    const std::filesystem::path baseline = std::filesystem::path(SMP_BASELINE_DIR) / (std::string(name) + ".png");
    if (!std::filesystem::exists(baseline)) {
      write_png(baseline, *image);
      ADD_FAILURE() << "no baseline: wrote " << baseline << "; look at it, then commit it";
      continue;
    }
    const ImageDifference d = compare_images(*image, read_png(baseline), 16);
    ASSERT_TRUE(d.same_size) << name;
    EXPECT_LE(d.mean_channel_diff, 1.0) << name;
    EXPECT_LE(d.fraction_over, 0.005) << name;
  }
  // The crown, in the middle of the top view: mean of each channel.
  auto crown = [](const Image& image) {
    glm::dvec3 sum(0.0);
    int n = 0;
    for (int y = 120; y < 180; ++y)
      for (int x = 170; x < 230; ++x, ++n) sum += glm::dvec3(image.pixel(x, y)[0], image.pixel(x, y)[1], image.pixel(x, y)[2]);
    return sum / double(n);
  };
  const glm::dvec3 h = crown(healed), f = crown(fresh), y8 = crown(years);
  EXPECT_GT(y8.g, h.g + 1.0) << "eight years on, the dots have faded";
  EXPECT_GT(f.r - f.g, h.r - h.g + 1.0) << "just tattooed, the skin is red around the dots";
  const auto bad = studio("render --design " + design + " --preview aged --out " + (dir / "x.png").string());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("fresh, healed or years:N"), std::string::npos) << bad.output;
}

TEST(Cli, RenderYearsFadesScarTissueFaster) {
  // The example design, and the same with a scar painted over the crown whose dots look like the
  // crown's (same density, needle and pigment as its last session): only the ageing differs.
  const auto dir = test::scratch_dir();
  const std::string design = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  nlohmann::json with_scar = nlohmann::json::parse(std::ifstream(design));
  with_scar["scars"] = nlohmann::json::array({{{"name", "Crown scar"}, {"radius_mm", 25}, {"density_per_cm2", 90}, {"needle", "3rl-020"},
                                               {"pigment_percent", 60}, {"dabs_mm", {{2.17, 139.82, 0.81}}}}});
  const auto scarred = dir / "scarred.json";
  std::ofstream(scarred) << with_scar.dump();
  auto crown_green = [&](const std::string& file, const std::string& preview) {
    const auto out = dir / "crown.png";
    const auto run = studio("render --design " + file + " --view top --size 400x300 --preview " + preview + " --out " + out.string());
    if (run.exit_code != 0) return std::pair{run, 0.0};
    const Image image = read_png(out);
    double sum = 0;
    int n = 0;
    for (int y = 130; y < 170; ++y)
      for (int x = 180; x < 220; ++x, ++n) sum += image.pixel(x, y)[1];
    return std::pair{run, sum / n};
  };
  const auto [first, plain_healed] = crown_green(design, "healed");
  SKIP_WITHOUT_GL(first);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const double plain_faded = crown_green(design, "years:8").second - plain_healed;
  const auto [scar_run, scar_healed] = crown_green(scarred.string(), "healed");
  ASSERT_EQ(scar_run.exit_code, 0) << scar_run.output;
  const double scar_faded = crown_green(scarred.string(), "years:8").second - scar_healed;
  EXPECT_GT(plain_faded, 0.5) << "eight years on, the crown has faded";
  EXPECT_GT(scar_faded, 1.3 * plain_faded) << "scar tissue fades faster (healed " << scar_healed << " vs " << plain_healed << ")";
}

// --overlay measurements: the glabella-to-hairline line (light yellow) down the forehead's
// middle, corner leaders out to both sides; nothing of the kind without it.
TEST(Cli, RenderOverlayMeasurementsDrawsTheHairlineDistances) {
  const auto dir = test::scratch_dir();
  const std::string common = "render --design " + std::string(SMP_ASSETS_DIR) + "/examples/example-design.json --view front --size 400x300 ";
  const auto plain = studio(common + "--out " + (dir / "plain.png").string());
  SKIP_WITHOUT_GL(plain);
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  const auto marked = studio(common + "--overlay measurements --out " + (dir / "marked.png").string());
  ASSERT_EQ(marked.exit_code, 0) << marked.output;
  auto yellow = [](const Image& image, int x0, int x1) {
    int n = 0;
    for (int y = 0; y < image.height; ++y)
      for (int x = x0; x < x1; ++x) {
        const std::uint8_t* p = image.pixel(x, y);  // the marks' (255, 236, 140), never skin's (248, 202, 169)
        n += p[0] > 235 && p[1] > 215 && p[2] < 170 && p[1] - p[2] > 70;
      }
    return n;
  };
  const Image a = read_png(dir / "plain.png"), b = read_png(dir / "marked.png");
  EXPECT_EQ(yellow(a, 0, 400), 0);
  EXPECT_GT(yellow(b, 195, 205), 25) << "the line down the forehead's middle";
  EXPECT_GT(yellow(b, 0, 160), 5) << "the right corner's leader";
  EXPECT_GT(yellow(b, 240, 400), 5) << "the left corner's leader";
  EXPECT_EQ(studio("render --overlay measurements --out " + (dir / "x.png").string()).exit_code, 2) << "needs a design";
}

// score: a case's reference scores itself as perfect; the four classic mistakes are each caught
// with the right fault and number on the bundled head; a folder grades into one CSV row per file.
TEST(Cli, ScoreCatchesEachMistakeWithItsFaultAndGradesAFolder) {
  const auto dir = test::scratch_dir();
  const std::filesystem::path case_file = std::filesystem::path(SMP_ASSETS_DIR) / "cases" / "02-norwood-3.case.json";
  const nlohmann::json reference = nlohmann::json::parse(std::ifstream(case_file))["reference"];
  std::ofstream(dir / "reference.json") << reference.dump();
  const auto same = studio("score " + case_file.string() + " " + (dir / "reference.json").string() + " --json");
  ASSERT_EQ(same.exit_code, 0) << same.output;
  const nlohmann::json perfect = nlohmann::json::parse(same.output.substr(same.output.find('{')));
  EXPECT_TRUE(perfect["perfect"].get<bool>());
  EXPECT_DOUBLE_EQ(perfect["total"].get<double>(), 100.0);

  std::filesystem::create_directories(dir / "submissions");
  auto submit = [&](const std::string& name, const std::function<void(nlohmann::json&)>& change) {
    nlohmann::json d = reference;
    change(d);
    std::ofstream(dir / "submissions" / (name + ".json")) << d.dump();
  };
  submit("low", [](nlohmann::json& d) { d["hairline"]["height_mm"] = d["hairline"]["height_mm"].get<double>() - 10; });
  submit("lopsided", [](nlohmann::json& d) { d["hairline"]["asymmetry_mm"] = d["hairline"]["asymmetry_mm"].get<double>() + 5; });
  submit("dense", [](nlohmann::json& d) {
    for (auto& [zone, density] : d["density_per_cm2"].items()) density = density.get<double>() * 1.4;
  });
  submit("harsh", [](nlohmann::json& d) { d["hairline"]["transition_mm"] = 3, d["hairline"]["stray_percent"] = 0; });
  auto fault_value = [&](const std::string& name, const std::string& key) {
    const auto run = studio("score " + case_file.string() + " " + (dir / "submissions" / (name + ".json")).string() + " --json");
    EXPECT_EQ(run.exit_code, 0) << run.output;
    const nlohmann::json scored = nlohmann::json::parse(run.output.substr(run.output.find('{')));
    for (const auto& f : scored["faults"])
      if (f["key"] == key) return f["value"].get<double>();
    ADD_FAILURE() << name << ": no " << key << " fault in " << run.output;
    return 0.0;
  };
  EXPECT_NEAR(fault_value("low", "too_low"), 10.0, 1.5);  // along the skin; the chart's mid-line is near the height's
  EXPECT_NEAR(fault_value("lopsided", "asymmetric"), 5.0, 0.1);
  EXPECT_NEAR(fault_value("dense", "too_dense"), 40.0, 0.5);
  EXPECT_NEAR(fault_value("harsh", "harsh_edge"), 3.0, 1e-6);

  // A PDF report of one attempt: one page, the case, the score and the fault, in selectable text.
  const auto report = studio("score " + case_file.string() + " " + (dir / "submissions" / "low.json").string() + " --report " + (dir / "low.pdf").string());
  ASSERT_EQ(report.exit_code, 0) << report.output;
  if (test::run_command("command -v pdftotext").exit_code == 0) {
    EXPECT_NE(test::run_command("pdfinfo " + (dir / "low.pdf").string()).output.find("Pages:           1"), std::string::npos);
    const std::string text = test::run_command("pdftotext " + (dir / "low.pdf").string() + " -").output;
    EXPECT_NE(text.find("Norwood III: deep temple recession"), std::string::npos) << text;
    EXPECT_NE(text.find("too_low"), std::string::npos) << text;
    EXPECT_NE(text.find("/ 100"), std::string::npos) << text;
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "low.pdf.partial"));

  std::ofstream(dir / "submissions" / "zz-broken.json") << "{ not json";
  const auto graded = studio("score " + case_file.string() + " " + (dir / "submissions").string() + " --csv " + (dir / "grades.csv").string());
  ASSERT_EQ(graded.exit_code, 0) << graded.output;
  std::ifstream csv(dir / "grades.csv");
  std::vector<std::string> rows;
  for (std::string line; std::getline(csv, line);) rows.push_back(line);
  ASSERT_EQ(rows.size(), 6u) << "a header and one row per submission, the broken one included";
  EXPECT_EQ(rows[0].rfind("file,case,total,perfect,faults,error,", 0), 0u);
  EXPECT_NE(rows[1].find("too_dense"), std::string::npos) << rows[1];
  EXPECT_NE(rows[5].find("not valid JSON"), std::string::npos) << rows[5];
  EXPECT_EQ(studio("score " + case_file.string() + " " + (dir / "submissions" / "zz-broken.json").string()).exit_code, 2);
  EXPECT_EQ(studio("score " + (dir / "nothing.case.json").string() + " " + (dir / "reference.json").string()).exit_code, 2);
}

// Every case of the library, on the bundled head, scores its own reference as perfect.
TEST(Cli, EveryTrainingCaseScoresItsReferenceAsPerfectOnTheHead) {
  const auto dir = test::scratch_dir();
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(SMP_ASSETS_DIR) / "cases")) {
    const nlohmann::json reference = nlohmann::json::parse(std::ifstream(entry.path()))["reference"];
    std::ofstream(dir / "reference.json") << reference.dump();
    const auto run = studio("score " + entry.path().string() + " " + (dir / "reference.json").string() + " --json");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const nlohmann::json scored = nlohmann::json::parse(run.output.substr(run.output.find('{')));
    EXPECT_TRUE(scored["perfect"].get<bool>()) << entry.path() << ": " << run.output;
    ++cases;
  }
  EXPECT_GE(cases, 12);
}

// export --preview: each session's preview picture in the look asked for, named and captioned.
TEST(Cli, ExportPreviewShowsTheSessionsYearsLater) {
  const auto dir = test::scratch_dir();
  const std::string design = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  const auto run = studio("export " + design + " --out " + (dir / "guide").string() + " --sessions 3 --formats pdf,png --preview years:5");
  SKIP_WITHOUT_GL(run);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "guide" / "session-3-years-5.png"));
  EXPECT_FALSE(std::filesystem::exists(dir / "guide" / "session-3-healed.png"));
  if (test::run_command("command -v pdftotext").exit_code == 0) {
    EXPECT_NE(test::run_command("pdftotext " + (dir / "guide" / "guide.pdf").string() + " -").output.find("5 years after the last session"),
              std::string::npos);
  }
  EXPECT_EQ(studio("export " + design + " --out " + (dir / "x").string() + " --preview aged").exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "x"));
}

// Patient data stays on the machine: a guide export, a render and a score open no network socket
// (only local ones: the C library asks a name-service daemon on a Unix socket).
TEST(Cli, NothingOpensANetworkSocket) {
  if (test::run_command("command -v strace").exit_code != 0) GTEST_SKIP() << "strace is not installed";
  if (test::run_command("strace -f -o /dev/null true").exit_code != 0) GTEST_SKIP() << "strace cannot trace here (ptrace not allowed)";
  const auto dir = test::scratch_dir();
  const std::string design = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  // LeakSanitizer cannot run under ptrace: off for the traced runs of a --sanitize build.
  const std::string traced = "ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 strace -f -e trace=socket,connect -o " + (dir / "calls.txt").string() + " " + kBinary + " ";
  for (const std::string& command : {"export " + design + " --out " + (dir / "guide").string() + " --sessions 1",
                                     "render --design " + design + " --size 200x150 --out " + (dir / "x.png").string(),
                                     "score " + std::string(SMP_ASSETS_DIR) + "/cases/02-norwood-3.case.json " + design}) {
    const auto run = test::run_command(traced + command);
    ASSERT_EQ(run.exit_code, 0) << command << ": " << run.output;
    std::ifstream calls(dir / "calls.txt");
    for (std::string line; std::getline(calls, line);)
      for (const char* family : {"AF_INET", "AF_INET6", "AF_PACKET"}) EXPECT_EQ(line.find(family), std::string::npos) << command << ": " << line;
  }
}

// export --anonymise: the patient's name and notes are in no file of the guide.
TEST(Cli, ExportAnonymiseLeavesThePatientOut) {
  const auto dir = test::scratch_dir();
  nlohmann::json design = nlohmann::json::parse(std::ifstream(std::string(SMP_ASSETS_DIR) + "/examples/example-design.json"));
  design["patient"]["id"] = "Jane Q. Patient";
  design["patient"]["notes"] = "Allergic to latex";
  design["patient"]["intake"]["medication"] = "Xarelto 20 mg";
  design["patient"]["photos"] = {{{"view", "front"}, {"file", "/nowhere/jane-front.jpg"}}};  // left out, so never read
  std::ofstream(dir / "named.json") << design.dump();
  const auto run = studio("export " + (dir / "named.json").string() + " --out " + (dir / "guide").string() + " --sessions 1 --anonymise");
  SKIP_WITHOUT_GL(run);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "guide")) {
    std::ifstream in(entry.path(), std::ios::binary);
    all += std::string(std::istreambuf_iterator<char>(in), {});
  }
  if (test::run_command("command -v pdftotext").exit_code == 0)
    for (const char* pdf : {"guide.pdf", "consultation.pdf", "care-sheets.pdf"})
      all += test::run_command("pdftotext " + (dir / "guide" / pdf).string() + " -").output;
  EXPECT_EQ(all.find("Jane"), std::string::npos);
  EXPECT_EQ(all.find("jane"), std::string::npos) << "the photo's file name";
  EXPECT_EQ(all.find("latex"), std::string::npos);
  EXPECT_EQ(all.find("Xarelto"), std::string::npos);
  EXPECT_NE(all.find("fitzpatrick_type"), std::string::npos) << "the skin type stays: the pictures depend on it";
}

// Before/after: the left half is the bare head, the right the design; mirrored: the same picture
// left to right.
TEST(Cli, RenderSplitBeforeAfterAndMirror) {
  const auto dir = test::scratch_dir();
  const std::string design = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  const std::string common = "render --design " + design + " --view top --size 400x300 ";
  const auto plain = studio(common + "--out " + (dir / "plain.png").string());
  SKIP_WITHOUT_GL(plain);
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  ASSERT_EQ(studio(common + "--split before-after --out " + (dir / "split.png").string()).exit_code, 0);
  ASSERT_EQ(studio(common + "--mirror --out " + (dir / "mirror.png").string()).exit_code, 0);
  ASSERT_EQ(studio("render --view top --size 400x300 --out " + (dir / "bare.png").string()).exit_code, 0);
  const Image with = read_png(dir / "plain.png"), split = read_png(dir / "split.png"), bare = read_png(dir / "bare.png");
  Image mirrored = read_png(dir / "mirror.png");
  // Rows below the labels: the left half as the bare head, the right as the design.
  auto half_difference = [](const Image& a, const Image& b, int x0, int x1) {
    double sum = 0;
    for (int y = 60; y < a.height; ++y)
      for (int x = x0; x < x1; ++x)
        for (int c = 0; c < 3; ++c) sum += std::abs(int(a.pixel(x, y)[c]) - int(b.pixel(x, y)[c]));
    return sum / double((a.height - 60) * (x1 - x0) * 3);
  };
  EXPECT_LT(half_difference(split, bare, 0, 198), 0.5);
  EXPECT_LT(half_difference(split, with, 202, 400), 0.5);
  EXPECT_GT(half_difference(with, bare, 0, 198), 0.5) << "the design must change the left half too, or this proves nothing";
  flip_columns(mirrored);
  EXPECT_EQ(mirrored.rgba, with.rgba);
  EXPECT_EQ(studio("render --view top --split before-after --out " + (dir / "x.png").string()).exit_code, 2) << "no design to show after";
}

// Two designs side by side on one camera: twice as wide, the left half the first design alone.
TEST(Cli, RenderCompareDrawsTwoDesignsSideBySide) {
  const auto dir = test::scratch_dir();
  const std::string a = std::string(SMP_ASSETS_DIR) + "/presets/norwood-3.json", b = std::string(SMP_ASSETS_DIR) + "/presets/norwood-6.json";
  const auto both = studio("render --design " + a + " --compare " + b + " --view top --size 300x240 --out " + (dir / "both.png").string());
  SKIP_WITHOUT_GL(both);
  ASSERT_EQ(both.exit_code, 0) << both.output;
  ASSERT_EQ(studio("render --design " + a + " --view top --size 300x240 --out " + (dir / "a.png").string()).exit_code, 0);
  const Image pair = read_png(dir / "both.png"), alone = read_png(dir / "a.png");
  ASSERT_EQ(pair.width, 600);
  ASSERT_EQ(pair.height, 240);
  double left = 0, halves = 0;  // below the names: left half against the design alone, and against the right half
  for (int y = 40; y < 240; ++y)
    for (int x = 0; x < 298; ++x)
      for (int c = 0; c < 3; ++c) {
        left += std::abs(int(pair.pixel(x, y)[c]) - int(alone.pixel(x, y)[c]));
        halves += std::abs(int(pair.pixel(x, y)[c]) - int(pair.pixel(x + 300, y)[c]));
      }
  EXPECT_LT(left / (200.0 * 298 * 3), 0.5);
  EXPECT_GT(halves / (200.0 * 298 * 3), 0.5) << "Norwood III and VI must not look alike";
  EXPECT_EQ(studio("render --compare " + b + " --out " + (dir / "x.png").string()).exit_code, 2);
}

// The density heat map colours the scalp by dots/cm2 (blue sparse .. red dense), not the face; an
// overlay that does not exist is a usage error.
TEST(Cli, RenderOverlayHeatColoursTheScalpOnly) {
  const auto dir = test::scratch_dir();
  const std::string design = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  const auto heat = studio("render --design " + design + " --view front --size 400x300 --overlay heat --out " + (dir / "heat.png").string());
  SKIP_WITHOUT_GL(heat);
  ASSERT_EQ(heat.exit_code, 0) << heat.output;
  ASSERT_EQ(studio("render --design " + design + " --view front --size 400x300 --out " + (dir / "plain.png").string()).exit_code, 0);
  const Image coloured = read_png(dir / "heat.png"), plain = read_png(dir / "plain.png");
  auto greener = [](const Image& image, int x, int y) { return int(image.pixel(x, y)[1]) - int(image.pixel(x, y)[0]); };
  // Top of the head (scalp): skin is redder than green; the heat map's greens and blues are not.
  EXPECT_GT(greener(coloured, 200, 60), greener(plain, 200, 60) + 30);
  // The nose (not scalp) is untouched.
  EXPECT_NEAR(greener(coloured, 200, 190), greener(plain, 200, 190), 3);
  const auto bad = studio("render --design " + design + " --overlay stripes --out " + (dir / "x.png").string());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("'stripes' is not an overlay"), std::string::npos) << bad.output;
}

// The template page printed at 10 px per mm: its calibration bar must be 100 mm long, so the
// hairline on it is 1:1 too (they are drawn in the same units).
TEST(Cli, ExportHairlineTemplateIsTrueToScale) {
  if (test::run_command("command -v pdftoppm").exit_code != 0) GTEST_SKIP() << "poppler-utils is not installed";
  const auto dir = test::scratch_dir();
  const std::string design = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  const auto result = studio("export " + design + " --formats pdf --sessions 1 --size 400x300 --out " + (dir / "guide").string());
  SKIP_WITHOUT_GL(result);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto page = dir / "template";
  ASSERT_EQ(test::run_command("pdftoppm -r 254 -f 2 -l 2 -singlefile -png " + (dir / "guide" / "guide.pdf").string() + " " + page.string()).exit_code, 0);
  const Image image = read_png(page.string() + ".png");
  // The longest horizontal run of dark pixels on any row is the bar.
  int longest = 0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0, run = 0; x < image.width; ++x) {
      run = image.pixel(x, y)[0] < 100 ? run + 1 : 0;
      longest = std::max(longest, run);
    }
  // 100 mm between the end ticks' centres, plus half of each 1 pt (3.5 px) tick: 0.25% tolerance.
  EXPECT_NEAR(longest, 1003.5, 2.5) << "the 10 cm bar is " << longest / 10.0 << " mm long at 100%";
}

TEST(Cli, ExportSvgMapIsValidWithOneCirclePerDotOfTheSession) {
  const auto dir = test::scratch_dir();
  const std::string design = std::string(SMP_ASSETS_DIR) + "/examples/example-design.json";
  const auto result = studio("export " + design + " --formats svg --sessions 2 --out " + (dir / "guide").string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto svg = dir / "guide" / "scalp-map-session-2.svg";
  if (test::run_command("command -v xmllint").exit_code == 0) {
    EXPECT_EQ(test::run_command("xmllint --noout " + svg.string()).exit_code, 0) << "not well-formed XML";
  }
  std::ifstream in(svg);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t circles = 0, landmarks = 0;
  for (std::size_t at = text.find("<circle"); at != std::string::npos; at = text.find("<circle", at + 1)) {
    const std::string element = text.substr(at, text.find("/>", at) - at);
    ++(element.find("fill=\"none\"") != std::string::npos ? landmarks : circles);  // landmarks are rings
  }
  const auto measured = studio("measure --json --design " + design);
  const auto json = nlohmann::json::parse(measured.output.substr(measured.output.find('{')));
  const std::size_t first = json["design"]["sessions"][0]["new_dots"], second = json["design"]["sessions"][1]["new_dots"];
  EXPECT_EQ(circles, first + second) << "session 2's dots and session 1's in grey";
  EXPECT_GE(landmarks, 8u) << "the landmarks on the chart";
  EXPECT_NE(text.find("10 mm"), std::string::npos) << "a scale bar";
}

}  // namespace
}  // namespace smp
