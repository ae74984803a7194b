#include "export/calendar_ics.h"

#include "design/session_dates.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace smp {
namespace {

// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11).
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (c != '\r') out += c;
  }
  return out;
}

// Content lines longer than 75 octets continue on the next line after CRLF and a space (3.1).
void add_line(std::string& out, const std::string& line) {
  std::size_t start = 0, limit = 75;
  while (line.size() - start > limit) {
    std::size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    out += line.substr(start, cut - start) + "\r\n ";
    start = cut;
    limit = 74;  // the leading space counts
  }
  out += line.substr(start) + "\r\n";
}

// An iCalendar DATE value (YYYYMMDD), `add_days` after `iso`.
std::string date_value(const std::string& iso, int add_days) {
  const auto day = parse_iso_date(iso);
  if (!day) throw std::invalid_argument("not a date (YYYY-MM-DD): \"" + iso + "\"");
  std::string text = iso_date(*day + std::chrono::days{add_days});
  std::erase(text, '-');
  return text;
}

}  // namespace

std::string calendar_ics(const std::vector<ScheduledSession>& sessions, const std::string& uid_stem, const std::string& stamp_utc) {
  std::string out;
  add_line(out, "BEGIN:VCALENDAR");
  add_line(out, "VERSION:2.0");
  add_line(out, "PRODID:-//SMP Studio//Session schedule//EN");
  add_line(out, "CALSCALE:GREGORIAN");
  add_line(out, "METHOD:PUBLISH");
  for (std::size_t k = 0; k < sessions.size(); ++k) {
    const ScheduledSession& s = sessions[k];
    add_line(out, "BEGIN:VEVENT");
    add_line(out, "UID:" + uid_stem + "-session-" + std::to_string(k + 1) + "@smp-studio");
    add_line(out, "DTSTAMP:" + stamp_utc);
    add_line(out, "DTSTART;VALUE=DATE:" + date_value(s.date, 0));
    add_line(out, "DTEND;VALUE=DATE:" + date_value(s.date, 1));  // all-day: the end is exclusive
    add_line(out, "SUMMARY:" + escaped(s.summary));
    if (!s.description.empty()) add_line(out, "DESCRIPTION:" + escaped(s.description));
    add_line(out, "TRANSP:OPAQUE");
    add_line(out, "END:VEVENT");
  }
  add_line(out, "END:VCALENDAR");
  return out;
}

std::string ics_stamp_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
  return text;
}

}  // namespace smp
