#pragma once
// The planned date of each session: the first session's date, then each interval after it.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "design/design.h"

namespace smp {

// A calendar date from "YYYY-MM-DD", or none when the text is not a real date (2026-02-30 is not).
std::optional<std::chrono::sys_days> parse_iso_date(const std::string& text);
// "YYYY-MM-DD".
std::string iso_date(std::chrono::sys_days day);

// "YYYY-MM-DD" per session, or an empty list when the design has no (valid) first date.
std::vector<std::string> planned_session_dates(const Design& design);

// Today's date on this computer, YYYY-MM-DD.
std::string today_iso();

}  // namespace smp
