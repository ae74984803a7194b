#pragma once
// Landmarks as JSON text: the file beside a head mesh (head.landmarks.json), later part of a design.
// Positions are in mm in the frame of the imported mesh (centred on its bounding box).
#include <string>
#include <string_view>

#include "head/landmarks.h"

namespace smp {

std::string landmarks_to_json(const Landmarks& landmarks);
// Throws InputError naming `source` and what is wrong (bad JSON, a missing or non-numeric point).
Landmarks landmarks_from_json(std::string_view text, const std::string& source);

}  // namespace smp
