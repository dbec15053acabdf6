// Structural reachability of rules (structure.cpp): for policies whose case
// space is too large to decide every kind of case.
#pragma once

#include <string>
#include <vector>

#include "sema/checked.h"

namespace clause::lint {

struct RuleReach {
  bool never_true = false;
  int beaten_by = -1;          // an earlier deciding rule that always decides first
  std::vector<int> beaten_together;   // or earlier deciding rules that do, only together
  std::string example;         // a case where the rule and an earlier one hold, as facts
};

struct Structure {
  std::vector<RuleReach> rules;   // by rule index
};

Structure analyze_structure(const sema::Checked& policy);

}  // namespace clause::lint
