// Runs a policy's `test` blocks: decides each test's case with the compiled
// policy and compares the decision with what the test expects.
#pragma once

#include <string>
#include <vector>

#include "driver/driver.h"
#include "eval/decide.h"

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
};

// `unit` must have reached Stage::lower.
std::vector<TestResult> run_policy_tests(const driver::Unit& unit);

}  // namespace clause::testing
