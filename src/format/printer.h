// The formatter's printer: lines collected with the source's comments and
// blank lines between them, then laid out (aligned tails, wrapped lists,
// trailing comments in one column). Internal to src/format.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/ast.h"

namespace clause::format {

using syntax::Comment;
using syntax::Loc;

// The longest line the layout aims for.
inline constexpr std::size_t width = 100;

// Characters on screen (code points), for alignment.
inline std::size_t columns(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// One line of output before layout: an aligned head and a tail (lines of the
// same kind in a run line their tails up), and a trailing comment.
struct Line {
  int indent = 0;
  std::string head;
  std::string tail;
  std::string align;        // lines with the same key, one after another, align their tails
  std::string wrap;         // where a too-long tail may break (" | ")
  std::string comment;
  bool blank_before = false;
};

// Collects lines at an indent, with the comments of the source between them,
// and lays them out at the end.
class Printer {
 public:
  Printer(std::string_view source, const std::vector<Comment>& comments) : source_(source), comments_(comments) {}

  // One line of output for the source text [begin, end).
  void line(const std::string& text, std::uint32_t begin, std::uint32_t end) { aligned("", text, "", begin, end); }
  void line(const std::string& text, Loc span) { line(text, span.begin, span.end); }

  // A line whose tail lines up with the tails of the lines of the same kind next to it.
  void aligned(const std::string& key, const std::string& head, const std::string& tail, std::uint32_t begin,
               std::uint32_t end, const std::string& wrap = "") {
    comments_before(begin);
    emit(Line{indent_, head, tail, key, wrap, "", false}, begin, end, false);
  }

  void open(const std::string& text, std::uint32_t begin, std::uint32_t end) {
    line(text, begin, end);
    begin_block();
  }

  // The lines that follow are inside a block just opened.
  void begin_block() {
    ++indent_;
    block_start_ = true;
  }

  // Closes a block whose source ends at `end` (just after its `}`).
  void close(std::uint32_t end) {
    comments_before(end);
    --indent_;
    emit(Line{indent_, "}", "", "", "", "", false}, end == 0 ? 0 : end - 1, end, true);
  }

  // Writes the comments that start before `offset`.
  void comments_before(std::uint32_t offset) {
    while (next_ < comments_.size() && comments_[next_].span.begin < offset) {
      const Comment& c = comments_[next_++];
      if (!c.own_line && !lines_.empty() && lines_.back().comment.empty() && same_source_line(last_end_, c.span.begin)) {
        lines_.back().comment = c.text;
        last_end_ = c.span.end;
      } else {
        emit(Line{indent_, c.text, "", "", "", "", false}, c.span.begin, c.span.end, false);
      }
    }
  }

  // A blank line before the next line (between blocks), unless one is there.
  void blank() { want_blank_ = true; }

  // Continuation lines of one declaration sit a step further in.
  void indent() { ++indent_; }
  void dedent() { --indent_; }

  std::string finish() {
    comments_before(static_cast<std::uint32_t>(source_.size()) + 1);
    return layout();
  }

 private:
  void emit(Line line, std::uint32_t begin, std::uint32_t end, bool closing) {
    bool blank = want_blank_ || (!lines_.empty() && blank_line_between(last_end_, begin));
    line.blank_before = blank && !block_start_ && !closing && !lines_.empty();
    want_blank_ = false;
    lines_.push_back(std::move(line));
    last_end_ = std::max(end, begin);
    block_start_ = false;
  }

  // Two lines belong to one run when nothing stands between them.
  bool same_run(const Line& a, const Line& b) const { return !b.blank_before && a.indent == b.indent; }

  std::string layout() {
    // Tails of aligned runs start in one column.
    std::vector<std::size_t> head_width(lines_.size(), 0);
    for (std::size_t i = 0; i < lines_.size();) {
      std::size_t j = i + 1;
      // Own-line comments between aligned lines do not break the run.
      auto comment_line = [&](const Line& l) { return l.align.empty() && l.tail.empty() && l.head.starts_with("//"); };
      if (!lines_[i].align.empty()) {
        while (j < lines_.size() && same_run(lines_[j - 1], lines_[j]) &&
               (lines_[j].align == lines_[i].align || comment_line(lines_[j]))) {
          ++j;
        }
        while (j > i + 1 && comment_line(lines_[j - 1])) --j;
      }
      std::size_t widest = 0;
      for (std::size_t k = i; k < j; ++k) {
        if (lines_[k].align == lines_[i].align) widest = std::max(widest, columns(lines_[k].head));
      }
      for (std::size_t k = i; k < j; ++k) head_width[k] = widest;
      i = j;
    }
    // Each line's code, wrapped where it may be and must be.
    std::vector<std::vector<std::string>> code(lines_.size());
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      std::string pad(2 * static_cast<std::size_t>(l.indent), ' ');
      std::string head = l.head;
      if (!l.tail.empty()) head += std::string(head_width[i] - columns(l.head) + 1, ' ');
      std::string first = pad + head + l.tail;
      if (l.wrap.empty() || columns(first) <= width) {
        code[i].push_back(first);
        continue;
      }
      // Break the tail before separators, continuation lines under it.
      std::string under(columns(pad + head), ' ');
      std::vector<std::string> parts;
      std::size_t from = 0, at;
      while ((at = l.tail.find(l.wrap, from)) != std::string::npos) {
        parts.push_back(l.tail.substr(from, at - from));
        from = at + l.wrap.size();
      }
      parts.push_back(l.tail.substr(from));
      std::string current = pad + head + parts[0];
      std::string joiner = l.wrap;
      std::string lead = joiner.substr(joiner.find_first_not_of(' '));   // "| "
      lead = lead.substr(0, lead.find_last_not_of(' ') + 1) + " ";
      for (std::size_t k = 1; k < parts.size(); ++k) {
        if (columns(current) + joiner.size() + columns(parts[k]) > width) {
          code[i].push_back(current);
          current = under + lead + parts[k];
        } else {
          current += joiner + parts[k];
        }
      }
      code[i].push_back(current);
    }
    // Trailing comments of a run start in one column.
    std::vector<std::size_t> comment_column(lines_.size(), 0);
    for (std::size_t i = 0; i < lines_.size();) {
      std::size_t j = i + 1;
      if (!lines_[i].comment.empty()) {
        while (j < lines_.size() && !lines_[j].comment.empty() && same_run(lines_[j - 1], lines_[j])) ++j;
      }
      std::size_t widest = 0;
      for (std::size_t k = i; k < j; ++k) widest = std::max(widest, columns(code[k].back()));
      for (std::size_t k = i; k < j; ++k) comment_column[k] = widest + 2;
      i = j;
    }
    std::string out;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].blank_before) out += "\n";
      for (std::size_t k = 0; k < code[i].size(); ++k) {
        std::string text = code[i][k];
        if (k + 1 == code[i].size() && !lines_[i].comment.empty()) {
          text += std::string(comment_column[i] - columns(text), ' ') + lines_[i].comment;
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text + "\n";
      }
    }
    return out;
  }

  bool same_source_line(std::uint32_t from, std::uint32_t to) const {
    if (to < from) return false;
    return source_.substr(from, to - from).find('\n') == std::string_view::npos;
  }

  bool blank_line_between(std::uint32_t from, std::uint32_t to) const {
    if (to <= from) return false;
    std::string_view between = source_.substr(from, to - from);
    std::size_t first = between.find('\n');
    if (first == std::string_view::npos) return false;
    std::size_t second = between.find('\n', first + 1);
    while (second != std::string_view::npos) {
      std::string_view gap = between.substr(first + 1, second - first - 1);
      if (gap.find_first_not_of(" \t\r") == std::string_view::npos) return true;
      first = second;
      second = between.find('\n', first + 1);
    }
    return false;
  }

  std::string_view source_;
  const std::vector<Comment>& comments_;
  std::size_t next_ = 0;
  std::vector<Line> lines_;
  int indent_ = 0;
  std::uint32_t last_end_ = 0;
  bool block_start_ = true;
  bool want_blank_ = false;
};

}  // namespace clause::format
