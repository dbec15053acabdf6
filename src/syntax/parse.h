// Text to syntax tree: the `syntax` pass's entry point.
#pragma once

#include <optional>

#include "diag/diagnostic.h"
#include "syntax/ast.h"

namespace clause::syntax {

// Brackets and blocks nest at most this deep; deeper input is an error, not
// a stack overflow.
inline constexpr int max_nesting = 64;

// Parses one policy file. Reports every syntax error it can reach (it resumes
// at the next declaration after an error) and returns the tree only when
// there were none.
std::optional<Policy> parse(const diag::SourcePtr& file, diag::Sink& sink);

// Unescapes the inside of a string literal (\" \\ \n \t).
std::string unescape(std::string_view quoted_inside);

// The string literal that unescapes to `text`, with its quotes.
std::string quote_text(std::string_view text);

}  // namespace clause::syntax
