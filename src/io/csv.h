#pragma once
// CSV fields as spreadsheets read them: quoted when they hold a comma, a quote or a line break.
#include <string>
#include <vector>

namespace smp {

std::string csv_field(const std::string& text);
// The fields of one line that csv_field wrote.
std::vector<std::string> csv_fields(const std::string& line);

}  // namespace smp
