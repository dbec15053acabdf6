// Golden tests: what a person reads, compared byte for byte with a reviewed
// file beside the input. Set CLAUSE_UPDATE_GOLDEN=1 to rewrite the expected
// files, then read every change before committing it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "caseio/evaluate.h"
#include "cli/commands.h"
#include "driver/driver.h"
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
      compare(expected, decisions);
    }
  }
}
