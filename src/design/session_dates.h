#pragma once
// The planned date of each session: the first session's date, then each interval after it.
#include <string>
#include <vector>

#include "design/design.h"

namespace smp {

// "YYYY-MM-DD" per session, or an empty list when the design has no (valid) first date.
std::vector<std::string> planned_session_dates(const Design& design);

// Today's date on this computer, YYYY-MM-DD.
std::string today_iso();

}  // namespace smp
