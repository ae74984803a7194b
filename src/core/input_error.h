#pragma once
// Bad input from the user (a broken file, a wrong option): the message is one line that names the
// file and what is wrong; the CLI turns it into exit code 2.
#include <stdexcept>
#include <string>

namespace smp {

struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace smp
