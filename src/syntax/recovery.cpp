#include <algorithm>
#include <cctype>

#include "syntax/pieces.h"

namespace clause::syntax {

// Where to resume after a syntax error in a declaration that starts at
// `member_begin`: the first later line, indented no deeper than the
// declaration, that starts another declaration or closes the policy.
std::size_t resume_point(std::string_view text, std::size_t member_begin, std::size_t error_at) {
  std::size_t line_begin = text.rfind('\n', member_begin == 0 ? 0 : member_begin - 1);
  std::size_t indent = line_begin == std::string_view::npos ? member_begin : member_begin - line_begin - 1;
  std::size_t pos = text.find('\n', std::max(error_at, member_begin));
  while (pos != std::string_view::npos) {
    std::size_t start = pos + 1;
    std::size_t first = text.find_first_not_of(" \t\r", start);
    if (first == std::string_view::npos) break;
    if (text[first] != '\n' && first - start <= indent) {
      std::string_view rest = text.substr(first);
      // A `}` indented less than the declaration closes the policy. One
      // indented like it closes the declaration while one of its `{` is open,
      // or when it lost its `{` (more declarations follow); else the policy.
      if (rest.starts_with('}')) {
        int depth = brace_depth(text, member_begin, first);
        bool more_follows = text.find_first_not_of(" \t\r\n", first + 1) != std::string_view::npos;
        bool closes_member = first - start == indent && (depth > 0 || more_follows);
        if (!closes_member) return first;
        pos = text.find('\n', start);
        continue;
      }
      for (const std::string& kw : lang::all_first_words<lang::MemberWord>()) {
        if (rest.starts_with(kw) && (rest.size() == kw.size() || !(std::isalnum(static_cast<unsigned char>(rest[kw.size()])) || rest[kw.size()] == '_'))) {
          return first;
        }
      }
    }
    pos = text.find('\n', start);
  }
  return text.size();
}

// The token at `at`, for the caret and the label: a word, a number or time
// written without spaces (`6pm`, `9:00-18:00`), or one character.
diag::Span token_at(std::string_view text, std::size_t at) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  auto joined = [&](char c) { return word(c) || c == ':' || c == '.' || c == '-' || c == '+'; };
  std::size_t end = at;
  if (at < text.size() && word(text[at])) {
    bool number = std::isdigit(static_cast<unsigned char>(text[at]));
    while (end < text.size() && (number ? joined(text[end]) : word(text[end]))) ++end;
    while (end > at + 1 && !word(text[end - 1])) --end;
  } else if (at < text.size() && text[at] != '\n' && text[at] != '\r') {
    end = at + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)};
}

// Keywords that may stand where an error says something else was expected,
}  // namespace clause::syntax
