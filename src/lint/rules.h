// What every lint rule sees and how it reports. Internal to src/lint.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "driver/driver.h"

namespace clause::lint {

namespace codes {
extern const diag::CodeInfo band_gap;
extern const diag::CodeInfo band_overlap;
extern const diag::CodeInfo tier_regression;
extern const diag::CodeInfo shadowed_rule;
extern const diag::CodeInfo never_true;
extern const diag::CodeInfo unused_declaration;
extern const diag::CodeInfo unused_value;
extern const diag::CodeInfo test_covers_nothing;
extern const diag::CodeInfo no_response_promise;
extern const diag::CodeInfo rule_without_sentence;
extern const diag::CodeInfo price_base_not_in_case;
extern const diag::CodeInfo acknowledgement;
extern const diag::CodeInfo unreachable_target;
extern const diag::CodeInfo update_after_resolution;
extern const diag::CodeInfo holidays_empty;
extern const diag::CodeInfo holidays_run_out;
}  // namespace codes

struct Context {
  const driver::Unit& unit;
  const sema::Checked& policy;
  const syntax::Policy& ast;
  std::vector<diag::Diagnostic> findings;

  diag::Diagnostic& report(const diag::CodeInfo& code, diag::Span span, std::string message);
};

// The rules, in the order they run.
void check_bands(Context& context);
void check_tiers(Context& context);
void check_reachability(Context& context);
void check_unused(Context& context);
void check_tests(Context& context);
void check_promises(Context& context);
void check_target_lines(Context& context);
void check_holiday_lists(Context& context);

}  // namespace clause::lint
