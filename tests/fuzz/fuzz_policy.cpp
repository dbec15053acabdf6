// Fuzz target: any text as a policy file. Parsing, checking, compiling and
// linting must report, never crash, hang or overflow the stack.
#include <cstddef>
#include <cstdint>
#include <string>

#include "driver/driver.h"
#include "lint/lint.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  clause::diag::Sink sink;
  auto unit = clause::driver::load_text("fuzz.policy", std::string(reinterpret_cast<const char*>(data), size),
                                        clause::driver::Stage::lower, sink);
  if (unit.ok) clause::lint::lint(unit, {}, sink);
  sink.finish();
  return 0;
}
