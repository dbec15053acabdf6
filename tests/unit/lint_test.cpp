// Each lint rule finds what it should, says it at the right place, and is
// quiet on a policy without the problem.
#include <catch2/catch.hpp>

#include <algorithm>

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
  // The texts under the carets of the findings with `code`, sorted.
  std::vector<std::string> underlined_by(std::string_view code) const {
    std::vector<std::string> out;
    for (const auto* d : with(code)) out.emplace_back(d->file->slice(d->span));
    std::sort(out.begin(), out.end());
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
  return R"(policy t {
  currency USD
  case {
    channel: email
    p: P1 > P2
    project: {
      budget: money
      done: date
    }
  }
  urgency p
  registers email
  guarantee {
    starts after project.done
    lasts by project.budget {
)" + bands + R"(    }
  }
}
)";
}

const std::string plans_prefix =
    R"(policy t {
  currency USD
  case {
    channel: email | portal
    p: P1 > P2
    kind: a | b
  }
  urgency p
  hours week = Mon-Fri 09:00-18:00
  hours all = 24/7
  entitlements {
    e1 "One"
    e2 "Two"
  }
)";

}  // namespace

TEST_CASE("lint: band gaps and overlaps, at the exact boundary too") {
  auto clean = lint_text(with_bands(R"(      below 25000 USD: 30 calendar days
      25000 USD to 75000 USD: 60 calendar days
      above 75000 USD: 90 calendar days
)"));
  CHECK(clean.with("band-gap").empty());
  CHECK(clean.with("band-overlap").empty());

  // `below 25000` and `above 25000`: 25000 itself has no band.
  auto gap = lint_text(with_bands(R"(      below 25000 USD: 30 calendar days
      above 25000 USD: 90 calendar days
)"));
  REQUIRE(gap.with("band-gap").size() == 1);
  CHECK_THAT(gap.with("band-gap")[0]->message, Catch::Contains("25000 USD"));

  // A range that stops short of the next.
  auto hole = lint_text(with_bands(R"(      below 25000 USD: 30 calendar days
      30000 USD to 75000 USD: 60 calendar days
      above 75000 USD: 90 calendar days
)"));
  REQUIRE(hole.with("band-gap").size() == 1);
  CHECK_THAT(hole.with("band-gap")[0]->message, Catch::Contains("25000 USD"));

  // Two inclusive ranges share 75000.
  auto overlap = lint_text(with_bands(R"(      below 25000 USD: 30 calendar days
      25000 USD to 75000 USD: 60 calendar days
      75000 USD to 100000 USD: 90 calendar days
      above 100000 USD: 120 calendar days
)"));
  REQUIRE(overlap.with("band-overlap").size() == 1);
  CHECK_THAT(overlap.with("band-overlap")[0]->message, Catch::Contains("75000 USD falls in two bands"));
  CHECK(underlined(*overlap.with("band-overlap")[0]).starts_with("75000 USD to 100000 USD"));
}

TEST_CASE("lint: a plan above another must not be worse on any term") {
  auto text = plans_prefix +
              R"(  plan low {
    registers email, portal
    hours all
    contacts 5
    respond P1 within 1 working hour
    respond P2 within 4 working hours
    includes e1
  }
  plan high extends low {
    registers email
    hours week
    contacts 3
    respond P1 within 2 working hours
  }
}
)";
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
              R"(  plan basic {
    registers email, portal
    hours week
    respond P1, P2 within 4 working hours
  }
  default plan basic
  rules {
    reject all_a "A" when kind = a
    not_covered a_p1 "A and P1" when kind = a and p = P1
    reject impossible "never" when kind = a and kind = b
    reject fine "B" when kind = b and p = P2
  }
}
)";
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
              R"(  holidays spare { 2026-12-25 }
  communication email, fax
  base unused_base
  plan basic {
    registers email, portal
    hours week
    talks email
    respond P1, P2 within 4 working hours
    includes e1
  }
  rules {
    reject r "R" when kind = a
  }
}
)";
  auto linted = lint_text(text);
  INFO(linted.text());
  const auto unused = linted.underlined_by("unused-declaration");
  CHECK(unused == std::vector<std::string>{"all", "e2", "fax", "spare", "unused_base"});
  REQUIRE(linted.with("unused-value").size() == 1);
  CHECK(underlined(*linted.with("unused-value")[0]) == "b");
}

