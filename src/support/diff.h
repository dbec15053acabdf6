// Line diffs (Myers' O(ND) algorithm), for `clause fmt --check` and
// `clause diff`: what changed between two texts, as a unified diff.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clause {

struct DiffLine {
  enum class Kind { same, removed, added };
  Kind kind;
  std::string_view text;   // without its line ending
};

// The lines of `a` and `b` as an edit script: same / removed (from a) / added (from b).
std::vector<DiffLine> diff_lines(std::string_view a, std::string_view b);

// A unified diff with `context` lines around each change; empty when equal.
std::string unified_diff(std::string_view a, std::string_view b, std::string_view a_name, std::string_view b_name,
                         int context = 3);

}  // namespace clause
