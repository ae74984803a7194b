#pragma once
// Design files: JSON with a format name and schema version. Reading checks every value and names
// the field and the problem ("hairline.height_mm: 300 is outside 40-120 mm"); a file with any
// problem gives no design at all, so nothing of a bad file is ever applied.
#include <optional>
#include <string>
#include <vector>

#include "design/design.h"

namespace smp {

std::string design_to_json(const Design& design);

struct DesignReadResult {
  std::optional<Design> design;      // set only when there are no errors
  std::vector<std::string> errors;   // one line each: "field: problem"
};

DesignReadResult design_from_json(const std::string& text);

}  // namespace smp
