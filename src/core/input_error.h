#pragma once
// Bad input from the user (a broken file, a wrong option): the message is one line that names the
// file and what is wrong; the CLI turns it into exit code 2.
#include <stdexcept>
#include <string>

namespace smp {

struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A JSON library's error as a reader reports it: "not valid JSON (... at line 3, column 5: ...)",
// without the library's own "[json.exception.parse_error.101] " prefix.
inline std::string json_problem(const std::exception& e) {
  std::string what = e.what();
  if (const auto at = what.find("] "); at != std::string::npos) what = what.substr(at + 2);
  return "not valid JSON (" + what + ")";
}

}  // namespace smp
