#include <algorithm>

#include "syntax/parse.h"
#include "syntax/pieces.h"

namespace clause::syntax {

// The first offset that is not valid UTF-8 or is a NUL byte, if any.
std::optional<std::size_t> find_bad_byte(std::string_view text, std::string& why) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) {
      why = "the file contains a NUL byte: expected text";
      return i;
    }
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; ok && k < length; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    // Overlong forms and surrogates are not text either.
    if (ok && length == 2) ok = c >= 0xC2;
    if (ok && length == 3) {
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
    }
    if (ok && length == 4) {
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (!ok) {
      why = "the file is not valid UTF-8 text";
      return i;
    }
    i += length;
  }
  return std::nullopt;
}


namespace {

// Walks policy text from `from` to `to`, skipping what is inside strings
// (to their closing quote or the end of the line) and comments (to the end
// of the line): calls code(i) for every byte of code (a string's opening
// quote included) and comment(begin, end) for every comment, `end` being
// where its line ends. The one scanner of policy text outside the grammar.
template <typename Code, typename OnComment>
void walk_code(std::string_view text, std::size_t from, std::size_t to, Code code, OnComment comment) {
  to = std::min(to, text.size());
  for (std::size_t i = from; i < to; ++i) {
    char c = text[i];
    if (c == '"') {
      code(i);
      for (++i; i < to && text[i] != '"' && text[i] != '\n'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      std::size_t end = std::min(text.find('\n', i), to);
      comment(i, end);
      i = end - 1;
    } else {
      code(i);
    }
  }
}

}  // namespace

Scan scan(std::string_view text) {
  Scan out;
  int depth = 0;
  bool code_on_line = false;
  walk_code(
      text, 0, text.size(),
      [&](std::size_t i) {
        char c = text[i];
        if (c == '\n') {
          code_on_line = false;
        } else if (c == '{' || c == '(' || c == '[') {
          if (++depth > max_nesting && !out.too_deep) out.too_deep = static_cast<std::uint32_t>(i);
          code_on_line = true;
        } else if (c == '}' || c == ')' || c == ']') {
          --depth;
          code_on_line = true;
        } else if (c != ' ' && c != '\t' && c != '\r') {
          code_on_line = true;
        }
      },
      [&](std::size_t begin, std::size_t end) {
        // Trailing blanks are not part of the comment (the formatter drops them).
        std::size_t stop = end;
        while (stop > begin + 2 && (text[stop - 1] == '\r' || text[stop - 1] == ' ' || text[stop - 1] == '\t')) --stop;
        Comment comment;
        comment.text = std::string(text.substr(begin, stop - begin));
        comment.span.begin = static_cast<std::uint32_t>(begin);
        comment.span.end = static_cast<std::uint32_t>(stop);
        comment.own_line = !code_on_line;
        out.comments.push_back(std::move(comment));
      });
  return out;
}

int brace_depth(std::string_view text, std::size_t from, std::size_t to) {
  int depth = 0;
  walk_code(
      text, from, to,
      [&](std::size_t i) {
        if (text[i] == '{') ++depth;
        else if (text[i] == '}') --depth;
      },
      [](std::size_t, std::size_t) {});
  return depth;
}

}  // namespace clause::syntax
