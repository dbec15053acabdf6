#include "diag/render.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "support/text.h"

namespace clause::diag {
namespace {

struct Place {
  LineCol begin;
  LineCol end;
};

Place place_of(const Diagnostic& d) {
  if (!d.file) return {};
  return {d.file->line_col(d.span.begin), d.file->line_col(d.span.end)};
}

std::size_t digits(std::uint32_t n) { return fmt::formatted_size("{}", n); }

// The source line with a marker line under `span`, clipped to the first line.
void append_snippet(std::string& out, const SourceFile& file, Span span, char marker, std::string_view label,
                    std::size_t gutter) {
  LineCol begin = file.line_col(span.begin);
  std::string_view line = file.line_text(begin.line);
  std::uint32_t line_start = file.line_start(begin.line);
  std::size_t from = span.begin - line_start;
  std::size_t to = std::min<std::size_t>(std::max(span.end, span.begin + 1) - line_start, line.size());
  if (to <= from) to = from + 1;   // a point at the end of a line still gets a caret
  std::string under;
  for (std::size_t i = 0; i < from && i < line.size(); ++i) {
    char c = line[i];
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;   // one column per code point
    under += c == '\t' ? '\t' : ' ';
  }
  for (std::size_t i = from; i < to; ++i) {
    if (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    under += marker;
  }
  fmt::format_to(std::back_inserter(out), "{:>{}} | {}\n", begin.line, gutter, line);
  fmt::format_to(std::back_inserter(out), "{:>{}} | {}{}{}\n", "", gutter, under, label.empty() ? "" : " ", label);
}

std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

// The message with help and notes folded in, for formats that have one text field.
std::string full_message(const Diagnostic& d) {
  std::string text = d.message;
  for (const auto& note : d.notes) text += "; note: " + note;
  if (!d.help.empty()) text += "; help: " + d.help;
  return text;
}

}  // namespace

bool parse_format(std::string_view name, Format& out) {
  static const std::pair<std::string_view, Format> names[] = {
      {"text", Format::text}, {"json", Format::json}, {"sarif", Format::sarif}, {"github", Format::github}};
  for (auto [n, f] : names) {
    if (n == name) {
      out = f;
      return true;
    }
  }
  return false;
}

std::string render_text(const Diagnostic& d) {
  std::string out = fmt::format("{}[{}]: {}\n", severity_name(d.severity), d.code->id, d.message);
  std::size_t gutter = 2;
  if (d.file) {
    Place at = place_of(d);
    std::uint32_t widest = at.begin.line;
    for (const auto& r : d.related) widest = std::max(widest, d.file->line_col(r.span.begin).line);
    gutter = std::max<std::size_t>(2, digits(widest));
    fmt::format_to(std::back_inserter(out), "{:>{}}--> {}:{}:{}\n", "", gutter, d.file->path(), at.begin.line,
                   at.begin.column);
    fmt::format_to(std::back_inserter(out), "{:>{}} |\n", "", gutter);
    append_snippet(out, *d.file, d.span, '^', d.label, gutter);
    for (const auto& r : d.related) append_snippet(out, *d.file, r.span, '-', r.message, gutter);
  }
  for (const auto& note : d.notes) fmt::format_to(std::back_inserter(out), "{:>{}} = note: {}\n", "", gutter, note);
  if (!d.help.empty()) fmt::format_to(std::back_inserter(out), "{:>{}} = help: {}\n", "", gutter, d.help);
  return out;
}

std::string render_json(const Diagnostic& d) {
  Place at = place_of(d);
  std::string out = fmt::format(R"({{"code":"{}","name":"{}","severity":"{}","file":{},)", d.code->id,
                                d.code->name, severity_name(d.severity),
                                d.file ? json_quote(d.file->path()) : std::string("null"));
  fmt::format_to(std::back_inserter(out), R"("line":{},"column":{},"end_line":{},"end_column":{},)", at.begin.line,
                 at.begin.column, at.end.line, at.end.column);
  fmt::format_to(std::back_inserter(out), R"("message":{},"label":{},"notes":[)", json_quote(d.message),
                 json_quote(d.label));
  for (std::size_t i = 0; i < d.notes.size(); ++i) out += (i ? "," : "") + json_quote(d.notes[i]);
  fmt::format_to(std::back_inserter(out), R"(],"help":{}}})", d.help.empty() ? "null" : json_quote(d.help));
  return out + "\n";
}

std::string render_github(const Diagnostic& d) {
  std::string kind = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice";
  std::string title = github_escape(fmt::format("{} {}", d.code->id, d.code->name), true);
  if (!d.file) return fmt::format("::{} title={}::{}\n", kind, title, github_escape(full_message(d), false));
  Place at = place_of(d);
  return fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", kind,
                     github_escape(d.file->path(), true), at.begin.line, at.begin.column, at.end.line,
                     at.end.column, title, github_escape(full_message(d), false));
}

std::string render_sarif(std::span<const Diagnostic> diagnostics, std::string_view tool_version) {
  // Rule metadata for every code used, in first-use order; results refer to it by index.
  std::vector<Code> rules;
  std::map<Code, std::size_t> rule_index;
  for (const auto& d : diagnostics) {
    if (rule_index.emplace(d.code, rules.size()).second) rules.push_back(d.code);
  }
  std::string out = R"({"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"clause",)";
  fmt::format_to(std::back_inserter(out), R"("version":{},"rules":[)",
                 json_quote(tool_version));
  for (std::size_t i = 0; i < rules.size(); ++i) {
    Code c = rules[i];
    fmt::format_to(std::back_inserter(out),
                   R"({}{{"id":"{}","name":"{}","shortDescription":{{"text":{}}},"defaultConfiguration":{{"level":"{}"}}}})",
                   i ? "," : "", c->id, c->name, json_quote(c->summary), sarif_level(c->default_severity));
  }
  out += R"(]}},"results":[)";
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const auto& d = diagnostics[i];
    fmt::format_to(std::back_inserter(out), R"({}{{"ruleId":"{}","ruleIndex":{},"level":"{}","message":{{"text":{}}})",
                   i ? "," : "", d.code->id, rule_index[d.code], sarif_level(d.severity), json_quote(full_message(d)));
    if (d.file) {
      Place at = place_of(d);
      fmt::format_to(std::back_inserter(out),
                     R"(,"locations":[{{"physicalLocation":{{"artifactLocation":{{"uri":{}}},"region":{{"startLine":{},"startColumn":{},"endLine":{},"endColumn":{}}}}}}}])",
                     json_quote(d.file->path()), at.begin.line, at.begin.column, at.end.line,
                     std::max(at.end.column, at.begin.column + (at.end.line == at.begin.line ? 1u : 0u)));
    }
    out += "}";
  }
  out += "]}]}\n";
  return out;
}

std::string render_all(std::span<const Diagnostic> diagnostics, Format format, std::string_view tool_version) {
  if (format == Format::sarif) return render_sarif(diagnostics, tool_version);
  std::string out;
  for (const auto& d : diagnostics) {
    switch (format) {
      case Format::text: out += render_text(d); out += '\n'; break;
      case Format::json: out += render_json(d); break;
      case Format::github: out += render_github(d); break;
      case Format::sarif: break;
    }
  }
  return out;
}

}  // namespace clause::diag
