// Hostile and broken input (issue: nothing crashes, nothing is lost): each
// gets a clear error or a correct decision, in bounded time and memory.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "caseio/evaluate.h"
#include "caseio/lines.h"
#include "calendar/timestamp.h"
#include "test_support.h"

using namespace clause;
using testing_support::check_text;

namespace {

std::string first_message(const testing_support::Checked& c) {
  return c.sink.diagnostics().empty() ? "" : c.sink.diagnostics().front().message;
}

// A small valid policy around `body`, with a plan whose P1 target is `target`.
std::string small_policy(const std::string& body, const std::string& target = "4 working hours",
                         const std::string& hours = "Mon-Fri 09:00-18:00") {
  return R"(policy t {
  currency USD
  case {
    channel: email
    p: P1 > P2
  }
  urgency p
  hours h = )" + hours + "\n" + body + R"(  plan basic {
    registers email
    hours h
    respond P1, P2 within )" + target + R"(
  }
  default plan basic
}
)";
}

caseio::Evaluator evaluator_for(const std::string& policy_text) {
  diag::Sink sink;
  auto unit = driver::load_text("t.policy", policy_text, driver::Stage::lower, sink);
  INFO(diag::render_all(sink.diagnostics(), diag::Format::text, "test"));
  REQUIRE(unit.ok);
  return caseio::Evaluator({unit.program});
}

std::string decide(const std::string& policy_text, const std::string& json) {
  caseio::Evaluator evaluator = evaluator_for(policy_text);
  return testing_support::evaluate_line(evaluator, json);
}

const std::string contact = R"("channel":"email","contact":{"role":"admin","authorized":true},"p":"P1")";

}  // namespace

TEST_CASE("hostile policies: empty, comments only, one huge line") {
  CHECK_THAT(first_message(check_text("")), Catch::Contains("expected a policy"));
  CHECK_THAT(first_message(check_text("// nothing but a comment\n// and another\n")), Catch::Contains("expected a policy"));
  // 10 MB in one comment: fine.
  auto comment = check_text("policy t { // " + std::string(10 << 20, 'x') + "\n}", driver::Stage::parse);
  CHECK(comment.unit.ok);
  // 10 MB of words on one line: one error where they start (and the policy
  // is then not closed), not millions.
  std::string words;
  for (int i = 0; i < (5 << 20); ++i) words += "x ";
  auto garbage = check_text("policy t { " + words + "}", driver::Stage::parse);
  CHECK(garbage.sink.error_count() <= 2);
  CHECK_THAT(first_message(garbage), Catch::Contains("expected a declaration"));
}

TEST_CASE("hostile policies: very long names, very many plans, very long extends chains") {
  std::string long_name(100000, 'n');
  auto named = check_text("policy " + long_name + " {\n  currency USD\n}\n", driver::Stage::parse);
  REQUIRE(named.unit.ok);
  CHECK(named.unit.ast->name.text.size() == 100000);

  // 100,000 plans, each extending the one before: no recursion runs this deep.
  std::string plans;
  plans.reserve(100000 * 40);
  plans += "  plan p0 {\n    registers email\n    hours h\n    respond P1, P2 within 4 working hours\n  }\n";
  for (int i = 1; i < 100000; ++i) plans += "  plan p" + std::to_string(i) + " extends p" + std::to_string(i - 1) + " {\n  }\n";
  auto many = check_text(small_policy(plans));
  INFO(many.text());
  CHECK(many.unit.ok);
  CHECK(many.unit.checked->plans.size() == 100001);
}

TEST_CASE("hostile policies: two files defining the same policy") {
  namespace fs = std::filesystem;
  testing_support::ScratchDir scratch;
  const fs::path& dir = scratch.path();
  std::ofstream(dir / "a.policy") << small_policy("");
  std::ofstream(dir / "b.policy") << small_policy("");
  diag::Sink sink;
  driver::load_all({dir.string()}, driver::Stage::lower, sink);
  bool found = false;
  for (const auto& d : sink.diagnostics()) found = found || d.code->id == "E0120";
  CHECK(found);
}

