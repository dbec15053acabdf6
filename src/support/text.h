// Small text utilities shared by the passes.
#pragma once

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

// Appends `text` to `out` as the inside of a JSON string (no quotes).
void append_json_escaped(std::string& out, std::string_view text);

// `text` as a JSON string literal, with quotes.
std::string json_quote(std::string_view text);

}  // namespace clause
