#include <gtest/gtest.h>

#include "io/csv.h"

namespace smp {
namespace {

TEST(Csv, FieldsWithCommasAndQuotesRoundTrip) {
  const std::vector<std::string> fields{"plain", "a, b", "say \"hi\"", ""};
  std::string line;
  for (const std::string& f : fields) line += (line.empty() && &f == &fields.front() ? "" : ",") + csv_field(f);
  EXPECT_EQ(line, "plain,\"a, b\",\"say \"\"hi\"\"\",");
  EXPECT_EQ(csv_fields(line), fields);
}

}  // namespace
}  // namespace smp
