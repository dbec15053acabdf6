// Helpers shared by the unit tests: parse or check policy text in memory.
#pragma once

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "caseio/evaluate.h"
#include "caseio/lines.h"
#include "diag/diagnostic.h"
#include "diag/render.h"
#include "driver/driver.h"

namespace clause::testing_support {

// A minimal valid policy with `body` appended inside it.
inline std::string policy_with(const std::string& body) {
  return R"(policy t "T" {
  currency USD
  case {
    channel: email | portal
    priority: P1 > P2 > P3
    category: request | incident
  }
  urgency priority
  hours weekdays = Mon-Fri 09:00-18:00
)" + body + "\n}\n";
}

struct Checked {
  driver::Unit unit;
  diag::Sink sink;
  std::string text() const { return diag::render_all(sink.diagnostics(), diag::Format::text, "test"); }
  bool has(std::string_view code) const {
    for (const auto& d : sink.diagnostics()) {
      if (d.code->id == code || d.code->name == code) return true;
    }
    return false;
  }
  // The text under the first diagnostic's caret.
  std::string underlined() const {
    const auto& d = sink.diagnostics().front();
    return std::string(d.file->slice(d.span));
  }
};

inline Checked check_text(const std::string& text, driver::Stage until = driver::Stage::lower) {
  Checked out;
  out.unit = driver::load_text("t.policy", text, until, out.sink);
  out.sink.finish();
  return out;
}

// The programs of the policies in policies/ (both seeds).
inline std::vector<std::shared_ptr<const ir::Program>> seed_programs() {
  diag::Sink sink;
  auto units = driver::load_all({"policies"}, driver::Stage::lower, sink);
  REQUIRE_FALSE(sink.has_errors());
  std::vector<std::shared_ptr<const ir::Program>> programs;
  for (const auto& u : units) programs.push_back(u.program);
  return programs;
}

// A fresh folder of its own under the system's temporary folder, removed
// with this object: tests never share a fixed name.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "clause-test-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Decides one case line; appends the decision to `out`.
inline void evaluate_line(caseio::Evaluator& evaluator, const std::string& line, std::string& out) {
  evaluator.decide(line, &out);
}

inline std::string evaluate_line(caseio::Evaluator& evaluator, const std::string& line) {
  std::string out;
  evaluate_line(evaluator, line, out);
  return out;
}

// Feeds `input` to `evaluator` the way `clause eval` reads a file: through a
// LineSource. Returns how many cases it read; the decisions go to `out`.
inline int evaluate_stream(caseio::Evaluator& evaluator, const std::string& input, std::string& out) {
  std::FILE* file = std::tmpfile();
  if (!file) return -1;
  std::fwrite(input.data(), 1, input.size(), file);
  std::rewind(file);
  caseio::LineSource source(file, caseio::CaseReader::padding());
  std::string_view text;
  std::size_t capacity = 0;
  int cases = 0;
  while (source.next(text, capacity)) {
    ++cases;
    evaluator.decide_in_place(text, capacity, out);
  }
  std::fclose(file);
  return cases;
}

}  // namespace clause::testing_support
