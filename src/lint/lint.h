// Analyses that find policies that check clean but are wrong: the `lint`
// pass's entry point. Each rule is its own file and has a stable code.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "driver/driver.h"

namespace clause::lint {

struct Options {
  std::vector<std::string> deny;    // codes (or names) raised to errors; "warnings" raises every warning
  std::vector<std::string> allow;   // codes (or names) not reported
};

// Runs every lint rule on a unit that reached Stage::lower, and applies the
// in-file acknowledgements (`// lint: allow CODE reason`) and `options`.
void lint(const driver::Unit& unit, const Options& options, diag::Sink& sink);

// Whether --deny/--allow can name it: a lint code or name, or `warnings`.
bool known_code(std::string_view name);

// Every lint code, for docs and SARIF.
std::vector<diag::Code> all_codes();

}  // namespace clause::lint
