#include "design/session_dates.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace smp {

std::optional<std::chrono::sys_days> parse_iso_date(const std::string& text) {
  using namespace std::chrono;
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  const year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  return sys_days{date};
}

std::string iso_date(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return text;
}

std::vector<std::string> planned_session_dates(const Design& design) {
  std::optional<std::chrono::sys_days> at = parse_iso_date(design.first_session_date);
  if (!at) return {};
  std::vector<std::string> dates;
  for (std::size_t k = 0; k < design.sessions.size(); ++k) {
    if (k > 0) *at += std::chrono::days{design.sessions[k].interval_days};
    dates.push_back(iso_date(*at));
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
