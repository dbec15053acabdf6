// Diagnostics as data: what went wrong, where, and what to write instead.
// Rendering (text, JSON, SARIF, GitHub annotations) is separate: render.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diag/codes.h"
#include "diag/source.h"

namespace clause::diag {

struct Label {
  Span span;
  std::string message;
};

struct Diagnostic {
  Code code;
  Severity severity = Severity::error;
  SourcePtr file;        // null when the problem has no place in a file
  Span span;
  std::string message;   // lower case, one line, no final period; the author's words in backticks
  std::string label;     // shown under the primary span
  std::vector<Label> related;   // other places in the same file
  std::vector<std::string> notes;
  std::string help;      // advice: "did you mean `business`?"
};

// Collects diagnostics from every pass. Passes only add; the driver decides
// when to stop and the CLI decides how to render and which exit code to use.
class Sink {
 public:
  static constexpr std::size_t max_errors_per_file = 20;

  Diagnostic& report(Diagnostic diagnostic);
  Diagnostic& error(Code code, SourcePtr file, Span span, std::string message);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::size_t error_count() const;
  std::size_t count(Severity severity) const;
  bool has_errors() const { return error_count() > 0; }

  // Sorts by file and position, keeps at most max_errors_per_file errors per
  // file, and adds a note saying how many were left out.
  void finish();

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace clause::diag
