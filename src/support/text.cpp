#include "support/text.h"

#include <algorithm>
#include <vector>

namespace clause {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(1, (word.size() + 2) / 3) + 1;
  bool tie = false;
  for (const auto& candidate : candidates) {
    std::size_t d = edit_distance(word, candidate);
    if (d == 0) continue;
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
      tie = false;
    } else if (d == best_distance && best && *best != candidate) {
      tie = true;
    }
  }
  // Two equally likely guesses are no guess: P4 is as close to P1 as to P2.
  if (tie) return std::nullopt;
  return best;
}

void append_json_escaped(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  // Most text needs no escape: copy runs of plain bytes at once.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (u) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += hex[u >> 4];
        out += hex[u & 15];
    }
  }
  out.append(text.data() + run, text.size() - run);
}

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  append_json_escaped(out, text);
  out += '"';
  return out;
}

std::optional<std::string> did_you_mean(std::string_view word, std::span<const std::string> candidates) {
  if (auto guess = closest_match(word, candidates)) return "did you mean `" + *guess + "`?";
  return std::nullopt;
}

std::string join(std::span<const std::string> words, std::string_view separator) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += separator;
    out += w;
  }
  return out;
}

std::string backticked_list(std::span<const std::string> words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ", ";
    out += "`" + w + "`";
  }
  return out;
}

std::string one_of(std::span<const std::string> words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

std::string decimal_hours(std::chrono::microseconds length) {
  constexpr std::int64_t per_hour = 3'600'000'000;
  std::int64_t us = length.count();
  std::string out = std::to_string(us / per_hour);
  std::int64_t rest = us % per_hour;
  if (rest == 0) return out;
  std::int64_t micro_hours = (rest * 1'000'000 + per_hour / 2) / per_hour;
  if (micro_hours == 1'000'000) return std::to_string(us / per_hour + 1);
  std::string fraction = std::to_string(micro_hours);
  fraction.insert(0, 6 - fraction.size(), '0');
  while (fraction.back() == '0') fraction.pop_back();
  return out + "." + fraction;
}

}  // namespace clause
