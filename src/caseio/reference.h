// The plain decision writer: every field of CONTRACT.md section 2 written in
// turn from the decision, with nothing rendered ahead. DecisionWriter copies
// pieces rendered once per policy instead; the tests hold it to this one,
// byte for byte (as calendar/reference.h holds due_after to a minute count).
#pragma once

#include <string>

#include "eval/decide.h"
#include "ir/program.h"

namespace clause::caseio {

// The decision line for a valid case, with its newline.
std::string reference_decision(const ir::Program& program, const eval::Case& c, const eval::Decision& d);

}  // namespace clause::caseio
