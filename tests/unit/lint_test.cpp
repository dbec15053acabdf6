// Each lint rule finds what it should, says it at the right place, and is
// quiet on a policy without the problem.
#include <catch2/catch.hpp>

#include "lint/lint.h"
#include "test_support.h"

using namespace clause;

namespace {

struct Linted {
  diag::Sink sink;
  std::string text() const { return diag::render_all(sink.diagnostics(), diag::Format::text, "test"); }
  std::vector<const diag::Diagnostic*> with(std::string_view code) const {
    std::vector<const diag::Diagnostic*> out;
    for (const auto& d : sink.diagnostics()) {
      if (d.code->id == code || d.code->name == code) out.push_back(&d);
    }
    return out;
  }
};

Linted lint_text(const std::string& text, lint::Options options = {}) {
  Linted out;
  auto unit = driver::load_text("t.policy", text, driver::Stage::lower, out.sink);
  INFO(out.text());
  REQUIRE(unit.ok);
  lint::lint(unit, options, out.sink);
  out.sink.finish();
  return out;
}

std::string underlined(const diag::Diagnostic& d) { return std::string(d.file->slice(d.span)); }

// A policy with a guarantee whose bands are given by `bands`.
std::string with_bands(const std::string& bands) {
  return "policy t {\n  currency USD\n  case {\n    channel: email\n    p: P1 > P2\n    project: {\n      budget: money\n"
         "      done: date\n    }\n  }\n  urgency p\n  registers email\n  guarantee {\n    starts after project.done\n"
         "    lasts by project.budget {\n" + bands + "    }\n  }\n}\n";
}

const std::string plans_prefix =
    "policy t {\n  currency USD\n  case {\n    channel: email | portal\n    p: P1 > P2\n    kind: a | b\n  }\n"
    "  urgency p\n  hours week = Mon-Fri 09:00-18:00\n  hours all = 24/7\n  entitlements {\n    e1 \"One\"\n    e2 \"Two\"\n  }\n";

}  // namespace

TEST_CASE("lint: band gaps and overlaps, at the exact boundary too") {
  auto clean = lint_text(with_bands("      below 25000 USD: 30 calendar days\n      25000 USD to 75000 USD: 60 calendar days\n"
                                    "      above 75000 USD: 90 calendar days\n"));
  CHECK(clean.with("band-gap").empty());
  CHECK(clean.with("band-overlap").empty());

  // `below 25000` and `above 25000`: 25000 itself has no band.
  auto gap = lint_text(with_bands("      below 25000 USD: 30 calendar days\n      above 25000 USD: 90 calendar days\n"));
  REQUIRE(gap.with("band-gap").size() == 1);
  CHECK_THAT(gap.with("band-gap")[0]->message, Catch::Contains("25000 USD"));

  // A range that stops short of the next.
  auto hole = lint_text(with_bands("      below 25000 USD: 30 calendar days\n      30000 USD to 75000 USD: 60 calendar days\n"
                                   "      above 75000 USD: 90 calendar days\n"));
  REQUIRE(hole.with("band-gap").size() == 1);
  CHECK_THAT(hole.with("band-gap")[0]->message, Catch::Contains("25000 USD"));

  // Two inclusive ranges share 75000.
  auto overlap = lint_text(with_bands("      below 25000 USD: 30 calendar days\n      25000 USD to 75000 USD: 60 calendar days\n"
                                      "      75000 USD to 100000 USD: 90 calendar days\n      above 100000 USD: 120 calendar days\n"));
  REQUIRE(overlap.with("band-overlap").size() == 1);
  CHECK_THAT(overlap.with("band-overlap")[0]->message, Catch::Contains("75000 USD falls in two bands"));
  CHECK(underlined(*overlap.with("band-overlap")[0]).starts_with("75000 USD to 100000 USD"));
}

