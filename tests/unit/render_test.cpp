// Machine formats of diagnostics: SARIF 2.1.0 with the fields its schema
// requires and rule metadata; JSON lines; GitHub workflow commands.
#include <catch2/catch.hpp>

#include <simdjson.h>

#include "diag/render.h"
#include "lint/lint.h"
#include "test_support.h"

using namespace clause;

namespace {

std::vector<diag::Diagnostic> sample_diagnostics() {
  static diag::Sink sink;
  if (sink.diagnostics().empty()) {
    auto unit = driver::load("tests/lint/rule-without-sentence.policy", driver::Stage::lower, sink);
    REQUIRE(unit.ok);
    lint::lint(unit, {}, sink);
    driver::load("tests/diagnostics/error.weekday-typo.policy", driver::Stage::lower, sink);
    sink.error(&diag::codes::unreadable, nullptr, {}, "cannot read `x`: no such file");
    sink.finish();
  }
  return sink.diagnostics();
}

}  // namespace

TEST_CASE("render: SARIF 2.1.0 has the fields the schema requires") {
  auto diagnostics = sample_diagnostics();
  REQUIRE(diagnostics.size() == 4);
  std::string sarif = diag::render_sarif(diagnostics, "9.9");
  simdjson::dom::parser parser;
  simdjson::dom::element log;
  REQUIRE(parser.parse(sarif).get(log) == simdjson::SUCCESS);
  // sarifLog: version and runs are required.
  CHECK(std::string_view(log["version"]) == "2.1.0");
  CHECK(std::string_view(log["$schema"]).find("sarif-2.1.0") != std::string_view::npos);
  simdjson::dom::array runs = log["runs"];
  REQUIRE(runs.size() == 1);
  simdjson::dom::element run = runs.at(0);
  // run.tool.driver.name is required; rules describe every code used.
  simdjson::dom::element driver = run["tool"]["driver"];
  CHECK(std::string_view(driver["name"]) == "clause");
  CHECK(std::string_view(driver["version"]) == "9.9");
  simdjson::dom::array rules = driver["rules"];
  std::vector<std::string> rule_ids;
  for (simdjson::dom::element rule : rules) {
    rule_ids.emplace_back(std::string_view(rule["id"]));   // reportingDescriptor.id is required
    CHECK_FALSE(std::string_view(rule["shortDescription"]["text"]).empty());
    std::string_view level = rule["defaultConfiguration"]["level"];
    CHECK((level == "error" || level == "warning" || level == "note"));
  }
  CHECK(rule_ids == std::vector<std::string>{"E0004", "E0001", "L0402", "L0502"});
  simdjson::dom::array results = run["results"];
  REQUIRE(results.size() == 4);
  for (simdjson::dom::element result : results) {
    // result.message is required, with text; ruleIndex must point at its rule.
    CHECK_FALSE(std::string_view(result["message"]["text"]).empty());
    std::string_view id = result["ruleId"];
    std::uint64_t index = result["ruleIndex"];
    CHECK(rule_ids.at(index) == id);
    simdjson::dom::array locations;
    if (result["locations"].get(locations) == simdjson::SUCCESS) {
      simdjson::dom::element physical = locations.at(0)["physicalLocation"];
      CHECK_FALSE(std::string_view(physical["artifactLocation"]["uri"]).empty());
      CHECK(std::uint64_t(physical["region"]["startLine"]) >= 1);
      CHECK(std::uint64_t(physical["region"]["startColumn"]) >= 1);
      CHECK(std::uint64_t(physical["region"]["endColumn"]) > std::uint64_t(physical["region"]["startColumn"]) - 1);
    } else {
      CHECK(id == "E0004");   // only the file-less diagnostic has no location
    }
  }
}

TEST_CASE("render: JSON lines, one object per diagnostic") {
  auto diagnostics = sample_diagnostics();
  std::string lines = diag::render_all(diagnostics, diag::Format::json, "1");
  simdjson::dom::parser parser;
  std::size_t count = 0;
  std::size_t start = 0;
  while (start < lines.size()) {
    std::size_t end = lines.find('\n', start);
    simdjson::dom::element d = parser.parse(lines.substr(start, end - start));
    CHECK_FALSE(std::string_view(d["code"]).empty());
    CHECK_FALSE(std::string_view(d["message"]).empty());
    ++count;
    start = end + 1;
  }
  CHECK(count == 4);
  CHECK_THAT(lines, Catch::Contains(R"("code":"E0001","name":"syntax","severity":"error","file":"tests/diagnostics/error.weekday-typo.policy","line":13,"column":24)"));
}

TEST_CASE("render: GitHub workflow commands escape what GitHub reads as syntax") {
  diag::Diagnostic d;
  d.code = &diag::codes::syntax;
  d.file = std::make_shared<diag::SourceFile>("a,b:c.policy", "x\n");
  d.span = {0, 1};
  d.message = "100% wrong\nsecond line";
  d.help = "fix, then: retry";
  std::string out = diag::render_github(d);
  CHECK(out == "::error file=a%2Cb%3Ac.policy,line=1,col=1,endLine=1,endColumn=2,title=E0001 syntax::100%25 wrong%0Asecond "
               "line; help: fix, then: retry\n");
}
