#include "lint/rules.h"

namespace clause::lint {
namespace codes {
constexpr auto W = diag::Severity::warning;
constexpr auto N = diag::Severity::note;
const diag::CodeInfo band_gap{"L0101", "band-gap", "An amount falls in no band of a banded table.", W};
const diag::CodeInfo band_overlap{"L0102", "band-overlap", "An amount falls in two bands of a banded table.", W};
const diag::CodeInfo tier_regression{"L0201", "tier-regression", "A plan that extends or ranks above another is worse on some term.", W};
const diag::CodeInfo shadowed_rule{"L0301", "shadowed-rule", "A rule never decides because an earlier rule always decides first.", W};
const diag::CodeInfo never_true{"L0302", "never-true", "A condition can never hold.", W};
const diag::CodeInfo unreachable_target{"L0303", "unreachable-target", "A target line no case reaches: an earlier line always applies first.", W};
const diag::CodeInfo update_after_resolution{"L0304", "update-after-resolution", "Updates promised less often than the resolution.", W};
const diag::CodeInfo unused_declaration{"L0401", "unused-declaration", "A declaration nothing uses.", W};
const diag::CodeInfo unused_value{"L0402", "unused-value", "A value of the case schema that no rule or plan mentions.", N};
const diag::CodeInfo test_covers_nothing{"L0403", "test-covers-nothing", "A test whose case reaches no rule, plan or guarantee.", W};
const diag::CodeInfo no_response_promise{"L0501", "no-response-promise", "A basis that promises no response target.", N};
const diag::CodeInfo rule_without_sentence{"L0502", "rule-without-sentence", "A rule or clause without the sentence a decision quotes.", W};
const diag::CodeInfo price_base_not_in_case{"L0503", "price-base-not-in-case", "A price is a percentage of an amount no case carries.", N};
const diag::CodeInfo acknowledgement{"L0601", "bad-acknowledgement", "An acknowledgement without a reason, or of an unknown code.", W};
const diag::CodeInfo holidays_empty{"L0701", "holidays-empty", "A holiday list with no day.", W};
const diag::CodeInfo holidays_run_out{"L0702", "holidays-run-out", "A holiday list of dates only: after its last date no holiday is counted.", W};
}  // namespace codes

std::vector<diag::Code> all_codes() {
  using namespace codes;
  return {&band_gap, &band_overlap, &tier_regression, &shadowed_rule, &never_true, &unused_declaration,
          &unused_value, &test_covers_nothing, &no_response_promise, &rule_without_sentence, &price_base_not_in_case,
          &acknowledgement, &unreachable_target, &update_after_resolution, &holidays_empty, &holidays_run_out};
}

diag::Diagnostic& Context::report(const diag::CodeInfo& code, diag::Span span, std::string message) {
  findings.push_back(diag::Diagnostic{&code, code.default_severity, unit.file, span, std::move(message), {}, {}, {}, {}});
  return findings.back();
}

}  // namespace clause::lint
