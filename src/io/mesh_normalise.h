#pragma once
// Brings an imported mesh into the program's frame: millimetres, centred on its bounding box,
// welded and with smooth normals. Orientation (+Y up, +Z facing) is the file's own for now.
#include <optional>
#include <string>
#include <string_view>

#include "core/mesh.h"

namespace smp {

enum class Units { Auto, Millimetres, Centimetres, Metres };

std::optional<Units> parse_units(std::string_view text);  // "auto", "mm", "cm", "m"
std::string_view units_name(Units units);

// Guesses the unit from the size of a head (about 150-300 mm across in any unit).
Units detect_units(const Bounds& bounds);
float millimetres_per_unit(Units units);

struct Normalisation {
  Units units = Units::Millimetres;
  bool detected = false;   // true when the unit was guessed, not given
  std::string note;        // one line for the user: which scale was assumed and why
};

// `source` names the file in the note. Throws InputError when the mesh cannot be a head.
Normalisation normalise_mesh(Mesh& mesh, Units requested, std::string_view source);

}  // namespace smp
