// Decisions out: one JSON object per line, exactly as CONTRACT.md section 2
// describes, byte for byte the same for the same input.
#pragma once

#include <string>

#include "caseio/read.h"
#include "eval/decide.h"
#include "ir/program.h"

namespace clause::caseio {

// Writes decisions of one policy. Everything that does not depend on the
// case (ids, places, sentences, plan texts, entitlement lists) is rendered
// once, when the writer is made; a decision is then mostly copies.
class DecisionWriter {
 public:
  explicit DecisionWriter(const ir::Program& program);

  // Appends the decision and a newline to `out`.
  void write(std::string& out, const eval::Case& c, const eval::Decision& d) const;

 private:
  // Everything between the id and the priority's value, per outcome and
  // basis: ","policy":"x","revision":"y","outcome":"covered","basis":"plan:gold","priority":
  // Indexed by head_index(); the decision is then about ten copies.
  std::size_t head_index(const eval::Decision& d) const;
  // `due_text`: the response's deadline as written, reused when it is the same instant.
  void write_target(std::string& out, const eval::TargetState& t, const calendar::Zone& zone, std::string_view due_text,
                    calendar::Instant due) const;
  const ir::Program& program_;
  std::vector<std::string> heads_;
  std::vector<std::string> priority_;           // per value: "P1","response":  the last: null,"response":
  std::vector<std::string> plan_entitlements_;  // per plan: ,"entitlements":["a","b"],"reasons":[
  std::string guarantee_entitlements_;          // the same for the guarantee
  std::vector<std::string> rule_reasons_;       // per rule, when its text is fixed
  std::vector<std::string> plan_reasons_;       // per response target line: the plan's reason with its target
  std::vector<std::string> plan_reasons_none_;  // per plan: the reason when no response target applies
  std::vector<std::string> within_;             // per target line: {"within_hours":4,...,"due":"
  std::vector<std::string> target_head_;        // per target line: {"kind":"response",...,"due":
  std::vector<std::string> target_fresh_;       // per target line: ,"status":"running","met_at":null,...} (nothing happened yet)
  std::vector<std::string> response_then_target_;   // per target line: "},"targets":[ and its target_head_ and a quote
  std::vector<std::string> holiday_warning_;    // per hours: the warning when a deadline passes their holidays
  std::vector<std::string> clause_reasons_;     // the guarantee's excludes
  std::string default_plan_reason_, otherwise_reason_, no_basis_reason_, not_covered_reason_, channel_reason_;
  std::string guarantee_prefix_;                // {"rule":"guarantee","at":"...","text":"<title>: 
  std::vector<std::string> lowering_prefix_;    // per rule: ...,"text":"<sentence>: lowered from 
  std::vector<std::string> warning_suffix_;     // per rule: ": <sentence>", escaped
};

// Appends an `invalid` decision for a case that could not be read. `program`
// may be null when the case named no loaded policy.
void write_invalid(std::string& out, const ir::Program* program, const ReadResult& read);

// A response length in hours, as a JSON number: 4, 0.5, 720.
std::string format_hours(std::chrono::microseconds length);

// A target for people: "1 working hour", "2.5 calendar hours".
std::string format_target(std::chrono::microseconds length, bool working);

// A target line's time for a sentence: "within 4 working hours", "by close of business".
std::string target_phrase(const ir::TargetRule& rule);

// The text a reason quotes (rules quote the policy; plan, guarantee and
// default-plan reasons are built from the decision's facts).
std::string reason_text(const ir::Program& program, const eval::Decision& d, const eval::ReasonRef& ref);
const ir::Reason& reason_source(const ir::Program& program, const eval::ReasonRef& ref);

}  // namespace clause::caseio
