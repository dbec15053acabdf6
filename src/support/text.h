// Small text utilities shared by the passes.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace clause {

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely typo
// (distance at most a third of the word's length) and no other candidate is
// as close.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

// "did you mean `x`?" when `word` is a likely typo of one candidate (see
// closest_match): the one wording of a suggestion, everywhere.
std::optional<std::string> did_you_mean(std::string_view word, std::span<const std::string> candidates);

// The words with `separator` between them.
std::string join(std::span<const std::string> words, std::string_view separator = ", ");

// "`a`, `b`, `c`": the author's words as a message shows them.
std::string backticked_list(std::span<const std::string> words);

// "a, b or c": choices as a sentence gives them.
std::string one_of(std::span<const std::string> words);

// A length of time in hours as a decimal number: 4, 0.5, 0.333333 (six
// decimals at most, the last rounded half up; no trailing zeros).
std::string decimal_hours(std::chrono::microseconds length);

// Appends `text` to `out` as the inside of a JSON string (no quotes).
void append_json_escaped(std::string& out, std::string_view text);

// `text` as a JSON string literal, with quotes.
std::string json_quote(std::string_view text);

// Walks JSON text, skipping the insides of strings: calls visit(i, depth) for
// every byte outside strings, with the bracket depth after that byte. Returns
// the final depth, or -1 when a string is still open at the end.
template <typename Visit>
int walk_json_structure(std::string_view text, Visit&& visit) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') --depth;
    visit(i, depth);
  }
  return in_string ? -1 : depth;
}

}  // namespace clause
