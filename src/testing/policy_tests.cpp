#include "testing/policy_tests.h"

#include "calendar/timestamp.h"
#include "caseio/evaluate.h"
#include "caseio/write.h"

namespace clause::testing {
namespace {

std::string basis_text(const ir::Program& program, const eval::Decision& d) {
  switch (d.basis) {
    case eval::Basis::none: return "none";
    case eval::Basis::guarantee: return "guarantee";
    case eval::Basis::time_and_materials: return "time_and_materials";
    case eval::Basis::plan: return program.plans[static_cast<std::size_t>(d.plan)].basis;
  }
  return "none";
}

std::string reason_id(const ir::Program& program, const eval::ReasonRef& ref) {
  if (ref.kind == eval::ReasonRef::Kind::plan) return program.plans[ref.index].reason_id;
  return caseio::reason_source(program, ref).id;
}

std::string reason_at(const ir::Program& program, const eval::ReasonRef& ref) {
  if (ref.kind == eval::ReasonRef::Kind::plan) return program.plans[ref.index].at;
  return caseio::reason_source(program, ref).at;
}

// The same time, on the same clock, whatever unit each writes it in:
// `20 calendar minutes` is `0.333333 calendar hours` only if it is exactly.
bool same_time(const sema::ExpectedTime& expected, const ir::TargetRule& rule) {
  if (expected.by_close || rule.by_close) return expected.by_close == rule.by_close && expected.close_days == rule.close_days;
  if (expected.within.clock != rule.clock) return false;
  if (rule.clock == lang::Clock::business) return expected.within.length == std::chrono::hours(24) * rule.business_days;
  return expected.within.length == rule.length;
}

const eval::TargetState* target_of(const eval::Decision& d, lang::TargetKind kind) {
  for (std::uint8_t i = 0; i < d.target_count; ++i) {
    if (d.targets[i].kind == kind) return &d.targets[i];
  }
  return nullptr;
}

}  // namespace

void note_reached(TestResult& result, const caseio::Decided& decided) {
  if (decided.program) result.policy = decided.program->name;
  if (!decided.valid()) return;
  for (std::uint8_t i = 0; i < decided.decision.target_count; ++i) result.target_rules.push_back(decided.decision.targets[i].rule);
}

std::vector<TestResult> run_policy_tests(const driver::Unit& unit) {
  std::vector<TestResult> results;
  const ir::Program& program = *unit.program;
  caseio::Evaluator evaluator({unit.program}, program.name);
  for (std::size_t index = 0; index < unit.checked->tests.size(); ++index) {
    const auto& test = unit.checked->tests[index];
    TestResult result;
    result.name = test.name.value;
    result.span = test.name.span;
    const caseio::Decided& decided = evaluator.decide(test.case_json, &result.decision);
    if (!result.decision.empty() && result.decision.back() == '\n') result.decision.pop_back();
    const bool valid = decided.valid();
    note_reached(result, decided);
    const auto& read = *decided.read;
    const auto& d = decided.decision;
    auto mismatch = [&](std::string what, std::string expected, std::string actual) {
      result.mismatches.push_back({std::move(what), std::move(expected), std::move(actual)});
    };
    std::string outcome = valid ? std::string(eval::outcome_name(d.outcome)) : "invalid";
    if (outcome != test.outcome.text) {
      std::string actual = outcome;
      if (!valid) {
        for (const auto& e : read.errors) actual += "; " + e.field + ": " + e.message;
      }
      mismatch("outcome", test.outcome.text, actual);
    }
    if (valid) {
      for (std::uint8_t i = 0; i < d.reason_count; ++i) result.reasons.push_back(reason_id(program, d.reasons[i]));
      if (d.reason_count > 0) {
        const auto& last = d.reasons[d.reason_count - 1];
        result.decided_by = reason_id(program, last) + " (" + reason_at(program, last) + ")";
      }
    }
    const auto& lengths = unit.checked->test_times[index];
    auto phrase = [&](const eval::TargetState& t) { return caseio::target_phrase(program.target_rules[t.rule]); };
    auto check_due = [&](const eval::TargetState* t, const std::string& what, const std::string& expected_text) {
      auto expected = calendar::parse_rfc3339(expected_text);
      const calendar::Zone& zone = eval::deadline_zone(d);
      std::string actual = t && t->has_due ? calendar::format_rfc3339(t->due, zone) : t ? "no deadline yet" : "no target";
      if (!t || !t->has_due || !expected ||
          std::chrono::floor<std::chrono::seconds>(*expected) != std::chrono::floor<std::chrono::seconds>(t->due)) {
        mismatch(what, expected_text, actual);
      }
    };
    // The same time, counted on the same clock, whatever unit each writes it in.
    auto check_within = [&](const eval::TargetState* t, const std::string& what, const std::optional<sema::ExpectedTime>& expected) {
      if (!expected) return;   // reported by the checker
      std::string actual = t ? phrase(*t) : "no target";
      if (!t || !same_time(*expected, program.target_rules[t->rule])) mismatch(what, expected->phrase, actual);
    };
    for (std::size_t i = 0; i < test.expect.size(); ++i) {
      const auto& item = test.expect[i];
      using K = syntax::ExpectItem::Kind;
      switch (item.kind) {
        case K::basis:
          if (!valid || basis_text(program, d) != item.value) mismatch("basis", item.value, valid ? basis_text(program, d) : "-");
          break;
        case K::priority: {
          std::string actual = valid && d.urgency >= 0 ? program.urgency_values[static_cast<std::size_t>(d.urgency)] : "none";
          if (actual != item.value) mismatch("priority", item.value, actual);
          break;
        }
        case K::due: {
          const eval::TargetState* t = valid ? target_of(d, lang::TargetKind::response) : nullptr;
          check_due(t, "due", item.value);
          break;
        }
        case K::within: {
          const eval::TargetState* t = valid ? target_of(d, lang::TargetKind::response) : nullptr;
          check_within(t, "within", lengths[i]);
          break;
        }
        case K::no_response:
          if (valid && d.has_response) mismatch("response", "none", program.target_rules[d.response_rule].within);
          break;
        case K::target: {
          const eval::TargetState* t = valid ? target_of(d, item.target) : nullptr;
          std::string what(lang::text(item.target));
          switch (item.fact) {
            case syntax::ExpectItem::Fact::due: check_due(t, what + " due", item.value); break;
            case syntax::ExpectItem::Fact::within: check_within(t, what + " within", lengths[i]); break;
            case syntax::ExpectItem::Fact::status: {
              std::string actual = t ? std::string(lang::text(t->status)) : "no " + what + " target";
              if (actual != item.value) mismatch(what, item.value, actual);
              break;
            }
            case syntax::ExpectItem::Fact::none:
              if (t) mismatch(what, "none", phrase(*t));
              break;
          }
          break;
        }
        case K::rule: {
          bool found = false;
          for (const auto& id : result.reasons) found = found || id == item.value;
          if (!found) {
            std::string actual;
            for (const auto& id : result.reasons) actual += (actual.empty() ? "" : ", ") + id;
            mismatch("rule", item.value, actual.empty() ? "no rule" : actual);
          }
          break;
        }
        case K::error: {
          bool found = false;
          std::string actual;
          for (const auto& e : read.errors) {
            found = found || e.field == item.value;
            actual += (actual.empty() ? "" : ", ") + e.field;
          }
          if (valid || !found) mismatch("error", item.value, valid ? "the case is valid" : actual);
          break;
        }
      }
    }
    result.passed = result.mismatches.empty();
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace clause::testing
