// Internal helpers shared by the calendar's .cpp files; not part of its interface.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "support/text.h"

namespace clause::calendar::detail {

// `text` quoted and escaped for a one-line message, cut short when long.
inline std::string quoted(std::string_view text) {
  constexpr std::size_t limit = 64;
  if (text.size() <= limit) return json_quote(text);
  std::size_t cut = limit;
  // Back off to a UTF-8 lead byte so the message stays valid text.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return json_quote(text.substr(0, cut)) + "...";
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace clause::calendar::detail
