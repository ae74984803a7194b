#pragma once
// The clinic's own settings, kept between runs (app/clinic_settings_file): its name, its price
// list and the practitioner's pace (dots a minute, for the time at the chair).
#include <string>

#include "design/quote.h"

namespace smp {

struct ClinicSettings {
  std::string clinic_name;
  PriceList prices;
  double dots_per_minute = 60.0;
  int default_interval_days = 12;  // between sessions, for new designs (10-14 is usual)
  bool operator==(const ClinicSettings&) const = default;
};

}  // namespace smp
