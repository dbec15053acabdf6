// A test block should exercise the policy: one whose case reaches no rule,
// plan or guarantee checks only that the case is malformed.
#include "lint/rules.h"
#include "testing/policy_tests.h"

namespace clause::lint {

void check_tests(Context& context) {
  auto results = testing::run_policy_tests(context.unit);
  for (const auto& result : results) {
    if (!result.reasons.empty()) continue;
    auto& d = context.report(codes::test_covers_nothing, result.span,
                             "test \"" + result.name + "\" reaches no rule, plan or guarantee");
    d.label = "its case is " + std::string(result.decision.find("\"invalid\"") != std::string::npos ? "invalid" : "decided by no rule");
    d.help = "a test of the case format is fine: acknowledge it with `// lint: allow test-covers-nothing REASON`";
  }
}

}  // namespace clause::lint
