// A policy file's text and its line index. Spans are byte offsets into the
// text; lines and columns are computed from the index when rendering.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clause::diag {

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;   // one past the last byte; begin == end marks a point
};

struct LineCol {
  std::uint32_t line = 1;     // 1-based
  std::uint32_t column = 1;   // 1-based, in characters (UTF-8 code points), tab counts as one
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  std::string_view slice(Span span) const;

  LineCol line_col(std::uint32_t offset) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  // The text of a 1-based line, without its line ending.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_start(std::uint32_t line) const { return line_starts_[line - 1]; }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

}  // namespace clause::diag