TEST_CASE("lint: a plan above another must not be worse on any term") {
  auto text = plans_prefix +
              "  plan low {\n    registers email, portal\n    hours all\n    contacts 5\n    respond P1 within 1 working hour\n"
              "    respond P2 within 4 working hours\n    includes e1\n  }\n"
              "  plan high extends low {\n    registers email\n    hours week\n    contacts 3\n    respond P1 within 2 working hours\n  }\n}\n";
  auto linted = lint_text(text);
  auto found = linted.with("tier-regression");
  INFO(linted.text());
  std::string all;
  for (const auto* d : found) all += d->message + "\n";
  CHECK_THAT(all, Catch::Contains("worse on the P1 response: within 1 working hour in `low`, within 2 working hours in `high`"));
  CHECK_THAT(all, Catch::Contains("registration channels"));
  CHECK_THAT(all, Catch::Contains("authorized contacts: 5 in `low`, 3 in `high`"));
  CHECK_THAT(all, Catch::Contains("support hours"));
  CHECK(found.size() == 4);
  for (const auto* d : found) CHECK(underlined(*d) == "high");
}

TEST_CASE("lint: shadowed rules and conditions that never hold") {
  auto text = plans_prefix +
              "  plan basic {\n    registers email, portal\n    hours week\n    respond P1, P2 within 4 working hours\n  }\n"
              "  default plan basic\n"
              "  rules {\n"
              "    reject all_a \"A\" when kind = a\n"
              "    not_covered a_p1 \"A and P1\" when kind = a and p = P1\n"
              "    reject impossible \"never\" when kind = a and kind = b\n"
              "    reject fine \"B\" when kind = b and p = P2\n"
              "  }\n}\n";
  auto linted = lint_text(text);
  INFO(linted.text());
  REQUIRE(linted.with("shadowed-rule").size() == 1);
  CHECK(underlined(*linted.with("shadowed-rule")[0]) == "a_p1");
  CHECK_THAT(linted.with("shadowed-rule")[0]->notes.at(0), Catch::Contains("\"kind\":\"a\""));
  REQUIRE(linted.with("never-true").size() == 1);
  CHECK(underlined(*linted.with("never-true")[0]) == "impossible");
}

TEST_CASE("lint: declarations and values nothing uses") {
  auto text = plans_prefix +
              "  holidays spare { 2026-12-25 }\n  communication email, fax\n  base unused_base\n"
              "  plan basic {\n    registers email, portal\n    hours week\n    talks email\n    respond P1, P2 within 4 working hours\n"
              "    includes e1\n  }\n"
              "  rules {\n    reject r \"R\" when kind = a\n  }\n}\n";
  auto linted = lint_text(text);
  INFO(linted.text());
  std::vector<std::string> unused;
  for (const auto* d : linted.with("unused-declaration")) unused.push_back(underlined(*d));
  std::sort(unused.begin(), unused.end());
  CHECK(unused == std::vector<std::string>{"all", "e2", "fax", "spare", "unused_base"});
  REQUIRE(linted.with("unused-value").size() == 1);
  CHECK(underlined(*linted.with("unused-value")[0]) == "b");
}

TEST_CASE("lint: acknowledgements, with a reason, silence one finding each") {
  auto base = plans_prefix +
              "  plan basic {\n    registers email, portal\n    hours week\n    respond P1, P2 within 4 working hours\n  }\n"
              "  rules {\n    reject r when kind = a\n  }\n}\n";
  auto plain = lint_text(base);
  CHECK(plain.with("rule-without-sentence").size() == 1);
  // Above the line it concerns, with a reason: silenced.
  std::string acked = base;
  acked.replace(acked.find("    reject r when"), 0, "    // lint: allow rule-without-sentence the id says it all\n");
  auto quiet = lint_text(acked);
  CHECK(quiet.with("rule-without-sentence").empty());
  CHECK(quiet.with("bad-acknowledgement").empty());
  // Without a reason: refused.
  std::string no_reason = base;
  no_reason.replace(no_reason.find("    reject r when"), 0, "    // lint: allow L0502\n");
  auto refused = lint_text(no_reason);
  CHECK(refused.with("rule-without-sentence").size() == 1);
  CHECK(refused.with("bad-acknowledgement").size() == 1);
  // An acknowledgement of something no longer there is stale.
  std::string stale = base;
  stale.replace(stale.find("    hours week\n"), 0, "    // lint: allow tier-regression nothing here\n");
  CHECK(lint_text(stale).with("bad-acknowledgement").size() == 1);
}

