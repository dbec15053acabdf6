// The canonical layout of a policy: the `format` pass's entry point.
//
// Two spaces of indent, one declaration or term per line, rules as
// "action id" / "sentence" / "when ...", single spaces around operators,
// test cases as normalized JSON. Every comment is kept, next to the line it
// was written beside; single blank lines the author left between lines are
// kept, runs of them collapse to one. Formatting twice changes nothing, and
// the formatted text parses to the same tree.
#pragma once

#include <string>

#include "syntax/ast.h"

namespace clause::format {

// `source` is the text `policy` was parsed from (comments and blank lines
// are read from it).
std::string format(const syntax::Policy& policy, std::string_view source);

// A condition as the canonical layout writes it (`kind = a and not x`).
std::string condition_text(const syntax::Expr& condition);

// Whether two trees say the same: the same declarations (spans aside) and
// the same comments, in order. The formatter's output must be the same as
// its input by this test; `clause fmt` refuses to write otherwise.
bool same_policy(const syntax::Policy& a, const syntax::Policy& b);

// A JSON text with canonical spacing: `{"a": 1, "b": [true, null]}`. The
// input must be valid JSON (the grammar checked it).
std::string normalize_json(std::string_view json);

}  // namespace clause::format
