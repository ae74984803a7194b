// `smp-studio export DESIGN.json --out DIR`: the session guide as files, step by step with the
// progress on stderr (the steps are GuideExport's, shared with the window's Export panel).
#include <future>
#include <iostream>

#include "app/commands.h"
#include "app/design_dots.h"
#include "app/clinic_settings_file.h"
#include "app/design_io.h"
#include "app/guide_export.h"
#include "app/pool_cache.h"
#include "core/input_error.h"
#include "design/design_file.h"
#include "head/anatomy.h"
#include "render/offscreen_context.h"

namespace smp {

int run_export(const ExportOptions& asked) {
  ExportOptions options = asked;
  options.clinic = read_clinic_settings(clinic_settings_path());  // the clinic's prices and pace
  const Design design = read_design_file(options.design);
  const LoadedHead loaded = load_head(head_for_design(options.head, design));
  if (!loaded.landmarks) throw InputError(loaded.landmarks_note);
  const Mesh& head = loaded.imported.mesh;
  std::cerr << "Preparing the head..." << std::endl;
  const GeodesicDistance geodesic(head);
  // The anatomy on the other core while this one reads the head's dot pool and opens the context.
  auto anatomy_made = std::async(std::launch::async, [&] { return prepare_anatomy(head, *loaded.landmarks, geodesic); });
  const DotPool pool = cached_head_pool(head);
  std::unique_ptr<OffscreenContext> context;  // before the guide: its GL objects go first
  for (const std::string& format : options.formats)
    if ((format == "png" || format == "pdf") && !context) {
      std::string why;
      context = OffscreenContext::create(why);
      if (!context) throw std::runtime_error("no offscreen OpenGL 3.3 context for the pictures: " + why);
    }
  const Anatomy anatomy = anatomy_made.get();
  DesignDots designed(head, *loaded.landmarks, anatomy, geodesic, pool);
  const std::string note = loaded.mesh_path.filename().string() + " (" + std::to_string(head.triangle_count()) + " triangles)";
  GuideExport guide(design, GuideHead{head, *loaded.landmarks, anatomy, geodesic, designed, note}, options);
  while (!guide.done()) {
    std::cerr << "[" << int(100.0 * guide.progress() + 0.5) << "%] " << guide.next_step() << std::endl;
    guide.step();
  }
  std::cout << guide.folder().string() << "\n";
  return 0;
}

int run_headless_guide(const HeadOptions& head, const std::filesystem::path& out_dir) {
  ExportOptions options;
  options.design = bundled_head_path().parent_path() / "examples" / "example-design.json";
  options.head = head;
  options.out = out_dir / "example-guide";
  std::cout << "Exporting the example design's session guide (headless)...\n";
  return run_export(options);
}

}  // namespace smp