TEST_CASE("hostile policies: hours that are never open, or closed for a whole year") {
  CHECK(check_text(small_policy("", "4 working hours", "Mon 09:00-09:00")).has("E0108"));
  // Every day of 2026 a holiday: a case on 2026-06-01 waits for 2027's first working day.
  std::string holidays = "  holidays year {\n";
  for (int d = 0; d < 365; ++d) {
    holidays += "    " + calendar::format_date(date::local_days(date::year(2026) / 1 / 1) + date::days(d)) + "\n";
  }
  holidays += "  }\n";
  std::string policy = small_policy(holidays, "4 working hours", "Mon-Fri 09:00-18:00 except year");
  auto out = decide(policy, R"({"opened_at":"2026-06-01T10:00:00Z","zone":"UTC",)" + contact + "}");
  CHECK_THAT(out, Catch::Contains(R"("due":"2027-01-01T13:00:00+00:00")"));
}

TEST_CASE("hostile cases: a 100,000-hour target, years 0000 and 9999") {
  auto far = decide(small_policy("", "100000 working hours"),
                    R"({"opened_at":"2026-11-27T17:30:00Z","zone":"UTC",)" + contact + "}");
  CHECK_THAT(far, Catch::Contains(R"("within_hours":100000)"));
  CHECK_THAT(far, Catch::Contains(R"("due":"2069-)"));
  auto zero = decide(small_policy(""), R"({"opened_at":"0000-01-03T10:00:00Z","zone":"UTC",)" + contact + "}");
  CHECK_THAT(zero, Catch::Contains(R"("outcome":"covered")"));
  CHECK_THAT(zero, Catch::Contains(R"("due":"0000-01-03T14:00:00+00:00")"));
  // A deadline after 9999 cannot be written: no response, and a warning says why.
  auto end = decide(small_policy("", "100 working hours"), R"({"opened_at":"9999-12-31T10:00:00Z","zone":"UTC",)" + contact + "}");
  CHECK_THAT(end, Catch::Contains(R"("response":null)"));
  CHECK_THAT(end, Catch::Contains("falls after the year 9999"));
}

TEST_CASE("hostile cases: deep nesting, huge numbers, -0") {
  std::string policy = small_policy("");
  std::string deep = R"({"opened_at":"2026-11-27T17:30:00Z","zone":"UTC","id":)" + std::string(10000, '[') +
                     std::string(10000, ']') + "," + contact + "}";
  auto nested = decide(policy, deep);
  CHECK_THAT(nested, Catch::Contains(R"("outcome":"invalid")"));
  CHECK(std::count(nested.begin(), nested.end(), '\n') == 1);
  auto huge = decide(policy, R"({"opened_at":"2026-11-27T17:30:00Z","zone":"UTC","x":1e99999,)" + contact + "}");
  CHECK_THAT(huge, Catch::Contains(R"("outcome":"invalid")"));
}

TEST_CASE("hostile cases: a line longer than the limit is one invalid case, and the stream goes on") {
  std::string good = R"({"opened_at":"2026-11-27T17:30:00Z","zone":"UTC",)" + contact + "}";
  std::string big = "{\"id\":\"" + std::string(caseio::max_line_bytes + 1000, 'a') + "\"}";
  caseio::Evaluator evaluator = evaluator_for(small_policy(""));
  std::string out;
  CHECK(testing_support::evaluate_stream(evaluator, good + "\n" + big + "\n" + good, out) == 3);
  CHECK_THAT(out, Catch::Contains("longer than 16 MB"));
  CHECK(std::count(out.begin(), out.end(), '\n') == 3);
  std::string last = out.substr(out.rfind('\n', out.size() - 2) + 1);
  CHECK_THAT(last, Catch::Contains("\"outcome\":\"covered\""));
}
