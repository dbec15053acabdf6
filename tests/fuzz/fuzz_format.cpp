// Fuzz target: the formatter on any policy that parses. The output parses to
// the same tree with the same comments, and formatting it again changes
// nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "driver/driver.h"
#include "format/format.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  clause::diag::Sink sink;
  auto unit = clause::driver::load_text("fuzz.policy", text, clause::driver::Stage::parse, sink);
  if (!unit.ok) return 0;
  std::string once = clause::format::format(*unit.ast, text);
  clause::diag::Sink again_sink;
  auto again = clause::driver::load_text("fuzz.policy", once, clause::driver::Stage::parse, again_sink);
  if (!again.ok || !clause::format::same_policy(*unit.ast, *again.ast)) std::abort();
  if (clause::format::format(*again.ast, once) != once) std::abort();
  return 0;
}
