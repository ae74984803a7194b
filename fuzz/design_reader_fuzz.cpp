// libFuzzer target: every text a design, case or landmarks file could hold goes through the
// readers and the validator. They must answer with a result or a named error, never crash, hang
// or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/input_error.h"
#include "design/design_file.h"
#include "design/design_warnings.h"
#include "design/training_case.h"
#include "head/landmarks_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const smp::DesignReadResult design = smp::design_from_json(text);
  if (design.design) {
    (void)smp::design_warnings(*design.design);
    // What is read back must read again the same.
    const smp::DesignReadResult again = smp::design_from_json(smp::design_to_json(*design.design));
    if (!again.design || !(*again.design == *design.design)) __builtin_trap();
  }
  const smp::CaseReadResult training_case = smp::case_from_json(text);
  if (training_case.training_case) (void)smp::case_to_json(*training_case.training_case);
  try {
    (void)smp::landmarks_from_json(text, "fuzz input");
  } catch (const smp::InputError&) {
  }
  return 0;
}
