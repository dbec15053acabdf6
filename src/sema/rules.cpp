#include <set>

#include "calendar/timestamp.h"
#include "sema/messages.h"
#include "sema/steps.h"
#include "support/text.h"

namespace clause::sema {
namespace {

namespace codes = diag::codes;
using Action = lang::RuleAction;

// The `to VALUE` of a lowering rule; false when it is missing or wrong.
bool check_lowering(Context& context, const syntax::Rule& rule, Rule& r) {
  if (rule.action != Action::lower) {
    if (!rule.lower_to) return true;
    context.error(&codes::misplaced, rule.lower_to->span, "only a `lower` rule takes `to`")
        .help = "remove `to " + rule.lower_to->text + "`";
    return false;
  }
  if (!rule.lower_to) {
    auto& d = context.error(&codes::missing_declaration, rule.span,
                            "rule `" + rule.id.text + "` lowers the urgency but does not say to what");
    d.help = "end it with `to VALUE`, as in `to P3`";
    return false;
  }
  const Field* urgency = context.out.urgency();
  if (!urgency) {
    if (!context.urgency) {
      context.error(&codes::missing_declaration, rule.lower_to->span, "lowering needs the policy's urgency field")
          .help = "add `urgency priority` (an ordered case field)";
    }
    return false;
  }
  r.lower_to = urgency->value_index(rule.lower_to->text);
  if (r.lower_to < 0) {
    messages::not_a_value(context, *urgency, *rule.lower_to);
    return false;
  }
  return true;
}

// The time an expectation states, if it states one (`within ...`).
std::optional<ExpectedTime> expected_time(Context& context, const syntax::ExpectItem& item) {
  const syntax::TargetTime* time = nullptr;
  syntax::TargetTime response;
  if (item.kind == lang::ExpectTerm::within) {
    response.within = item.within;
    time = &response;
  } else if (item.kind == lang::ExpectTerm::target && item.fact == syntax::ExpectItem::Fact::within) {
    time = &item.time;
  }
  if (!time) return std::nullopt;
  ExpectedTime expected;
  if (time->by_close) {
    expected.by_close = true;
    expected.close_days = time->close_days;
    expected.phrase = time->close_days == 0 ? "by close of business" : "by close of the next business day";
    return expected;
  }
  auto within = length(context, time->within);
  if (!within) return std::nullopt;
  expected.within = *within;
  const auto& d = time->within;
  expected.phrase = "within " + d.amount.text + " " + std::string(lang::text(d.clock)) + " " +
                    std::string(d.amount.text == "1" ? lang::singular(d.unit) : lang::text(d.unit));
  return expected;
}

}  // namespace

void check_rules(Context& context) {
  Scope rules("rule");
  for (const auto* decl : context.every<syntax::RulesDecl>()) {
    for (const auto& rule : decl->rules) {
      if (auto it = context.clause_ids.find(rule.id.text); it != context.clause_ids.end()) {
        auto& d = context.error(&codes::duplicate, rule.id.span, "rule `" + rule.id.text + "` has the id of a guarantee clause");
        d.related.push_back({it->second, "the clause"});
        d.help = "decisions quote ids: give the rule its own";
        continue;
      }
      if (!rules.declare(context, rule.id)) continue;
      Rule r;
      r.action = rule.action;
      r.id = rule.id.text;
      r.text = rule.text ? rule.text->value : "";
      r.span = rule.id.span;
      r.decl_span = rule.span;
      bool ok = check_lowering(context, rule, r);
      if (rule.action == Action::outside_guarantee && !context.guarantee) {
        context.error(&codes::missing_declaration, rule.span,
                      "rule `" + rule.id.text + "` excludes cases from a guarantee the policy does not have")
            .help = "declare the `guarantee`, or remove the rule";
        ok = false;
      }
      auto cond = condition(context, rule.when);
      if (!cond || !ok) continue;
      r.when = std::move(*cond);
      context.out.rules.push_back(std::move(r));
    }
  }
}

void check_otherwise(Context& context) {
  if (!context.otherwise) return;
  context.out.otherwise = lang::parse<lang::Otherwise>(context.otherwise->basis.text).value_or(lang::Otherwise::not_covered);
  context.out.otherwise_span = context.otherwise->span;
}

// The expectations of each test (the cases are read by the test runner's reader).
void check_tests(Context& context) {
  const Checked& out = context.out;
  std::set<std::string> known_reasons = {std::string(lang::reason_ids::default_plan),
                                         std::string(lang::reason_ids::guarantee),
                                         std::string(lang::reason_ids::otherwise)};
  for (const auto& r : out.rules) known_reasons.insert(r.id);
  for (const auto& [id, _] : context.clause_ids) known_reasons.insert(id);
  for (const auto& p : out.plans) known_reasons.insert(std::string(lang::reason_ids::plan_prefix) + p.id);
  Scope names("test");
  for (const auto* test : context.every<syntax::TestDecl>()) {
    if (auto first = names.first_or_add(test->name.value, test->name.span)) {
      auto& d = context.error(&codes::duplicate, test->name.span, "two tests are named \"" + test->name.value + "\"");
      d.related.push_back({*first, "first used here"});
      continue;
    }
    std::vector<std::optional<ExpectedTime>> times;
    for (const auto& item : test->expect) {
      using K = lang::ExpectTerm;
      times.push_back(expected_time(context, item));
      switch (item.kind) {
        case K::basis:
          if (item.value.starts_with("plan:") && out.plan_index(item.value.substr(5)) < 0) {
            std::vector<std::string> ids = plan_ids(context);
            auto& d = context.error(&codes::bad_test, item.span, "unknown plan `" + item.value.substr(5) + "` in the expectation");
            if (auto guess = did_you_mean(item.value.substr(5), ids)) d.help = *guess;
            else d.help = "the plans are " + backticked_list(ids);
          }
          break;
        case K::priority:
          if (!out.urgency() || out.urgency()->value_index(item.value) < 0) {
            auto& d = context.error(&codes::bad_test, item.span, "`" + item.value + "` is not an urgency value of this policy");
            if (out.urgency()) d.help = "the values are " + backticked_list(out.urgency()->values);
          }
          break;
        case K::due:
          if (auto t = calendar::parse_rfc3339(item.value); !t) context.error(&codes::bad_test, item.span, t.error());
          break;
        case K::within:
        case K::target:
          if (item.kind == K::target && item.fact == syntax::ExpectItem::Fact::due) {
            if (auto t = calendar::parse_rfc3339(item.value); !t) context.error(&codes::bad_test, item.span, t.error());
          }
          break;
        case K::rule:
          if (!known_reasons.count(item.value)) {
            std::vector<std::string> ids(known_reasons.begin(), known_reasons.end());
            auto& d = context.error(&codes::bad_test, item.span, "no rule has the id `" + item.value + "`");
            if (auto guess = did_you_mean(item.value, ids)) d.help = *guess;
          }
          break;
        case K::no_response:
        case K::error: break;
      }
    }
    context.out.tests.push_back(*test);
    context.out.test_times.push_back(std::move(times));
  }
}

}  // namespace clause::sema
