#include <algorithm>
#include <ostream>

#include "cli/commands.h"
#include "driver/driver.h"
#include "lint/lint.h"

namespace clause::cli {

// Prints "N errors, N warnings, N notes in K policies" the same way for lint and test.
void summarize(const diag::Sink& sink, std::size_t policies, std::ostream& out) {
  auto count = [&](diag::Severity s, const char* one, const char* many) {
    std::size_t n = sink.count(s);
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  out << count(diag::Severity::error, "error", "errors") << ", " << count(diag::Severity::warning, "warning", "warnings")
      << ", " << count(diag::Severity::note, "note", "notes") << " in " << policies
      << (policies == 1 ? " policy" : " policies") << "\n";
}

int run_lint(const LintOptions& options, Io& io) {
  for (const auto* list : {&options.deny, &options.allow}) {
    for (const auto& code : *list) {
      if (!lint::known_code(code)) {
        io.err << "clause lint: `" << code << "` is not a lint code or name (docs/lint.md lists them)\n";
        return exit_code::usage;
      }
    }
  }
  diag::Sink sink;
  auto units = driver::load_all(options.paths, driver::Stage::lower, sink);
  lint::Options lint_options{options.deny, options.allow};
  for (const auto& unit : units) {
    if (unit.ok) lint::lint(unit, lint_options, sink);
  }
  sink.finish();
  report(sink.diagnostics(), options.format, io.out);
  summarize(sink, units.size(), options.format == diag::Format::text ? io.out : io.err);
  bool unreadable = std::any_of(sink.diagnostics().begin(), sink.diagnostics().end(),
                                [](const diag::Diagnostic& d) { return d.code == &diag::codes::unreadable; });
  if (unreadable) return exit_code::usage;
  return sink.has_errors() ? exit_code::findings : exit_code::ok;
}

}  // namespace clause::cli