TEST_CASE("lint: --deny raises, --allow silences") {
  auto base = plans_prefix +
              "  plan basic {\n    registers email, portal\n    hours week\n    respond P1, P2 within 4 working hours\n  }\n"
              "  rules {\n    reject r when kind = a\n  }\n}\n";
  lint::Options deny;
  deny.deny = {"rule-without-sentence"};
  auto denied = lint_text(base, deny);
  REQUIRE(denied.with("L0502").size() == 1);
  CHECK(denied.with("L0502")[0]->severity == diag::Severity::error);
  lint::Options all;
  all.deny = {"warnings"};
  CHECK(lint_text(base, all).sink.has_errors());
  lint::Options allow;
  allow.allow = {"L0502"};
  CHECK(lint_text(base, allow).with("L0502").empty());
}

TEST_CASE("lint: the seed policies lint clean") {
  for (const char* file : {"policies/beesender.policy", "policies/aimaras.policy"}) {
    diag::Sink sink;
    auto unit = driver::load(file, driver::Stage::lower, sink);
    REQUIRE(unit.ok);
    lint::Options options;
    options.deny = {"warnings"};
    lint::lint(unit, options, sink);
    sink.finish();
    INFO(diag::render_all(sink.diagnostics(), diag::Format::text, "test"));
    CHECK(sink.diagnostics().empty());
  }
}

#include "lint/structure.h"

TEST_CASE("lint: the structural analysis agrees with deciding every case") {
  auto text = plans_prefix +
              "  plan basic {\n    registers email, portal\n    hours week\n    respond P1, P2 within 4 working hours\n  }\n"
              "  plan gold {\n    registers email\n    hours all\n    respond P1, P2 within 1 working hour\n  }\n"
              "  default plan basic\n"
              "  rules {\n"
              "    reject all_a \"A\" when kind = a\n"
              "    not_covered a_p1 \"A and P1\" when kind = a and p = P1\n"
              "    reject impossible \"never\" when kind = a and kind = b\n"
              "    reject fine \"B\" when kind = b and p = P2\n"
              "    reject portal_gold \"never\" when plan = gold and channel in plan.registers and channel = portal\n"
              "    reject wide \"either\" when (kind = b or p = P1) and not contact.authorized\n"
              "    limited narrow \"inside wide\" when kind = b and not contact.authorized\n"
              "  }\n}\n";
  diag::Sink sink;
  auto unit = driver::load_text("t.policy", text, driver::Stage::lower, sink);
  INFO(diag::render_all(sink.diagnostics(), diag::Format::text, "test"));
  REQUIRE(unit.ok);
  auto s = lint::analyze_structure(*unit.checked);
  auto index = [&](const std::string& id) {
    for (std::size_t r = 0; r < unit.checked->rules.size(); ++r) {
      if (unit.checked->rules[r].id == id) return r;
    }
    FAIL("no rule " << id);
    return std::size_t{0};
  };
  CHECK(s.rules[index("a_p1")].beaten_by == static_cast<int>(index("all_a")));
  CHECK(s.rules[index("impossible")].never_true);
  CHECK(s.rules[index("portal_gold")].never_true);   // gold does not register the portal
  CHECK(s.rules[index("narrow")].beaten_by == static_cast<int>(index("wide")));
  CHECK(s.rules[index("fine")].beaten_by < 0);
  CHECK_FALSE(s.rules[index("fine")].never_true);
  CHECK(s.rules[index("wide")].beaten_by < 0);
  // The same policy through lint, deciding every case, finds the same.
  auto linted = lint_text(text);
  std::vector<std::string> shadowed, never;
  for (const auto* d : linted.with("shadowed-rule")) shadowed.push_back(underlined(*d));
  for (const auto* d : linted.with("never-true")) never.push_back(underlined(*d));
  std::sort(shadowed.begin(), shadowed.end());
  std::sort(never.begin(), never.end());
  CHECK(shadowed == std::vector<std::string>{"a_p1", "narrow"});
  CHECK(never == std::vector<std::string>{"impossible", "portal_gold"});
}
