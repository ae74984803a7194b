#pragma once
// The session schedule as an iCalendar file (RFC 5545) that any calendar program imports: one
// all-day event per session, on the design's planned dates.
#include <string>
#include <vector>

namespace smp {

struct ScheduledSession {
  std::string date;         // YYYY-MM-DD
  std::string summary;      // "SMP session 1 of 3"
  std::string description;  // what happens at it; may hold several lines
};

// `uid_stem` makes each event's UID (stable for the same design, so a re-import updates rather
// than duplicates); `stamp_utc` is the DTSTAMP, YYYYMMDDTHHMMSSZ. Lines end in CRLF and are
// folded at 75 octets without splitting a UTF-8 character. Throws std::invalid_argument on a bad date.
std::string calendar_ics(const std::vector<ScheduledSession>& sessions, const std::string& uid_stem, const std::string& stamp_utc);

// The current time as a DTSTAMP.
std::string ics_stamp_now();

}  // namespace smp
