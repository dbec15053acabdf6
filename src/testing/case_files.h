// `*.cases.jsonl` files: cases with the decision fields they must get, one
// per line: {"case": {...}, "expect": {"outcome": "covered", "basis": ...}}.
// Each expected field must equal the decision's; `response` may give only
// some of its fields; `"rule": "id"` asks that some reason has that id.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ir/program.h"
#include "testing/policy_tests.h"

namespace clause::testing {

struct CaseFileResult {
  std::string file;
  std::size_t line = 0;
  TestResult result;   // name: the case's id or "line N"
};

// Runs every line of `path` against `programs`. A line that is not of the
// form above is a failed test that says why.
std::vector<CaseFileResult> run_case_file(const std::string& path,
                                          const std::vector<std::shared_ptr<const ir::Program>>& programs);

}  // namespace clause::testing
