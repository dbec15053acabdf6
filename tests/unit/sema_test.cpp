// The checker below the golden files: what a checked policy holds (names
// resolved, plans flattened, conditions typed), and the mistakes each step
// finds, asserted by code and by the text under the caret.
#include <catch2/catch.hpp>

#include "sema/check.h"
#include "syntax/parse.h"
#include "test_support.h"

using namespace clause;
using testing_support::policy_with;

namespace {

// Checks `text`; the checked policy when it has no errors.
struct Result {
  diag::Sink sink;
  std::optional<sema::Checked> checked;
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& d : sink.diagnostics()) out.emplace_back(d.code->name);
    return out;
  }
  // The text under each diagnostic's caret, in order.
  std::vector<std::string> underlined() const {
    std::vector<std::string> out;
    for (const auto& d : sink.diagnostics()) out.emplace_back(d.file->slice(d.span));
    return out;
  }
  const diag::Diagnostic& first() const { return sink.diagnostics().front(); }
};

Result check(const std::string& text) {
  Result r;
  auto file = std::make_shared<diag::SourceFile>("t.policy", text);
  auto tree = syntax::parse(file, r.sink);
  REQUIRE(tree);
  r.checked = sema::check(*tree, file, r.sink);
  r.sink.finish();
  return r;
}

const sema::Plan& plan(const sema::Checked& c, std::string_view id) {
  int i = c.plan_index(id);
  REQUIRE(i >= 0);
  return c.plans[static_cast<std::size_t>(i)];
}

}  // namespace

