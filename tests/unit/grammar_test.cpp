#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>
#include <tao/pegtl/visit.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "syntax/grammar.h"
#include "test_support.h"

using clause::testing_support::check_text;
using clause::testing_support::policy_with;
using clause::driver::Stage;

namespace {

template <typename Rule>
struct collect_name {
  static void visit(std::set<std::string>& names) {
    std::string name(tao::pegtl::demangle<Rule>());
    const std::string prefix = "clause::syntax::grammar::";
    if (name.rfind(prefix, 0) != 0) return;
    std::string rest = name.substr(prefix.size());
    // Keyword helpers (detail::word<...>) are not grammar rules.
    if (rest.find("::") != std::string::npos || rest.find('<') != std::string::npos) return;
    names.insert(rest);
  }
};

std::set<std::string> peg_rule_names() {
  std::ifstream in(std::string(CLAUSE_SOURCE_DIR) + "/grammar/clause.peg");
  REQUIRE(in);
  std::set<std::string> names;
  std::string line;
  std::regex rule(R"(^([A-Za-z_][A-Za-z0-9_]*)\s*<-)");
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_search(line, m, rule)) names.insert(m[1]);
  }
  return names;
}

}  // namespace

TEST_CASE("grammar: clause.peg and the PEGTL grammar have the same rules") {
  std::set<std::string> pegtl_names;
  tao::pegtl::visit<clause::syntax::grammar::file, collect_name>(pegtl_names);
  std::set<std::string> peg_names = peg_rule_names();
  std::vector<std::string> only_pegtl, only_peg;
  std::set_difference(pegtl_names.begin(), pegtl_names.end(), peg_names.begin(), peg_names.end(),
                      std::back_inserter(only_pegtl));
  std::set_difference(peg_names.begin(), peg_names.end(), pegtl_names.begin(), pegtl_names.end(),
                      std::back_inserter(only_peg));
  INFO("rules only in grammar.h: " << Catch::Detail::stringify(only_pegtl));
  INFO("rules only in clause.peg: " << Catch::Detail::stringify(only_peg));
  CHECK(only_pegtl.empty());
  CHECK(only_peg.empty());
  CHECK(peg_names.size() > 150);
}

TEST_CASE("grammar: PEGTL finds no rule that can loop without consuming input") {
  CHECK(tao::pegtl::analyze<clause::syntax::grammar::file>() == 0);
}

TEST_CASE("grammar: accepted snippets") {
  const char* members[] = {
      "hours split = Mon-Fri 09:00-13:00, 14:00-18:00; Sat 10:00-14:00",
      "hours wrap = Fri-Mon 08:00-20:00",
      "hours days = Sat, Sun 10:00-16:00",
      "hours late = Mon-Sun 00:00-24:00",
      "holidays h { 2026-01-01 \"New year\", 2026-12-25 }\nhours w2 = Mon-Fri 09:00-18:00 except h",
      "zones GMT+3, UTC+03:30, GMT-2, Europe/Kyiv, Etc/GMT-3",
      "entitlements { a \"A\" b }\nplan p { price free\n registers email\n hours weekdays\n respond P1..P3 within 90 working minutes\n includes a, b }",
      "plan p { price 500 USD per month\n registers email, portal\n hours 24/7\n respond P1 within 1 calendar day\n respond P2, P3 within 2.5 calendar hours }",
      "plan p { registers email\n hours weekdays\n respond P1 within 4 working hours\n no target for P2..P3 }",
      "rules { reject r1 \"x\" when not (category = request or priority >= P2) and channel in email, portal }",
      "rules { lower l \"x\" when category = request to P2 }",
      "// a comment\nrules { reject r \"x\" when priority != P1 } // trailing comment",
  };
  for (const char* member : members) {
    auto text = policy_with(member);
    auto result = check_text(text, Stage::parse);
    INFO(member << "\n" << result.text());
    CHECK_FALSE(result.sink.has_errors());
  }
}

