// Runs a policy's `test` blocks: decides each test's case with the compiled
// policy and compares the decision with what the test expects.
#pragma once

#include <string>
#include <vector>

#include "driver/driver.h"
#include "caseio/evaluate.h"

namespace clause::testing {

struct Mismatch {
  std::string what;       // "outcome", "basis", "priority", "due", "within", "response", "rule", "error"
  std::string expected;
  std::string actual;
};

struct TestResult {
  std::string name;
  syntax::Loc span;       // the test's name
  bool passed = false;
  std::vector<Mismatch> mismatches;
  std::string decision;   // the decision line the case got
  std::string decided_by; // the last reason's rule id and place
  std::vector<std::string> reasons;   // every reason id, in order (for coverage)
  std::string policy;                 // the policy that decided; empty when the case named none loaded
  std::vector<std::uint32_t> target_rules;   // the target lines the decision used (program.target_rules)
};

// Notes in `result` what the decision reached (its policy, its response
// target), for coverage.
void note_reached(TestResult& result, const caseio::Decided& decided);

// `unit` must have reached Stage::lower.
std::vector<TestResult> run_policy_tests(const driver::Unit& unit);

}  // namespace clause::testing