TEST_CASE("lint: acknowledgements, with a reason, silence one finding each") {
  auto base = plans_prefix +
              R"(  plan basic {
    registers email, portal
    hours week
    respond P1, P2 within 4 working hours
  }
  rules {
    reject r when kind = a
  }
}
)";
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
              R"(  plan basic {
    registers email, portal
    hours week
    respond P1, P2 within 4 working hours
  }
  rules {
    reject r when kind = a
  }
}
)";
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

namespace {

// A policy's structural analysis, with its rules found by id.
struct Analyzed {
  diag::Sink sink;
  driver::Unit unit;
  lint::Structure structure;

  int index(const std::string& id) const {
    for (std::size_t r = 0; r < unit.checked->rules.size(); ++r) {
      if (unit.checked->rules[r].id == id) return static_cast<int>(r);
    }
    FAIL("no rule " << id);
    return 0;
  }
  const lint::RuleReach& rule(const std::string& id) const {
    return structure.rules[static_cast<std::size_t>(index(id))];
  }
};

std::unique_ptr<Analyzed> analyze(const std::string& text) {
  auto out = std::make_unique<Analyzed>();
  out->unit = driver::load_text("t.policy", text, driver::Stage::lower, out->sink);
  INFO(diag::render_all(out->sink.diagnostics(), diag::Format::text, "test"));
  REQUIRE(out->unit.ok);
  out->structure = lint::analyze_structure(*out->unit.checked);
  return out;
}

}  // namespace

TEST_CASE("lint: the structural analysis agrees with deciding every case") {
  auto text = plans_prefix +
              R"(  plan basic {
    registers email, portal
    hours week
    respond P1, P2 within 4 working hours
  }
  plan gold {
    registers email
    hours all
    respond P1, P2 within 1 working hour
  }
  default plan basic
  rules {
    reject all_a "A" when kind = a
    not_covered a_p1 "A and P1" when kind = a and p = P1
    reject impossible "never" when kind = a and kind = b
    reject fine "B" when kind = b and p = P2
    reject portal_gold "never" when plan = gold and channel in plan.registers and channel = portal
    reject wide "either" when (kind = b or p = P1) and not contact.authorized
    limited narrow "inside wide" when kind = b and not contact.authorized
  }
}
)";
  auto a = analyze(text);
  CHECK(a->rule("a_p1").beaten_by == a->index("all_a"));
  CHECK(a->rule("impossible").never_true);
  CHECK(a->rule("portal_gold").never_true);   // gold does not register the portal
  CHECK(a->rule("narrow").beaten_by == a->index("wide"));
  CHECK(a->rule("fine").beaten_by < 0);
  CHECK_FALSE(a->rule("fine").never_true);
  CHECK(a->rule("wide").beaten_by < 0);
  // The same policy through lint, deciding every case, finds the same.
  auto linted = lint_text(text);
  const auto shadowed = linted.underlined_by("shadowed-rule"), never = linted.underlined_by("never-true");
  CHECK(shadowed == std::vector<std::string>{"a_p1", "narrow"});
  CHECK(never == std::vector<std::string>{"impossible", "portal_gold"});
}

TEST_CASE("lint: the structural analysis finds rules that several earlier rules cover together") {
  auto text = plans_prefix +
              R"(  plan basic {
    registers email, portal
    hours week
    respond P1, P2 within 4 working hours
  }
  default plan basic
  rules {
    reject b_p1 "B, P1" when kind = b and p = P1
    not_covered b_p2 "B, P2" when kind = b and p = P2
    limited all_b "all B" when kind = b
    reject a_auth "A, authorized" when kind = a and contact.authorized
    reject a_email "A by email" when kind = a and not contact.authorized and channel = email
    limited a_any "A" when kind = a
    reject a_rest "A, unauthorized, portal" when kind = a and channel = portal
    limited either "one of two" when (kind = a and p = P1) or (kind = b and contact.authorized)
  }
}
)";
  auto a = analyze(text);
  CHECK(a->rule("all_b").beaten_by < 0);
  CHECK(a->rule("all_b").beaten_together == std::vector<int>{a->index("b_p1"), a->index("b_p2")});
  // Authorized or by email are covered, unauthorized through the portal is not.
  CHECK(a->rule("a_any").beaten_together.empty());
  CHECK(a->rule("a_any").beaten_by < 0);
  CHECK(a->rule("a_rest").beaten_by == a->index("a_any"));
  // Each of its two conjunctions is covered by a different rule.
  CHECK(!a->rule("either").beaten_together.empty());
  // Deciding every case finds the same rules.
  auto linted = lint_text(text);
  const auto shadowed = linted.underlined_by("shadowed-rule");
  CHECK(shadowed == std::vector<std::string>{"a_rest", "all_b", "either"});

  // One earlier rule whose conjunctions hold the later rule only together.
  auto split = plans_prefix +
               R"(  plan basic {
    registers email, portal
    hours week
    respond P1, P2 within 4 working hours
  }
  default plan basic
  rules {
    reject by_p "A, either P" when (kind = a and p = P1) or (kind = a and p = P2)
    limited all_a "all A" when kind = a
  }
}
)";
  auto b = analyze(split);
  CHECK(b->rule("all_a").beaten_by == b->index("by_p"));
  CHECK(b->rule("all_a").beaten_together.empty());
}

