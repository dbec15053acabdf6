#include "diag/diagnostic.h"

#include <algorithm>
#include <map>

namespace clause::diag {

Diagnostic& Sink::report(Diagnostic diagnostic) {
  diagnostics_.push_back(std::move(diagnostic));
  return diagnostics_.back();
}

Diagnostic& Sink::error(Code code, SourcePtr file, Span span, std::string message) {
  return report(Diagnostic{code, code->default_severity, std::move(file), span, std::move(message), {}, {}, {}, {}});
}

std::size_t Sink::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(diagnostics_.begin(), diagnostics_.end(),
                                                [&](const Diagnostic& d) { return d.severity == severity; }));
}

std::size_t Sink::error_count() const { return count(Severity::error); }

void Sink::finish() {
  auto path = [](const Diagnostic& d) { return d.file ? d.file->path() : std::string(); };
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    auto pa = path(a), pb = path(b);
    if (pa != pb) return pa < pb;
    return a.span.begin < b.span.begin;
  });
  std::map<std::string, std::size_t> errors_seen;
  std::map<std::string, std::size_t> errors_dropped;
  std::vector<Diagnostic> kept;
  for (auto& d : diagnostics_) {
    if (d.severity == Severity::error && ++errors_seen[path(d)] > max_errors_per_file) {
      ++errors_dropped[path(d)];
      continue;
    }
    kept.push_back(std::move(d));
  }
  for (const auto& entry : errors_dropped) {
    // The cap keeps a cascade readable; the count says nothing was hidden silently.
    const std::string& file = entry.first;
    std::size_t dropped = entry.second;
    auto last = std::find_if(kept.rbegin(), kept.rend(), [&](const Diagnostic& d) { return path(d) == file; });
    last->notes.push_back("stopped after " + std::to_string(max_errors_per_file) + " errors in this file; " +
                          std::to_string(dropped) + " more not shown");
  }
  diagnostics_ = std::move(kept);
}

}  // namespace clause::diag
