#include <ostream>

#include "cli/commands.h"
#include "driver/driver.h"
#include "support/text.h"
#include "differ/differ.h"

namespace clause::cli {

int run_diff(const DiffOptions& options, Io& io) {
  diag::Sink sink;
  auto before = driver::load(options.before, driver::Stage::lower, sink);
  auto after = driver::load(options.after, driver::Stage::lower, sink);
  if (before.ok && after.ok && (!before.program || !after.program)) {
    io.err << "clause diff: a library decides no case: diff the policies that import it\n";
    return exit_code::usage;
  }
  if (!before.ok || !after.ok) {
    sink.finish();
    report(sink.diagnostics(), diag::Format::text, io.err);
    io.err << "clause diff: both versions must check clean\n";
    return exit_code::usage;
  }
  differ::PolicyDiff result = differ::diff(before, after);
  // "No change" is proven only when every kind of case was tried; a sampled
  // space with a changed term may still hide one.
  const bool proven = !result.sampled || result.term_changes.empty() || !result.changes.empty();
  if (options.format == diag::Format::json) {
    io.out << "{\"terms\":[";
    for (std::size_t i = 0; i < result.term_changes.size(); ++i) io.out << (i ? "," : "") << json_quote(result.term_changes[i]);
    io.out << "],\"changes\":[";
    for (std::size_t i = 0; i < result.changes.size(); ++i) {
      const auto& c = result.changes[i];
      io.out << (i ? "," : "") << "{\"what\":" << json_quote(c.what) << ",\"count\":" << c.count << ",\"case\":" << c.witness
             << ",\"before\":" << c.before << ",\"after\":" << c.after << ",\"targeted\":" << (c.targeted ? "true" : "false")
             << "}";
    }
    io.out << "],\"cases\":" << result.cases << ",\"space\":" << result.space
           << ",\"sampled\":" << (result.sampled ? "true" : "false") << ",\"targeted_cases\":" << result.targeted_cases
           << ",\"proven\":" << (proven ? "true" : "false") << "}\n";
  } else {
    io.out << options.before << " -> " << options.after << "\n\n";
    if (result.term_changes.empty()) {
      io.out << "No term changed.\n";
    } else {
      io.out << result.term_changes.size() << (result.term_changes.size() == 1 ? " term changed:\n" : " terms changed:\n");
      for (const auto& t : result.term_changes) io.out << "  " << t << "\n";
    }
    io.out << "\n";
    std::string tried = std::to_string(result.cases) + " kinds of case tried" +
                        (result.cases < result.space ? " (sampled from " + std::to_string(result.space) + ")" : "");
    if (result.targeted_cases > 0) {
      tried += ", and " + std::to_string(result.targeted_cases) + " among the changed plans' cases";
    }
    if (result.changes.empty() && !result.sampled) {
      io.out << "No decision changes (" << tried << ").\n";
    } else if (result.changes.empty()) {
      io.out << "No decision change found (" << tried << "). The policy has too many kinds of case to try every one,"
             << (result.term_changes.empty() ? " but no term changed.\n"
                                             : " so a changed decision is not ruled out.\n");
    } else {
      io.out << result.changes.size() << (result.changes.size() == 1 ? " kind of case" : " kinds of case")
             << " decided differently (" << tried << "):\n";
      for (std::size_t i = 0; i < result.changes.size(); ++i) {
        const auto& c = result.changes[i];
        io.out << "\n" << i + 1 << ". " << c.what << " (" << c.count << (c.count == 1 ? " case" : " cases")
               << (c.targeted ? " among the changed plan's cases" : "") << ")\n"
               << "   for example: " << c.witness << "\n"
               << "   before: " << c.before << "\n"
               << "   after:  " << c.after << "\n";
      }
    }
  }
  return result.changes.empty() && proven ? exit_code::ok : exit_code::findings;
}

}  // namespace clause::cli
