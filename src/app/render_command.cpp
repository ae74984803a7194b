#include <algorithm>
#include <vector>
#include <optional>
#include <iostream>
#include <memory>
#include <string>

#include <glm/geometric.hpp>

#include "app/commands.h"
#include "app/design_dots.h"
#include "app/design_io.h"
#include "app/guide_measures.h"
#include "app/pigment_view.h"
#include "app/head_source.h"
#include "app/pool_cache.h"
#include "core/input_error.h"
#include "core/ray_cast.h"
#include "export/raster.h"
#include "export/scalp_map.h"
#include "dots/head_dots.h"
#include "head/anatomy.h"
#include "io/image_label.h"
#include "io/png.h"
#include "render/offscreen_capture.h"
#include "render/offscreen_context.h"

namespace smp {
namespace {

std::string label_of(View view) {
  switch (view) {
    case View::Front: return "Front";
    case View::Back: return "Back";
    case View::Left: return "Patient's left";
    case View::Right: return "Patient's right";
    case View::Top: return "Top (forehead up)";
    case View::ThreeQuarter: return "Three-quarter";
  }
  return "";
}

// A sheet of up to five views is one landscape row; more make two rows.
constexpr int kSheetColumns = 5;

// The views side by side, each named under its picture: left and right must never be confused.
Image labelled_sheet(const std::vector<Image>& pictures, const std::vector<View>& views) {
  const int count = int(pictures.size());
  const int columns = count <= kSheetColumns ? count : (count + 1) / 2;  // two even rows beyond one
  const int cell_w = pictures.front().width, picture_h = pictures.front().height;
  const float text_px = std::clamp(0.045f * float(picture_h), 12.0f, 48.0f);
  const int caption_px = int(2.0f * text_px);
  Image sheet = tile_images(pictures, columns, caption_px);
  for (std::size_t i = 0; i < views.size(); ++i) {
    const int column = int(i) % columns, row = int(i) / columns;
    draw_label(sheet, label_of(views[i]), column * cell_w + cell_w / 2,
               row * (picture_h + caption_px) + picture_h + int(1.3f * text_px), text_px);
  }
  return sheet;
}

// Measurements as the window draws them: a light line with dotted ends, its label in a dark box.
void draw_marks(Image& picture, const std::vector<ViewDimension>& marks, float text_px) {
  const glm::vec3 line(1.0f, 0.925f, 0.55f), box(0.08f, 0.08f, 0.094f);
  for (const ViewDimension& mark : marks) {
    draw_line(picture, mark.from, mark.to, 0.25f * text_px, box, 0.8f);
    draw_line(picture, mark.from, mark.to, 0.12f * text_px, line);
    draw_dot(picture, mark.from, 0.22f * text_px, line);
    draw_dot(picture, mark.to, 0.22f * text_px, line);
    const float width = label_width(mark.label, text_px);
    const glm::vec2 mid = 0.5f * (mark.from + mark.to);
    const float left = mark.label_beside ? mid.x + 0.6f * text_px : mark.to.x >= mark.from.x ? mark.to.x + 0.4f * text_px : mark.to.x - 0.4f * text_px - width;
    const float baseline = (mark.label_beside ? mid.y : mark.to.y) + 0.35f * text_px;
    const glm::vec2 corner[4] = {{left - 0.3f * text_px, baseline - 1.0f * text_px}, {left + width + 0.3f * text_px, baseline - 1.0f * text_px},
                                 {left + width + 0.3f * text_px, baseline + 0.35f * text_px}, {left - 0.3f * text_px, baseline + 0.35f * text_px}};
    const glm::vec3 fill[3] = {box, box, box};
    const glm::vec2 upper[3] = {corner[0], corner[1], corner[2]}, lower[3] = {corner[0], corner[2], corner[3]};
    fill_triangle(picture, upper, fill);
    fill_triangle(picture, lower, fill);
    draw_label(picture, mark.label, int(left + 0.5f * width), int(baseline), text_px, glm::vec3(1.0f));
  }
}

}  // namespace

int run_render(const RenderOptions& options) {
  // Read the input before touching GL: a broken mesh is reported the same with or without a GPU.
  // A design is read first: without --head it is drawn on the head it was designed on.
  const std::optional<Design> design = options.design.empty() ? std::nullopt : std::optional(read_design_file(options.design));
  const std::optional<Design> compare = options.compare.empty() ? std::nullopt : std::optional(read_design_file(options.compare));
  const LoadedHead loaded = load_head(design ? head_for_design(options.head, *design) : options.head);
  const Mesh& head = loaded.imported.mesh;
  if (options.scalp_map) {  // drawn on the CPU: no GL context needed
    if (!loaded.landmarks) throw InputError(loaded.landmarks_note);
    const GeodesicDistance geodesic(head);
    const Anatomy anatomy = prepare_anatomy(head, *loaded.landmarks, geodesic);
    write_png(options.out, draw_scalp_map(head, *loaded.landmarks, anatomy, geodesic, options.size));
    std::cout << std::filesystem::absolute(options.out).string() << "\n";
    return 0;
  }
  std::string why;
  auto context = OffscreenContext::create(why);
  if (!context) {
    std::cerr << "smp-studio render: no offscreen OpenGL 3.3 context: " << why << "\n";
    return 1;
  }
  SceneRenderer renderer;
  renderer.set_head(head);
  std::unique_ptr<SceneRenderer> compare_renderer;  // --compare: the other design, beside
  ViewSettings settings;
  settings.show_hairline = options.hairline;
  std::optional<HairlineDistances> measured;  // --overlay measurements
  if (options.landmarks || options.zones || options.dot_density > 0 || design) {
    if (!loaded.landmarks) throw InputError(loaded.landmarks_note);
    if (options.landmarks) renderer.set_markers(landmark_markers(*loaded.landmarks));
    if (options.zones || options.dot_density > 0 || design) {
      const GeodesicDistance geodesic(head);
      const Anatomy anatomy = prepare_anatomy(head, *loaded.landmarks, geodesic);
      if (options.zones) renderer.set_zone_overlay(zone_overlay(anatomy.zones));
      if (design) {
        const DotPool pool = cached_head_pool(head);
        DesignDots designed(head, *loaded.landmarks, anatomy, geodesic, pool);
        if (options.measurements) measured = GuideMeasures(*loaded.landmarks, anatomy, geodesic, designed).distances(*design);
        const PigmentFrame frame = pigment_frame(head, anatomy);
        settings.preview = options.preview;
        settings.show_density = options.density_shadow;
        settings.show_heat = options.heat;
        settings.colour_sessions = options.colour_sessions;
        // A design's dots (baked as pigment, and as instances for session colours), overlays and
        // hairline onto a renderer: the design, and with --compare the other one beside it.
        auto dress = [&](SceneRenderer& r, const Design& d) {
          const DesignDots::Result made = designed.make(d);
          std::vector<DotInstance> dots;
          std::vector<glm::vec2> plane;
          std::vector<std::uint8_t> on_scar;
          std::vector<glm::vec3> skin_metric;
          for (std::size_t i = 0; i < made.instances.size(); ++i) {
            DotInstance dot = made.instances[i];
            // With --session: this session's dots and the earlier ones (paler, as the guide shows
            // them); none after.
            if (options.session > 0 && dot.session > float(options.session - 1)) continue;
            if (options.session > 0 && dot.session < float(options.session - 1)) dot.shade *= 0.5f;
            dots.push_back(dot);
            plane.push_back(made.plane_mm[i]);
            on_scar.push_back(made.on_scar[i]);
            if (i < made.skin_metric.size()) skin_metric.push_back(made.skin_metric[i]);
          }
          r.set_dots(dots);
          r.set_pigment_uv(frame.uvw);
          r.set_pigment(bake_pigment(ink_dots(dots, plane, settings, on_scar, skin_metric), frame.low_mm, frame.high_mm, frame.size, inflamed_mm(settings.preview)));
          if (options.density_shadow) r.set_zone_overlay(designed.density_overlay(d));
          if (options.heat) r.set_zone_overlay(designed.density_heat(d));
          if (options.hairline) {
            std::vector<Marker> beads;
            for (const glm::vec3& p : designed.hairline_points(d)) beads.push_back({p, glm::vec3(1.0f, 0.97f, 0.9f)});
            r.set_hairline(std::move(beads));
          }
        };
        dress(renderer, *design);
        if (compare) {
          compare_renderer = std::make_unique<SceneRenderer>();
          compare_renderer->set_head(head);
          if (options.landmarks) compare_renderer->set_markers(landmark_markers(*loaded.landmarks));
          if (options.zones) compare_renderer->set_zone_overlay(zone_overlay(anatomy.zones));
          dress(*compare_renderer, *compare);
        }
      } else if (options.dot_density > 0) {
        const DotPool pool = cached_head_pool(head);
        const std::vector<float> fraction = scalp_fraction(pool, dot_zones(pool, head, anatomy.zones), options.dot_density);
        const std::array<float, 3> sizes = options.dot_diameter_mm > 0.0f ? std::array{options.dot_diameter_mm, options.dot_diameter_mm, options.dot_diameter_mm}
                                                                          : ViewSettings{}.session_dot_mm();
        renderer.set_dots(dot_instances(pool, select_dots(pool, fraction), sizes));
      }
    }
    settings.show_landmarks = options.landmarks;
    settings.show_zones = options.zones;
  }
  const Bounds bounds = bounds_of(head);
  const float aspect = float(options.size.x) / float(options.size.y);

  std::vector<Image> pictures;
  // The start-up probe draws what the window's first frame draws: the window's anti-aliasing.
  const int samples = options.report_first_frame ? settings.msaa_samples : kOffscreenSamples;
  std::optional<glm::vec3> focus;
  if (!options.focus.empty()) {
    const auto landmark = landmark_from_key(options.focus);
    if (!landmark) throw InputError("--focus: '" + options.focus + "' is not a landmark (e.g. vertex, glabella, left_frontotemporal)");
    if (!loaded.landmarks) throw InputError(loaded.landmarks_note);
    focus = (*loaded.landmarks)[*landmark];
  }
  for (View view : options.views) {
    OrbitCamera camera = camera_for_view(bounds, view, aspect);
    if (focus) camera.target = *focus;
    camera.distance /= options.zoom;
    camera.keep_eye_outside(head);  // zoomed far in at the head's middle: onto the skin in front
    Image picture = capture_frame(renderer, camera, settings, options.size, samples);
    if (options.split_before_after) {  // the same camera without the dots on the left half
      ViewSettings bare = settings;
      bare.show_dots = false;
      const int middle = options.size.x / 2;
      picture = split_images(capture_frame(renderer, camera, bare, options.size, samples), picture, middle);
      if (options.mirror) flip_columns(picture);  // before the labels, which must still read
      for (int y = 0; y < picture.height; ++y)  // the dividing line
        for (int x = middle - 1; x <= middle; ++x) std::fill_n(&picture.rgba[(std::size_t(y) * std::size_t(picture.width) + std::size_t(x)) * 4], 3, 255);
      const float text_px = std::max(12.0f, 0.035f * float(options.size.y));
      draw_label(picture, options.mirror ? "AFTER" : "BEFORE", middle / 2, int(1.6f * text_px), text_px, glm::vec3(1.0f));
      draw_label(picture, options.mirror ? "BEFORE" : "AFTER", middle + middle / 2, int(1.6f * text_px), text_px, glm::vec3(1.0f));
    } else if (options.mirror) {
      flip_columns(picture);
    }
    if (measured) {  // drawn after any flip, so that the labels read
      const glm::vec3 eye = camera.eye();
      std::vector<ViewDimension> marks = hairline_marks(*measured, camera, options.size, [&](glm::vec3 p) {
        const auto hit = cast_ray(head, eye, p - eye);
        return !hit || hit->distance > glm::length(p - eye) - 3.0f;
      });
      if (options.mirror)
        for (ViewDimension& mark : marks) mark.from.x = float(options.size.x) - mark.from.x, mark.to.x = float(options.size.x) - mark.to.x;
      draw_marks(picture, marks, std::max(12.0f, 0.03f * float(options.size.y)));
    }
    if (compare_renderer) {  // the other design on the same camera, to its right, both named
      Image other = capture_frame(*compare_renderer, camera, settings, options.size, samples);
      if (options.mirror) flip_columns(other);
      picture = tile_images({picture, other}, 2);
      for (int y = 0; y < picture.height; ++y)
        for (int x = options.size.x - 1; x <= options.size.x; ++x) std::fill_n(&picture.rgba[(std::size_t(y) * std::size_t(picture.width) + std::size_t(x)) * 4], 3, 255);
      const float text_px = std::max(12.0f, 0.035f * float(options.size.y));
      draw_label(picture, design->name, options.size.x / 2, int(1.6f * text_px), text_px, glm::vec3(1.0f));
      draw_label(picture, compare->name, options.size.x + options.size.x / 2, int(1.6f * text_px), text_px, glm::vec3(1.0f));
    }
    pictures.push_back(std::move(picture));
    if (options.report_first_frame) {  // capture_frame has read the pixels back: the frame is done
      std::cout << "first-frame" << std::endl;
      return 0;
    }
  }
  const Image out = pictures.size() == 1 ? pictures.front() : labelled_sheet(pictures, options.views);
  write_png(options.out, out);
  std::cout << std::filesystem::absolute(options.out).string() << "\n";
  return 0;
}

}  // namespace smp