TEST_CASE("sema: a plan inherits its parent's terms and overrides what it sets") {
  auto r = check(policy_with(R"(
  hours every_day = Mon-Sun 09:00-18:00
  entitlements { a "A" b "B" c "C" }
  plan basic { price free registers email hours weekdays contacts 2
               respond P1 within 4 working hours respond P2..P3 within 8 working hours includes a }
  plan gold extends basic { hours every_day respond P1 within 1 working hour includes b, a, c }
)"));
  REQUIRE(r.checked);
  const auto& c = *r.checked;
  const auto& basic = plan(c, "basic");
  const auto& gold = plan(c, "gold");
  CHECK(gold.parent == c.plan_index("basic"));
  // Kept from the parent: contacts and the P2, P3 targets, with where they were set.
  CHECK(gold.contacts == 2);
  CHECK(gold.contacts_origin.plan == c.plan_index("basic"));
  REQUIRE(gold.targets.size() == 3);
  CHECK(gold.targets[1]->within.length == std::chrono::hours(8));
  // Overridden: the hours and the P1 target.
  CHECK(c.hours[static_cast<std::size_t>(gold.hours)].name == "every_day");
  CHECK(gold.targets[0]->within.length == std::chrono::hours(1));
  CHECK(basic.targets[0]->within.length == std::chrono::hours(4));
  // Entitlements: the parent's first, each once.
  std::vector<std::string> includes;
  for (int e : gold.includes) includes.push_back(c.entitlements[static_cast<std::size_t>(e)].id);
  CHECK(includes == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("sema: plans are flattened parents first, whatever the order they are written in") {
  // `top` extends `mid`, which extends `base`, written child first.
  auto r = check(policy_with(R"(
  plan top extends mid { contacts 9 }
  plan mid extends base { respond P1 within 2 working hours }
  plan base { registers email hours weekdays contacts 1 respond P1..P3 within 8 working hours }
)"));
  REQUIRE(r.checked);
  const auto& top = plan(*r.checked, "top");
  CHECK(top.contacts == 9);
  CHECK(top.targets[0]->within.length == std::chrono::hours(2));
  CHECK(top.targets[2]->within.length == std::chrono::hours(8));
  // The declaration order stays the rank.
  CHECK(r.checked->plan_index("top") == 0);
  CHECK(r.checked->plan_index("base") == 2);
}

TEST_CASE("sema: a cycle of extends is one error, on the plan that closes it, and no follow-ons") {
  auto r = check(policy_with(R"(
  plan a extends b { registers email hours weekdays respond P1..P3 within 8 working hours }
  plan b extends a { contacts 3 }
)"));
  CHECK_FALSE(r.checked);
  CHECK(r.codes() == std::vector<std::string>{"inheritance-cycle"});
  CHECK(r.first().message == "plans extend each other in a cycle: a extends b extends a");
}

TEST_CASE("sema: names declared twice are reported at the second, pointing at the first") {
  auto r = check(policy_with(R"(
  entitlements { a a }
  hours weekdays = Mon-Fri 08:00-17:00
  plan p { registers email hours weekdays respond P1..P3 within 8 working hours }
  plan p { contacts 1 }
)"));
  CHECK_FALSE(r.checked);
  CHECK(r.codes() == std::vector<std::string>{"duplicate", "duplicate", "duplicate"});
  for (const auto& d : r.sink.diagnostics()) {
    REQUIRE(d.related.size() == 1);
    CHECK(d.related[0].span.begin < d.span.begin);
    CHECK(d.related[0].message == "first declared here");
  }
  CHECK(r.underlined() == std::vector<std::string>{"a", "weekdays", "p"});
}

TEST_CASE("sema: conditions are typed against the schema") {
  auto r = check(policy_with(R"(
  plan p { registers email, portal hours weekdays respond P1..P3 within 8 working hours }
  rules {
    reject a "A" when category = request and priority > P2
    not_covered b "B" when channel not in email or not (plan = p)
  }
)"));
  REQUIRE(r.checked);
  const auto& rules = r.checked->rules;
  REQUIRE(rules.size() == 2);
  const sema::Cond& a = rules[0].when;
  CHECK(a.kind == sema::Cond::Kind::all);
  REQUIRE(a.children.size() == 2);
  CHECK(a.children[0].kind == sema::Cond::Kind::enum_in);
  CHECK(a.children[0].values == std::vector<int>{0});
  CHECK(a.children[1].kind == sema::Cond::Kind::ordered_cmp);
  CHECK(a.children[1].op == lang::CompareOp::gt);
  CHECK(a.children[1].value == 1);   // P2
  const sema::Cond& b = rules[1].when;
  CHECK(b.kind == sema::Cond::Kind::any);
  REQUIRE(b.children.size() == 2);
  // `not in` is the negation of `in`.
  CHECK(b.children[0].kind == sema::Cond::Kind::negation);
  CHECK(b.children[0].children.at(0).kind == sema::Cond::Kind::enum_in);
  CHECK(b.children[1].kind == sema::Cond::Kind::negation);
  CHECK(b.children[1].children.at(0).kind == sema::Cond::Kind::plan_in);
}

TEST_CASE("sema: each wrong condition says what the field takes") {
  struct Row {
    std::string condition, code, underlined, help;
  };
  const std::vector<Row> rows = {
      {"category > request", "type-mismatch", "category > request",
       "use `=`, `!=` or `in`, or declare the values in order, as in `a > b > c`"},
      {"priority = P9", "not-in-enum", "P9", "the values of `priority` are `P1`, `P2`, `P3`"},
      {"prority = P1", "unknown-field", "prority", "did you mean `priority`?"},
      {"category has request", "type-mismatch", "category has request", "as in `category in request, incident`"},
      {"plan = gold", "unknown-name", "gold", "declared: `p`"},
  };
  for (const auto& row : rows) {
    SECTION(row.condition) {
      auto r = check(policy_with(R"(
  plan p { registers email hours weekdays respond P1..P3 within 8 working hours }
  rules { reject x "X" when )" + row.condition + " }\n"));
      CHECK_FALSE(r.checked);
      REQUIRE(r.codes() == std::vector<std::string>{row.code});
      CHECK(r.underlined().front() == row.underlined);
      CHECK(r.first().help == row.help);
    }
  }
}

TEST_CASE("sema: holidays are taken off the hours that name them, in any order") {
  auto r = check(policy_with(R"(
  holidays public { 2026-12-25 "Christmas" 2026-01-01 }
  hours office = Mon-Fri 09:00-17:00 except public
  plan p { registers email hours office respond P1..P3 within 8 working hours }
)"));
  REQUIRE(r.checked);
  const auto& office = r.checked->hours[static_cast<std::size_t>(plan(*r.checked, "p").hours)];
  CHECK(office.hours.holidays() ==
        std::vector<date::local_days>{date::local_days(date::year(2026) / 1 / 1), date::local_days(date::year(2026) / 12 / 25)});
  CHECK(office.hours.weekly_open_time() == std::chrono::hours(40));
}

TEST_CASE("sema: a rule may not take a guarantee clause's id (the guarantee is checked first)") {
  auto r = check(R"(policy t {
  currency USD
  case { channel: email  cause: bug | misuse  project: { budget: money  completed_on: date } }
  guarantee {
    starts after project.completed_on
    lasts 30 calendar days
    excludes misuse "Misuse" when cause = misuse
  }
  rules { not_covered misuse "Again" when cause = misuse }
  otherwise time_and_materials
}
)");
  CHECK_FALSE(r.checked);
  CHECK(r.codes() == std::vector<std::string>{"duplicate"});
  CHECK(r.first().message == "rule `misuse` has the id of a guarantee clause");
  REQUIRE(r.first().related.size() == 1);
  CHECK(r.first().related[0].message == "the clause");
}

TEST_CASE("sema: guarantee bands are read exactly, in the policy's currency") {
  auto r = check(R"(policy t {
  currency USD
  case { channel: email  project: { budget: money  completed_on: date } }
  guarantee {
    starts after project.completed_on
    lasts by project.budget {
      below 25000 USD: 30 calendar days
      25000 USD to 75000.50 USD: 60 calendar days
      above 75000.50 USD: 90 calendar days
    }
  }
  otherwise time_and_materials
}
)");
  REQUIRE(r.checked);
  const auto& g = *r.checked->guarantee;
  REQUIRE(g.bands.size() == 3);
  CHECK(g.bands[1].kind == lang::BandKind::between);
  CHECK(g.bands[1].high == *money::Decimal::parse_plain("75000.5"));
  CHECK(g.bands[2].days == 90);
  CHECK(r.checked->field_index("project.budget") == g.amount_field);
}

TEST_CASE("sema: a missing urgency field is said once, not on every target line") {
  auto r = check(R"(policy t {
  case { channel: email  priority: P1 > P2 }
  hours h = 24/7
  plan a { registers email hours h respond P1 within 1 working hour respond P2 within 2 working hours }
  plan b { registers email hours h respond P1 within 1 working hour }
}
)");
  CHECK_FALSE(r.checked);
  CHECK(r.codes() == std::vector<std::string>{"missing-declaration"});
  CHECK(r.first().help == "add `urgency priority` (the name of an ordered case field)");
}

TEST_CASE("sema: the checked policy keeps the case schema's defaults and required fields") {
  auto r = check(R"(policy t {
  case {
    channel: email | portal
    level: low > high = low
    tags: set of a | b = {}
    contact_note: { kind: x | y }
  }
  hours h = 24/7
  plan p { registers email hours h }
}
)");
  REQUIRE(r.checked);
  const auto& c = *r.checked;
  const auto& level = c.fields[static_cast<std::size_t>(c.field_index("level"))];
  CHECK_FALSE(level.required);
  CHECK(level.default_value == 0);
  CHECK(c.fields[static_cast<std::size_t>(c.field_index("tags"))].type == lang::FieldType::set);
  const auto& kind = c.fields[static_cast<std::size_t>(c.field_index("contact_note.kind"))];
  CHECK(kind.required);
  CHECK(kind.parent == c.field_index("contact_note"));
  // The built-in contact comes first.
  CHECK(c.role_field == c.field_index("contact.role"));
}
