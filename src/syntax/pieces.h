// The pieces parse() is made of, each in its own file. Internal to src/syntax.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "diag/source.h"
#include "syntax/ast.h"

namespace clause::syntax {

using Node = tao::pegtl::parse_tree::node;

// build.cpp: parse-tree nodes to tree nodes; offsets count from `base`, the
// start of the file's text.
Name build_name(const Node& n, const char* base);
Text build_text(const Node& n, const char* base);
Member build_member(const Node& n, const char* base);

// text_checks.cpp: the raw text, before the grammar sees it.
// The first offset that is not valid UTF-8 or is a NUL byte, and why.
std::optional<std::size_t> find_bad_byte(std::string_view text, std::string& why);
// Every comment, and the first bracket nested deeper than max_nesting.
struct Scan {
  std::vector<Comment> comments;
  std::optional<std::uint32_t> too_deep;
};
Scan scan(std::string_view text);
// How many `{` are open at `to`, counting from `from` (outside text and comments).
int brace_depth(std::string_view text, std::size_t from, std::size_t to);

// recovery.cpp: where to go on after a syntax error in a declaration that
// starts at `member_begin`: the first later line, indented no deeper than
// the declaration, that starts another declaration or closes the policy.
std::size_t resume_point(std::string_view text, std::size_t member_begin, std::size_t error_at);
// The token at `at`, for the caret and the label.
diag::Span token_at(std::string_view text, std::size_t at);

// suggest.cpp: a keyword the author may have meant where `message` said
// what was expected and `found` stood.
std::optional<std::string> suggestion(std::string_view message, std::string_view found);

}  // namespace clause::syntax
