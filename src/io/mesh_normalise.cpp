#include "io/mesh_normalise.h"

#include <algorithm>
#include <cstdio>

#include "core/input_error.h"

namespace smp {

std::optional<Units> parse_units(std::string_view text) {
  if (text == "auto") return Units::Auto;
  if (text == "mm") return Units::Millimetres;
  if (text == "cm") return Units::Centimetres;
  if (text == "m") return Units::Metres;
  return std::nullopt;
}

std::string_view units_name(Units units) {
  switch (units) {
    case Units::Auto: return "auto";
    case Units::Millimetres: return "mm";
    case Units::Centimetres: return "cm";
    case Units::Metres: return "m";
  }
  return "mm";
}

float millimetres_per_unit(Units units) {
  switch (units) {
    case Units::Centimetres: return 10.0f;
    case Units::Metres: return 1000.0f;
    default: return 1.0f;
  }
}

Units detect_units(const Bounds& bounds) {
  const glm::vec3 size = bounds.size();
  const float largest = std::max({size.x, size.y, size.z});
  // A head (or head and shoulders) spans roughly 0.15-0.6 m. Each range is that span in one unit,
  // with room for a partial scan; the gaps between them are the ambiguous sizes, read as mm.
  if (largest >= 0.05f && largest <= 1.0f) return Units::Metres;
  if (largest >= 5.0f && largest <= 60.0f) return Units::Centimetres;
  return Units::Millimetres;
}

Normalisation normalise_mesh(Mesh& mesh, Units requested, std::string_view source) {
  const std::string name(source);
  Bounds raw = bounds_of(mesh);
  Normalisation result;
  result.detected = requested == Units::Auto;
  result.units = result.detected ? detect_units(raw) : requested;

  const float scale = millimetres_per_unit(result.units);
  // Before welding: at 1e30 or 1e-30 the weld and the areas lose all meaning in floats.
  const float largest = std::max({raw.size().x, raw.size().y, raw.size().z}) * scale;
  if (!(largest >= 1.0f && largest <= 5000.0f)) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, ": %.3g mm across once read as %s, which cannot be a head "
                  "(use --units mm|cm|m if the unit is wrong)", double(largest), units_name(result.units).data());
    throw InputError(name + buffer);
  }
  const glm::vec3 centre = raw.centre();
  for (glm::vec3& p : mesh.positions) p = (p - centre) * scale;

  // Split faces (STL, flat-shaded OBJ) must share vertices to shade smoothly: 1 µm is far below
  // any real feature and far above float noise at head scale.
  weld_vertices(mesh, 1e-3f);
  remove_degenerate_triangles(mesh);
  if (mesh.triangle_count() == 0) throw InputError(name + ": every triangle has zero area");
  compute_smooth_normals(mesh);

  const glm::vec3 size = bounds_of(mesh).size();
  char note[200];
  std::snprintf(note, sizeof note, "%s: %s units as %s (%.0f x %.0f x %.0f mm)", name.c_str(),
                result.detected ? "read" : "given", units_name(result.units).data(),
                double(size.x), double(size.y), double(size.z));
  result.note = note;
  return result;
}

}  // namespace smp
