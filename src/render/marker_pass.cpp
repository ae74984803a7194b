#include "render/marker_pass.h"

#include "core/mesh_primitives.h"

namespace smp {

MarkerPass::MarkerPass() : program_("marker.vert", "marker.frag") { sphere_.upload(make_icosphere(1.0f, 2)); }

void MarkerPass::draw(const OrbitCamera& camera, float aspect, const std::vector<Marker>& markers, float radius_mm) {
  if (markers.empty()) return;
  program_.use();
  program_.set("u_view", camera.view_matrix());
  program_.set("u_projection", camera.projection_matrix(aspect));
  program_.set("u_radius", radius_mm);
  for (const Marker& m : markers) {
    program_.set("u_centre", m.position);
    program_.set("u_colour", m.colour_srgb);
    sphere_.draw();
  }
}

}  // namespace smp
