// Renderers for diagnostics. Each takes the finished list and returns text.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace clause::diag {

enum class Format { text, json, sarif, github };
// "text", "json", "sarif", "github"; false when unknown.
bool parse_format(std::string_view name, Format& out);

// What rustc and cedar print: header, file:line:col, the line with carets, notes, help.
std::string render_text(const Diagnostic& diagnostic);
// One JSON object per diagnostic (JSON lines).
std::string render_json(const Diagnostic& diagnostic);
// A GitHub Actions workflow command (::error file=..,line=..,col=..::message).
std::string render_github(const Diagnostic& diagnostic);
// A whole SARIF 2.1.0 log for one run of `tool` (rule metadata from the codes used).
std::string render_sarif(std::span<const Diagnostic> diagnostics, std::string_view tool_version);

// Renders every diagnostic in `format` (SARIF as one document).
std::string render_all(std::span<const Diagnostic> diagnostics, Format format, std::string_view tool_version);

}  // namespace clause::diag
