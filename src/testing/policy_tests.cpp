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

std::string duration_text(std::chrono::microseconds length, bool working) { return caseio::format_target(length, working); }

}  // namespace

void note_reached(TestResult& result, const caseio::Decided& decided) {
  if (decided.program) result.policy = decided.program->name;
  if (decided.valid() && decided.decision.has_response) {
    result.target_plan = decided.decision.plan;
    result.target_urgency = decided.decision.urgency;
  }
}

std::vector<TestResult> run_policy_tests(const driver::Unit& unit) {
  std::vector<TestResult> results;
  const ir::Program& program = *unit.program;
  caseio::Evaluator evaluator({unit.program}, program.name);
  for (const auto& test : unit.checked->tests) {
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
    const eval::Case* c = decided.c;
    for (const auto& item : test.expect) {
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
          auto expected = calendar::parse_rfc3339(item.value);
          std::string actual = valid && d.has_response ? calendar::format_rfc3339(d.due, *c->zone) : "no response";
          if (!valid || !d.has_response || !expected ||
              std::chrono::floor<std::chrono::seconds>(*expected) != std::chrono::floor<std::chrono::seconds>(d.due)) {
            mismatch("due", item.value, actual);
          }
          break;
        }
        case K::within: {
          bool working = item.within.clock == syntax::Duration::Clock::working;
          auto amount = money::Decimal::parse_plain(item.within.amount.text);
          std::int64_t unit_seconds = item.within.unit == syntax::Duration::Unit::minutes ? 60
                                      : item.within.unit == syntax::Duration::Unit::hours ? 3600
                                                                                          : 86400;
          auto micros = amount ? (*amount * money::Decimal::from_integer(unit_seconds)).scaled_integer(6) : std::nullopt;
          std::chrono::microseconds expected(micros.value_or(-1));
          std::string actual = valid && d.has_response ? duration_text(d.target.length, d.target.working) : "no response";
          if (!valid || !d.has_response || d.target.length != expected || d.target.working != working) {
            mismatch("within", duration_text(expected, working), actual);
          }
          break;
        }
        case K::no_response:
          if (valid && d.has_response) mismatch("response", "none", duration_text(d.target.length, d.target.working));
          break;
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
