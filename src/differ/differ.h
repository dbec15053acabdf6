// The semantic diff of two versions of a policy: which terms changed, and
// which kinds of case get another decision, each with a witness case and
// its decision before and after.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "driver/driver.h"

namespace clause::differ {

struct DecisionChange {
  std::string what;           // "outcome: covered -> billable; basis: guarantee -> time_and_materials"
  std::uint64_t count = 0;    // cases of the space with this change
  std::string witness;        // the first such case
  std::string before;         // its decision by the old version
  std::string after;          // and by the new
};

struct PolicyDiff {
  std::vector<std::string> term_changes;   // "plan business: P1 response: within 1 working hours -> within 2 working hours"
  std::vector<DecisionChange> changes;
  std::uint64_t cases = 0;                 // cases decided by both
  std::uint64_t space = 0;                 // the full space (more than `cases` when sampled)
};

// Both units must have reached Stage::lower.
PolicyDiff diff(const driver::Unit& before, const driver::Unit& after);

}  // namespace clause::differ
