// A test block should exercise the policy: one whose case reaches no rule,
// plan or guarantee checks only that the case is malformed.
#include "caseio/evaluate.h"
#include "lint/rules.h"

namespace clause::lint {

void check_tests(Context& context) {
  caseio::Evaluator evaluator({context.unit.program}, context.unit.program->name);
  for (const auto& test : context.policy.tests) {
    const caseio::Decided& decided = evaluator.decide(test.case_json);
    if (decided.valid() && decided.decision.reason_count > 0) continue;
    auto& d = context.report(codes::test_covers_nothing, test.name.span,
                             "test \"" + test.name.value + "\" reaches no rule, plan or guarantee");
    d.label = "its case is " + std::string(decided.valid() ? "decided by no rule" : "invalid");
    d.help = "a test of the case format is fine: acknowledge it with `// lint: allow test-covers-nothing REASON`";
  }
}

}  // namespace clause::lint
