// Reading cases: every malformed case is one `invalid` decision whose errors
// name the field and say what was expected (CONTRACT.md 1 and 6).
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "caseio/evaluate.h"
#include "caseio/lines.h"
#include "caseio/names.h"
#include "caseio/reference.h"
#include "caseio/write.h"
#include "driver/driver.h"
#include "test_support.h"
#include "space/space.h"

using namespace clause;

namespace {

using testing_support::seed_programs;

std::string decide(caseio::Evaluator& evaluator, const std::string& json) {
  return testing_support::evaluate_line(evaluator, json);
}

const std::string good =
    R"({"id":"c1","policy":"beesender","opened_at":"2026-11-25T10:00:00+03:00","zone":"GMT+3","channel":"email","contact":{"role":"admin","authorized":true},"category":"incident","priority":"P2","topic":"product"})";

// `good` with `from` replaced by `to`.
std::string with(const std::string& from, const std::string& to) {
  std::string s = good;
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("caseio: a valid case is decided") {
  caseio::Evaluator evaluator(seed_programs());
  auto out = decide(evaluator, good);
  CHECK_THAT(out, Catch::StartsWith(R"({"id":"c1","policy":"beesender","revision":")"));
  CHECK_THAT(out, Catch::Contains(R"("outcome":"covered")"));
  CHECK(out.back() == '\n');
  CHECK(std::count(out.begin(), out.end(), '\n') == 1);
}

TEST_CASE("caseio: malformed cases name the field and what was expected") {
  caseio::Evaluator evaluator(seed_programs());
  struct Row {
    const char* why;
    std::string json;
    std::string field;
    std::string message;   // part of the message
  };
  const std::vector<Row> rows = {
      {"blank line", "", "$", "empty"},
      {"not an object", "[1,2]", "$", "expected a case as a JSON object"},
      {"cut off", good.substr(0, 60), "$", "JSON"},
      {"two objects on one line", good + " {}", "$", "unexpected text after"},
      {"unknown field, with a suggestion", with(R"("topic")", R"("topc")"), "topc", "did you mean `topic`"},
      {"unknown field inside contact", with(R"("authorized":true)", R"("authorized":true,"name":"x")"), "contact.name", "unknown field"},
      {"duplicate key", with(R"("zone":"GMT+3")", R"("zone":"GMT+3","zone":"GMT+2")"), "zone", "duplicate key"},
      {"missing opened_at", with(R"("opened_at":"2026-11-25T10:00:00+03:00",)", ""), "opened_at", "missing required field"},
      {"missing zone", with(R"("zone":"GMT+3",)", ""), "zone", "missing required field"},
      {"missing priority", with(R"(,"priority":"P2")", ""), "priority", "missing required field: expected one of P1, P2, P3 or P4"},
      {"missing contact.authorized", with(R"(,"authorized":true)", ""), "contact.authorized", "missing required field"},
      {"value not declared", with(R"("channel":"email")", R"("channel":"phone")"), "channel", "expected one of chatbot, email or portal, got"},
      {"wrong type", with(R"("priority":"P2")", R"("priority":2)"), "priority", "got a number"},
      {"non-string id", with(R"("id":"c1")", R"("id":7)"), "id", "expected text"},
      {"unknown plan", with(R"("zone")", R"("plan":"gold","zone")"), "plan", "unknown plan"},
      {"zone not listed", with(R"("zone":"GMT+3")", R"("zone":"GMT+5")"), "zone", "not one this policy serves"},
      {"IANA name is not an offset", with(R"("zone":"GMT+3")", R"("zone":"Etc/GMT-3")"), "zone", "not one this policy serves"},
      {"unknown zone", with(R"("zone":"GMT+3")", R"("zone":"Mars/Base")"), "zone", ""},
      {"no offset", with("2026-11-25T10:00:00+03:00", "2026-11-25T10:00:00"), "opened_at", "offset"},
      {"leap second", with("2026-11-25T10:00:00+03:00", "2026-12-31T23:59:60Z"), "opened_at", ""},
      {"facts must be an array", with(R"("topic":"product")", R"("topic":"product","facts":"modified_package")"), "facts", "expected an array"},
      {"a fact not declared", with(R"("topic":"product")", R"("topic":"product","facts":["other"])"), "facts[0]", "expected one of modified_package"},
      {"unknown policy", with(R"("policy":"beesender")", R"("policy":"acme")"), "policy", "unknown policy"},
      {"authorized must be a bool", with(R"("authorized":true)", R"("authorized":"yes")"), "contact.authorized", "expected true or false"},
      {"a plan that is neither text nor null", with(R"("zone")", R"("plan":nul,"zone")"), "plan", "expected a plan id as text, or null, got nul"},
      {"a plan that is a number", with(R"("zone")", R"("plan":3,"zone")"), "plan", "expected a plan id as text, or null, got a number"},
      {"a key that is only a prefix", with(R"("topic")", R"("topi")"), "topi", "did you mean `topic`"},
      {"a key longer than any declared", with(R"("topic")", R"("topic_of_the_case_as_written")"), "topic_of_the_case_as_written", "unknown field"},
      {"a value differing in its middle only", with(R"("channel":"email")", R"("channel":"emoil")"), "channel", R"(got \"emoil\")"},
  };
  for (const auto& row : rows) {
    auto out = decide(evaluator, row.json);
    INFO(row.why << "\n" << row.json << "\n" << out);
    CHECK_THAT(out, Catch::Contains(R"("outcome":"invalid")"));
    CHECK_THAT(out, Catch::Contains(R"({"field":")" + row.field + R"(","message":")"));
    if (!row.message.empty()) CHECK_THAT(out, Catch::Contains(row.message));
    CHECK(std::count(out.begin(), out.end(), '\n') == 1);
  }
}

TEST_CASE("caseio: an invalid case echoes its id, policy and revision") {
  caseio::Evaluator evaluator(seed_programs());
  auto out = decide(evaluator, with(R"("channel":"email")", R"("channel":"fax")"));
  CHECK_THAT(out, Catch::StartsWith(R"({"id":"c1","policy":"beesender","revision":")"));
  CHECK_THAT(out, Catch::Contains(R"("priority":null,"response":null,"targets":[],"entitlements":[],"reasons":[],"warnings":[])"));
}

TEST_CASE("caseio: several policies need the case to name one, or --policy") {
  auto programs = seed_programs();
  caseio::Evaluator evaluator(programs);
  auto out = decide(evaluator, with(R"("policy":"beesender",)", ""));
  CHECK_THAT(out, Catch::Contains(R"({"field":"policy","message":"missing required field)"));
  caseio::Evaluator forced(programs, "beesender");
  CHECK_THAT(decide(forced, with(R"("policy":"beesender",)", "")), Catch::Contains(R"("outcome":"covered")"));
  caseio::Evaluator wrong(programs, "acme");
  CHECK_THAT(wrong.setup_error(), Catch::Contains("--policy `acme`"));
}

TEST_CASE("caseio: money is read exactly, from numbers and strings") {
  auto programs = seed_programs();
  caseio::Evaluator evaluator(programs, "aimaras");
  auto partner = [&](const std::string& budget) {
    return decide(evaluator,
                  R"({"opened_at":"2026-12-01T12:00:00+03:00","zone":"GMT+3","channel":"email","topic":"general","contact":{"role":"admin","authorized":true},"severity":"C","cause":"bug","project":{"budget":)" +
                      budget + R"(,"completed_on":"2026-10-01"}})");
  };
  CHECK_THAT(partner("75000"), Catch::Contains(R"("outcome":"billable")"));
  CHECK_THAT(partner("7.5e4"), Catch::Contains(R"("outcome":"billable")"));
  CHECK_THAT(partner("75000.000000000001"), Catch::Contains(R"("basis":"guarantee")"));
  CHECK_THAT(partner("\"75000.01 USD\""), Catch::Contains(R"("basis":"guarantee")"));
  CHECK_THAT(partner("1e400"), Catch::Contains(R"("basis":"guarantee")"));
  for (const char* bad : {"\"60,000\"", "\"$60000\"", "\"7.5e4\"", "-1", "\"60000 EUR\"", "true", "\"\""}) {
    auto out = partner(bad);
    INFO(bad << "\n" << out);
    CHECK_THAT(out, Catch::Contains(R"({"field":"project.budget")"));
  }
}

TEST_CASE("caseio: every input line is one case, a blank or cut-off last line too") {
  std::string input = good + "\n\n" + good + "\r\n" + good.substr(0, 40);
  caseio::Evaluator evaluator(seed_programs());
  std::string out;
  CHECK(testing_support::evaluate_stream(evaluator, input, out) == 4);
  CHECK(std::count(out.begin(), out.end(), '\n') == 4);
  std::size_t valid = 0;
  for (std::size_t at = out.find("\"outcome\":\"covered\""); at != std::string::npos; at = out.find("\"outcome\":\"covered\"", at + 1)) ++valid;
  CHECK(valid == 2);
}

TEST_CASE("caseio: one object over several lines is one case") {
  std::string input = "{\n  \"id\": \"pretty\",\n" + good.substr(good.find("\"policy\"") - 0) + "\n";
  input.insert(input.find("\"policy\""), "  ");
  caseio::Evaluator evaluator(seed_programs());
  std::string out;
  CHECK(testing_support::evaluate_stream(evaluator, input, out) == 1);
  CHECK_THAT(out, Catch::Contains(R"("id":"pretty")"));
}

TEST_CASE("caseio: within_hours is written exactly") {
  using std::chrono::microseconds;
  CHECK(caseio::format_hours(std::chrono::hours(4)) == "4");
  CHECK(caseio::format_hours(std::chrono::minutes(30)) == "0.5");
  CHECK(caseio::format_hours(std::chrono::minutes(90)) == "1.5");
  CHECK(caseio::format_hours(std::chrono::hours(720)) == "720");
  CHECK(caseio::format_hours(std::chrono::minutes(1)) == "0.016667");
}

TEST_CASE("caseio: a NameTable finds exactly the names it holds") {
  caseio::NameTable table;
  CHECK(table.find("x") == -1);   // empty
  // Lengths on each side of the 3, 4, 8 and 16 byte boundaries of the look-up,
  // names that share their first and last bytes, and enough to grow the table.
  const std::vector<std::string> names = {"",         "a",        "ab",           "abc",          "abcd",
                                          "abcde",    "abcdefg",  "abcdefgh",     "abcdefghi",    "abcdefghijklmno",
                                          "abcdefghijklmnop",     "abcdefghijklmnopq", "aXc",     "abXd",
                                          "abcdXfgh", "abcdefghiXklmnop", "abcdefghijklmnopX", "abcdefghXjklmnopq"};
  for (std::size_t i = 0; i < names.size(); ++i) table.add(names[i], static_cast<int>(i));
  CHECK(table.size() == names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    INFO(names[i]);
    CHECK(table.find(names[i]) == static_cast<int>(i));
  }
  for (std::string_view absent : {"b", "abd", "abce", "abcdefgX", "Xbcdefghijklmnop", "abcdefghijklmnopqr", "abcdefghijklmnoq"}) {
    INFO(absent);
    CHECK(table.find(absent) == -1);
  }
  table.add("abc", 99);   // the first value stays
  CHECK(table.find("abc") == 3);
  CHECK(table.size() == names.size());
}

TEST_CASE("caseio: the fast decision writer writes what the plain one does") {
  std::size_t compared = 0;
  auto check_all = [&](caseio::Evaluator& evaluator, const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
      std::string fast;
      const caseio::Decided& decided = evaluator.decide(line, &fast);
      if (!decided.valid()) continue;
      INFO(line);
      REQUIRE(fast == caseio::reference_decision(*decided.program, *decided.c, decided.decision));
      ++compared;
    }
  };
  // Every kind of case of each seed (the differ's case space, times varied).
  diag::Sink sink;
  for (const auto& unit : driver::load_all({"policies"}, driver::Stage::lower, sink)) {
    space::SpaceOptions options;
    options.limit = 40'000;
    space::CaseSpace space({&*unit.checked}, options);
    std::vector<std::string> lines;
    for (std::uint64_t i = 0; i < space.size(); ++i) lines.push_back(space.case_json(i));
    caseio::Evaluator evaluator({unit.program}, unit.program->name);
    check_all(evaluator, lines);
  }
  // The golden cases and the sample cases.
  std::vector<std::string> lines;
  for (const auto& entry : std::filesystem::directory_iterator("tests/eval")) {
    if (entry.path().extension() != ".jsonl" || entry.path().string().ends_with(".expected.jsonl")) continue;
    std::istringstream in(testing_support::read_file(entry.path()));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  std::istringstream samples(testing_support::read_file("policies/examples/cases.jsonl"));
  for (std::string line; std::getline(samples, line);) lines.push_back(line);
  caseio::Evaluator evaluator(seed_programs());
  check_all(evaluator, lines);
  CHECK(compared > 50'000);
}
