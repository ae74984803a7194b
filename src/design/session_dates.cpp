#include "design/session_dates.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace smp {

std::vector<std::string> planned_session_dates(const Design& design) {
  using namespace std::chrono;
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(design.first_session_date.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return {};
  const year_month_day first{year{y}, month{m}, day{d}};
  if (!first.ok()) return {};
  std::vector<std::string> dates;
  sys_days at{first};
  for (std::size_t k = 0; k < design.sessions.size(); ++k) {
    if (k > 0) at += days{design.sessions[k].interval_days};
    const year_month_day ymd{at};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    dates.push_back(text);
  }
  return dates;
}

std::string today_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", &local);
  return date;
}

}  // namespace smp