#include <random>
#include <set>

TEST_CASE("lint: on random policies, what the structural analysis reports, deciding every case reports too") {
  // Small policies, so that every kind of case can be decided: the
  // structural analysis (used for large ones) must never report a rule that
  // deciding every case shows can decide, and should find most of the rest.
  const std::vector<std::string> atoms = {
      "kind = a", "kind = b", "kind in a, b", "kind in b, c", "p > P2", "p <= P2", "p = P3", "contact.authorized",
      "contact.role = user", "facts has x", "facts has y", "budget < 100 USD", "budget >= 50 USD", "budget > 100 USD",
      "channel = email"};
  std::mt19937 random(20261126);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  auto atom = [&] { return (pick(4) == 0 ? "not " : "") + atoms[pick(atoms.size())]; };
  auto condition = [&] {
    std::string out;
    const std::size_t terms = 1 + pick(2);
    for (std::size_t t = 0; t < terms; ++t) {
      std::string term = atom();
      for (std::size_t k = pick(3); k > 0; --k) term += " and " + atom();
      out += (t ? " or (" : "(") + term + ")";
    }
    return out;
  };
  const char* actions[] = {"reject", "not_covered", "limited"};
  int reported = 0, confirmed = 0, found_by_deciding = 0;
  for (int n = 0; n < 150; ++n) {
    std::string text =
        R"(policy t {
  currency USD
  case {
    channel: email | portal
    p: P1 > P2 > P3
    kind: a | b | c
    facts: set of x | y = {}
    budget: money
  }
  urgency p
  hours week = Mon-Fri 09:00-18:00
  plan basic {
    registers email, portal
    hours week
    respond P1, P2, P3 within 4 working hours
  }
  default plan basic
  rules {
)";
    const std::size_t rules = 3 + pick(4);
    for (std::size_t r = 0; r < rules; ++r) {
      text += "    " + std::string(actions[pick(3)]) + " r" + std::to_string(r) + " \"rule\" when " + condition() + "\n";
    }
    text += "  }\n}\n";
    INFO(text);
    auto a = analyze(text);
    auto linted = lint_text(text);
    const auto shadowed_ids = linted.underlined_by("shadowed-rule"), never_ids = linted.underlined_by("never-true");
    const std::set<std::string> shadowed(shadowed_ids.begin(), shadowed_ids.end()), never(never_ids.begin(), never_ids.end());
    found_by_deciding += static_cast<int>(shadowed.size());
    for (std::size_t r = 0; r < a->unit.checked->rules.size(); ++r) {
      const std::string id = a->unit.checked->rules[r].id;
      const lint::RuleReach& reach = a->structure.rules[r];
      if (reach.never_true) CHECK(never.count(id) == 1);
      if (reach.beaten_by >= 0 || !reach.beaten_together.empty()) {
        ++reported;
        CHECK(shadowed.count(id) == 1);
        confirmed += static_cast<int>(shadowed.count(id));
      }
    }
  }
  INFO(reported << " reported structurally, " << found_by_deciding << " by deciding every case");
  CHECK(reported == confirmed);
  // Deciding every case tries amounts only at the policy's own boundaries, and
  // so may see shadowing that real amounts between them would break; the
  // structural analysis still finds most of what it finds.
  CHECK(reported * 10 >= found_by_deciding * 8);
}