TEST_CASE("grammar: rejected snippets say what was expected") {
  struct Row {
    const char* member;
    const char* message;   // part of the first error's message
    const char* under;     // the text under the caret
  };
  const Row rows[] = {
      {"hours h = Mon-Fry 09:00-18:00", "expected a weekday range like Mon-Fri", "Fry"},
      {"hours h = Mon-Fri 9:00-18:00", "expected a time window like 09:00-18:00", "9:00-18:00"},
      {"hours h = Mon-Fri 09:00-6pm", "expected the closing time", "6pm"},
      {"plan p { repsond P1 within 1 working hour }", "expected a plan term", "repsond"},
      {"plan p { respond P1 within 1 wrking hour }", "expected `working`, `calendar` or `business`", "wrking"},
      {"plan p { respond P1 in 1 working hour }", "expected `within` and a time", "in"},
      {"plan p { price 10 % of x }", "expected a price", "10"},
      {"plan p \"unterminated { }", "unterminated text", "\n"},
      {"rules { rejct r \"x\" when priority = P1 }", "expected a rule", "rejct"},
      {"rules { reject r \"x\" priority = P1 }", "expected `when` and a condition", "priority"},
      {"rules { reject r \"x\" when (priority = P1 }", "expected `)`", "}"},
      {"rules { reject r \"x\" when priority = P1 and }", "expected a condition after `and`", "}"},
      {"rules { outside r \"x\" when priority = P1 }", "expected `plan` or `guarantee`", "r"},
      {"case2 { }", "expected a declaration", "case2"},
      {"guarantee { lasts by x { below 25000: 30 calendar days } }", "expected an amount with its currency", "25000"},
      {"test \"t\" { case {\"a\" 1} expect covered }", "expected `:` after the key", "1"},
      {"test \"t\" { case {\"a\": 1} expect coverd }", "expected an outcome", "coverd"},
  };
  for (const auto& row : rows) {
    auto result = check_text(policy_with(row.member), Stage::parse);
    INFO(row.member << "\n" << result.text());
    REQUIRE(result.sink.has_errors());
    const auto& first = result.sink.diagnostics().front();
    CHECK(first.code->id == "E0001");
    CHECK_THAT(first.message, Catch::Contains(row.message));
    if (std::string(row.under) != "\n") CHECK(result.underlined() == row.under);
  }
}

TEST_CASE("grammar: a misspelt keyword gets a suggestion") {
  auto result = check_text(policy_with("plan p { respond P1 within 1 wrking hour }"), Stage::parse);
  REQUIRE(result.sink.has_errors());
  CHECK(result.sink.diagnostics().front().help == "did you mean `working`?");
}

TEST_CASE("grammar: parsing resumes at the next declaration after an error") {
  auto result = check_text(policy_with("plan a { contacts five }\nplan b { hours Mon-Fry 09:00-18:00 }\nrules { rejct x }"),
                           Stage::parse);
  CHECK(result.sink.error_count() == 3);
}

TEST_CASE("grammar: comments are kept in the tree") {
  auto result = check_text("// head\npolicy t { // after\n  currency USD // money\n}\n", Stage::parse);
  REQUIRE(result.unit.ast);
  const auto& comments = result.unit.ast->comments;
  REQUIRE(comments.size() == 3);
  CHECK(comments[0].text == "// head");
  CHECK(comments[0].own_line);
  CHECK(comments[2].text == "// money");
  CHECK_FALSE(comments[2].own_line);
}

TEST_CASE("grammar: trees compare equal whatever the layout") {
  auto a = check_text("policy t {\n  currency USD\n  zones GMT+3,GMT-2\n}\n", Stage::parse);
  auto b = check_text("policy t { currency USD zones GMT+3, GMT-2 }", Stage::parse);
  REQUIRE(a.unit.ast);
  REQUIRE(b.unit.ast);
  CHECK(*a.unit.ast == *b.unit.ast);
  auto c = check_text("policy t { currency EUR zones GMT+3, GMT-2 }", Stage::parse);
  CHECK_FALSE(*a.unit.ast == *c.unit.ast);
}

TEST_CASE("grammar: hostile text is refused cleanly") {
  CHECK(check_text("policy t { currency USD \x01\xff }", Stage::parse).has("E0003"));
  CHECK(check_text(std::string("policy t {\0}", 12), Stage::parse).has("E0003"));
  std::string deep = "policy t { rules { reject r \"x\" when " + std::string(10000, '(') + "priority = P1" +
                     std::string(10000, ')') + " } }";
  auto nested = check_text(deep, Stage::parse);
  CHECK(nested.has("E0002"));
  CHECK_FALSE(check_text("", Stage::parse).unit.ok);
  CHECK_FALSE(check_text("// only a comment\n", Stage::parse).unit.ok);
  // Windows line endings and a byte order mark are fine.
  auto crlf = check_text("\xEF\xBB\xBFpolicy t {\r\n  currency USD\r\n}\r\n", Stage::parse);
  INFO(crlf.text());
  CHECK(crlf.unit.ok);
}
