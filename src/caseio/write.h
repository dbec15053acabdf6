// Decisions out: one JSON object per line, exactly as CONTRACT.md section 2
// describes, byte for byte the same for the same input.
#pragma once

#include <string>

#include "caseio/read.h"
#include "eval/decide.h"
#include "ir/program.h"

namespace clause::caseio {

// Appends the decision and a newline to `out`.
void write_decision(std::string& out, const ir::Program& program, const eval::Case& c, const eval::Decision& d);

// Appends an `invalid` decision for a case that could not be read. `program`
// may be null when the case named no loaded policy.
void write_invalid(std::string& out, const ir::Program* program, const ReadResult& read);

// A response length in hours, as a JSON number: 4, 0.5, 720.
std::string format_hours(std::chrono::microseconds length);

// A target for people: "1 working hour", "2.5 calendar hours".
std::string format_target(std::chrono::microseconds length, bool working);

// The text a reason quotes (rules quote the policy; plan, guarantee and
// default-plan reasons are built from the decision's facts).
std::string reason_text(const ir::Program& program, const eval::Decision& d, const eval::ReasonRef& ref);
const ir::Reason& reason_source(const ir::Program& program, const eval::ReasonRef& ref);

}  // namespace clause::caseio
