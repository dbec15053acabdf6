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
  bool targeted = false;      // found by a search among one changed plan's cases (`count` counts those)
};

// Deciding a case tries each rule at most once per version: all the searches
// together try at most this many cases times rules (fewer cases for large
// policies, never fewer than min_cases), so diff's time is bounded whatever
// the policy's size (docs/cli.md).
inline constexpr std::uint64_t rule_test_budget = 200'000'000;
inline constexpr std::uint64_t min_cases = 2'000;
// At most this many targeted searches (one per changed plan and urgency
// value), each of this many cases.
inline constexpr std::size_t max_targeted_searches = 32;
inline constexpr std::uint64_t min_targeted_cases = 200;
inline constexpr std::uint64_t max_targeted_cases = 25'000;

struct PolicyDiff {
  std::vector<std::string> term_changes;   // "plan business: P1 response: within 1 working hours -> within 2 working hours"
  std::vector<DecisionChange> changes;
  std::uint64_t cases = 0;                 // cases of the whole-space search, decided by both
  std::uint64_t space = 0;                 // the full space (more than `cases` when sampled)
  bool sampled = false;                    // not every kind of case was tried: "no change" is not proven
  std::uint64_t targeted_cases = 0;        // cases of the targeted searches
};

// Both units must have reached Stage::lower.
PolicyDiff diff(const driver::Unit& before, const driver::Unit& after);

}  // namespace clause::differ
