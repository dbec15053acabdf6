// Golden tests: what a person reads, compared byte for byte with a reviewed
// file beside the input. Set CLAUSE_UPDATE_GOLDEN=1 to rewrite the expected
// files, then read every change before committing it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <simdjson.h>

#include <regex>

#include "caseio/evaluate.h"
#include "cli/commands.h"
#include "driver/driver.h"
#include "support/sha256.h"
#include "test_support.h"

namespace fs = std::filesystem;
using clause::testing_support::read_file;

namespace {

std::vector<fs::path> inputs(const std::string& folder, const std::string& extension) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::string name = entry.path().filename().string();
    if (name.size() > extension.size() && name.ends_with(extension) && !name.ends_with(".expected" + extension)) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void compare(const fs::path& expected_path, const std::string& actual) {
  if (std::getenv("CLAUSE_UPDATE_GOLDEN")) {
    std::ofstream(expected_path, std::ios::binary) << actual;
    return;
  }
  INFO("expected file: " << expected_path.string());
  REQUIRE(fs::exists(expected_path));
  CHECK(read_file(expected_path) == actual);
}

// `revision` and each reason's `at` change with any edit of a seed policy, so
// the golden decisions leave them out and check_positions() holds them apart.
std::string without_positions(const std::string& decisions) {
  static const std::regex revision(R"("revision":"[0-9a-f]{12}",)");
  static const std::regex at(R"("at":"[^"]*",)");
  return std::regex_replace(std::regex_replace(decisions, revision, ""), at, "");
}

// The text at `file:line:col`.
std::string text_at(const std::string& position) {
  static const std::regex shape(R"(^(.+\.policy):(\d+):(\d+)$)");
  std::smatch m;
  REQUIRE(std::regex_match(position, m, shape));
  std::istringstream lines(read_file(m[1].str()));
  std::string line;
  for (int i = std::stoi(m[2]); i > 0; --i) REQUIRE(std::getline(lines, line));
  auto column = std::stoul(m[3]);
  REQUIRE(column >= 1);
  REQUIRE(column <= line.size());
  return line.substr(column - 1);
}

// Each decision's revision is its policy text's, and each reason points at
// the declaration it names (`plan.business` at the plan's id, a rule at its id).
void check_positions(const std::string& decisions) {
  simdjson::dom::parser parser;
  std::istringstream lines(decisions);
  std::string line;
  while (std::getline(lines, line)) {
    INFO(line);
    simdjson::dom::element d = parser.parse(line);
    if (d["revision"].is_null()) continue;   // no policy decided it
    std::string policy(std::string_view(d["policy"].get_string()));
    CHECK(std::string_view(d["revision"].get_string()) ==
          clause::sha256_hex(read_file("policies/" + policy + ".policy")).substr(0, 12));
    for (auto reason : d["reasons"].get_array()) {
      std::string rule(std::string_view(reason["rule"].get_string()));
      std::string at(std::string_view(reason["at"].get_string()));
      CHECK(at.starts_with("policies/" + policy + ".policy:"));
      std::string named = rule.starts_with("plan.") ? rule.substr(5) : rule == "default_plan" ? "default plan" : rule;
      CHECK(text_at(at).starts_with(named));
    }
  }
}

}  // namespace

TEST_CASE("golden: diagnostics of broken policies") {
  auto files = inputs("tests/diagnostics", ".policy");
  REQUIRE(files.size() >= 40);
  for (const auto& file : files) {
    std::string name = file.filename().string();
    SECTION(name) {
      std::istringstream in;
      std::ostringstream out, err;
      clause::cli::Io io{in, out, err};
      clause::cli::CheckOptions options;
      options.paths = {"tests/diagnostics/" + name};
      int code = clause::cli::run_check(options, io);
      // A file named error.* must fail the check; ok.* must pass it.
      if (name.starts_with("error.")) CHECK(code == 1);
      if (name.starts_with("ok.")) CHECK(code == 0);
      fs::path expected = file;
      expected.replace_extension(".expected");
      compare(expected, out.str());
    }
  }
}

TEST_CASE("golden: semantic diffs of policy pairs") {
  auto files = inputs("tests/diff", ".old.policy");
  REQUIRE(files.size() >= 5);
  for (const auto& file : files) {
    std::string name = file.filename().string();
    std::string stem = name.substr(0, name.size() - std::string(".old.policy").size());
    SECTION(stem) {
      std::istringstream in;
      std::ostringstream out, err;
      clause::cli::Io io{in, out, err};
      clause::cli::DiffOptions options;
      options.before = "tests/diff/" + stem + ".old.policy";
      options.after = "tests/diff/" + stem + ".new.policy";
      int code = clause::cli::run_diff(options, io);
      // A pair whose name says nothing changes must say so and exit 0.
      CHECK(code == (stem == "comments-only" ? 0 : 1));
      compare("tests/diff/" + stem + ".expected", out.str());
    }
  }
}

TEST_CASE("golden: decisions") {
  const auto programs = clause::testing_support::seed_programs();
  auto files = inputs("tests/eval", ".jsonl");
  REQUIRE_FALSE(files.empty());
  for (const auto& file : files) {
    SECTION(file.filename().string()) {
      clause::caseio::Evaluator evaluator(programs);
      std::istringstream cases(read_file(file));
      std::string line, decisions;
      while (std::getline(cases, line)) {
        // Lines starting with `#` explain the cases below them; they are not cases.
        if (line.starts_with("#")) continue;
        clause::testing_support::evaluate_line(evaluator, line, decisions);
      }
      fs::path expected = file;
      expected.replace_extension(".expected.jsonl");
      compare(expected, without_positions(decisions));
      check_positions(decisions);
    }
  }
}
