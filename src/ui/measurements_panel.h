#pragma once
// The "Measurements" panel: the head's tape-measure figures along the skin, in cm.
#include <optional>
#include <string>

#include "head/measurements.h"
#include "head/scalp_zones.h"

namespace smp {

// `measured` is empty (and `zones` null) when the head has no landmarks; `why` then says so.
void draw_measurements_panel(const std::optional<HeadMeasurements>& measured, const ScalpZones* zones, const std::string& why);

}  // namespace smp
