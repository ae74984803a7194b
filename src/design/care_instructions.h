#pragma once
// What the patient is told to do before the first session and after each one, as printed on the
// care sheets and in the guide (the clinic's usual instructions; issue 10 lists them).
#include <string>
#include <vector>

namespace smp {

struct CareSheet {
  std::string title;
  std::string intro;
  std::vector<std::string> items;
};

// Before the first session (and the day of each session).
CareSheet pre_care_sheet();

// After session `session` (1-based) of `session_count`: the last session's sheet carries the
// 28-day rules and sun protection for good.
CareSheet aftercare_sheet(int session, int session_count);

}  // namespace smp
