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
  int target_plan = -1;               // the response target the decision used: the plan and the
  int target_urgency = -1;            // urgency value's indices in the program (-1: no target)
};

// Notes in `result` what the decision reached (its policy, its response
// target), for coverage.
void note_reached(TestResult& result, const caseio::Decided& decided);

// `unit` must have reached Stage::lower.
std::vector<TestResult> run_policy_tests(const driver::Unit& unit);

}  // namespace clause::testing
