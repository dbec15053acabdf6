#include "support/diff.h"

#include <algorithm>

namespace clause {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::vector<DiffLine> diff_lines(std::string_view a_text, std::string_view b_text) {
  auto a = split_lines(a_text);
  auto b = split_lines(b_text);
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int max = n + m;
  // v[k + max] = furthest x on diagonal k; one copy per d, to walk back.
  std::vector<int> v(static_cast<std::size_t>(2 * max + 2), 0);
  std::vector<std::vector<int>> trace;
  int final_d = 0;
  for (int d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (int k = -d; k <= d; k += 2) {
      auto at = [&](int kk) -> int& { return v[static_cast<std::size_t>(kk + max)]; };
      int x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      int y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) {
      final_d = d;
      break;
    }
  }
  // Walk back through the saved frontiers.
  std::vector<DiffLine> script;
  int x = n, y = m;
  for (int d = final_d; d > 0; --d) {
    const auto& vd = trace[static_cast<std::size_t>(d)];
    auto at = [&](int kk) { return vd[static_cast<std::size_t>(kk + max)]; };
    int k = x - y;
    int prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    int prev_x = at(prev_k);
    int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      script.push_back({DiffLine::Kind::same, a[static_cast<std::size_t>(--x)]});
      --y;
    }
    if (x == prev_x) script.push_back({DiffLine::Kind::added, b[static_cast<std::size_t>(--y)]});
    else script.push_back({DiffLine::Kind::removed, a[static_cast<std::size_t>(--x)]});
  }
  while (x > 0 && y > 0) {
    script.push_back({DiffLine::Kind::same, a[static_cast<std::size_t>(--x)]});
    --y;
  }
  std::reverse(script.begin(), script.end());
  return script;
}

std::string unified_diff(std::string_view a, std::string_view b, std::string_view a_name, std::string_view b_name,
                         int context) {
  auto script = diff_lines(a, b);
  bool changed = std::any_of(script.begin(), script.end(), [](const DiffLine& l) { return l.kind != DiffLine::Kind::same; });
  if (!changed) return "";
  std::string out = "--- " + std::string(a_name) + "\n+++ " + std::string(b_name) + "\n";
  const int size = static_cast<int>(script.size());
  int i = 0;
  while (i < size) {
    if (script[static_cast<std::size_t>(i)].kind == DiffLine::Kind::same) {
      ++i;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` after the
    // last change that is within 2 * context of the previous one.
    int start = std::max(0, i - context);
    int end = i;
    while (end < size) {
      if (script[static_cast<std::size_t>(end)].kind != DiffLine::Kind::same) {
        ++end;
        continue;
      }
      int run = end;
      while (run < size && script[static_cast<std::size_t>(run)].kind == DiffLine::Kind::same) ++run;
      if (run == size || run - end > 2 * context) break;
      end = run;
    }
    int stop = std::min(size, end + context);
    int a_line = 1, b_line = 1;
    for (int j = 0; j < start; ++j) {
      auto kind = script[static_cast<std::size_t>(j)].kind;
      if (kind != DiffLine::Kind::added) ++a_line;
      if (kind != DiffLine::Kind::removed) ++b_line;
    }
    int a_count = 0, b_count = 0;
    for (int j = start; j < stop; ++j) {
      auto kind = script[static_cast<std::size_t>(j)].kind;
      if (kind != DiffLine::Kind::added) ++a_count;
      if (kind != DiffLine::Kind::removed) ++b_count;
    }
    out += "@@ -" + std::to_string(a_count ? a_line : a_line - 1) + "," + std::to_string(a_count) + " +" +
           std::to_string(b_count ? b_line : b_line - 1) + "," + std::to_string(b_count) + " @@\n";
    for (int j = start; j < stop; ++j) {
      const auto& line = script[static_cast<std::size_t>(j)];
      out += line.kind == DiffLine::Kind::same ? ' ' : line.kind == DiffLine::Kind::removed ? '-' : '+';
      out += line.text;
      out += '\n';
    }
    i = stop;
  }
  return out;
}

}  // namespace clause
