#include <ostream>

#include "cli/commands.h"
#include "driver/driver.h"

namespace clause::cli {

std::string_view version() { return "0.1.0"; }

void report(const std::vector<diag::Diagnostic>& diagnostics, diag::Format format, std::ostream& out) {
  out << diag::render_all(diagnostics, format, version());
}

int run_check(const CheckOptions& options, Io& io) {
  diag::Sink sink;
  auto units = driver::load_all(options.paths, driver::Stage::lower, sink);
  sink.finish();
  report(sink.diagnostics(), options.format, io.out);

  std::size_t failed = 0;
  for (const auto& unit : units) failed += unit.ok ? 0 : 1;
  bool unreadable = std::any_of(sink.diagnostics().begin(), sink.diagnostics().end(),
                                [](const diag::Diagnostic& d) { return d.code == &diag::codes::unreadable; });
  // The summary is for people; machine formats keep standard output clean.
  std::ostream& summary = options.format == diag::Format::text ? io.out : io.err;
  std::size_t errors = sink.error_count();
  if (errors == 0) {
    summary << "checked " << units.size() << (units.size() == 1 ? " policy" : " policies") << ": no errors\n";
  } else {
    summary << errors << (errors == 1 ? " error" : " errors") << " in " << failed << " of " << units.size()
            << (units.size() == 1 ? " policy" : " policies") << "\n";
  }
  if (unreadable) return exit_code::usage;
  return errors == 0 ? exit_code::ok : exit_code::findings;
}

}  // namespace clause::cli
