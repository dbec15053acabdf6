// Cases from a file or standard input: JSON lines, or one JSON object that
// spans several lines. Each case comes with the slack the JSON parser needs
// after it, so no line is copied.
#pragma once

#include <cstdio>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clause::caseio {

// The longest case line read whole. A longer line is not buffered: it is
// skipped, and stands in the stream as `too_long_line`, which the reader
// turns into an `invalid` decision. Memory stays bounded.
inline constexpr std::size_t max_line_bytes = 16 << 20;
inline constexpr std::string_view too_long_line{"\0clause: case line too long\0", 28};

// Bytes of cases: a file descriptor (read as data arrives) or a C++ stream.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `size` bytes into `into`: how many, 0 at the end, -1 on failure
  // (error() says why).
  virtual long read(char* into, std::size_t size) = 0;
  // Whether read() would return without waiting.
  virtual bool ready() const = 0;
  const std::string& error() const { return error_; }

  // Not closed. A read interrupted by a signal is tried again, unless
  // `stop` (when given) says stop: then it is the end of the input.
  static std::unique_ptr<ByteSource> of_descriptor(int fd, std::function<bool()> stop = {});
  static std::unique_ptr<ByteSource> of_stream(std::istream& in);

 protected:
  std::string error_;
};

class LineSource {
 public:
  // Reads from `bytes` (not owned). `padding`: bytes that must be readable
  // after every line handed out.
  LineSource(ByteSource& bytes, std::size_t padding);
  // The same from a C file (tests, tools).
  LineSource(std::FILE* file, std::size_t padding);

  // The next case's text (without its line ending) and how many bytes are
  // readable from its start. False at the end of the input. Every input
  // line is one case, a blank one too, and a last line without a newline.
  bool next(std::string_view& text, std::size_t& capacity);

  // Up to `max_lines` whole cases read so far (waiting for input when there
  // is none), as one text of lines each ending in '\n'; at the end of the
  // input the last line may have no '\n'. `lines` is how many it holds. For
  // callers that split lines themselves (many threads). False at the end.
  // Not for a single multi-line object: see single_object().
  bool next_block(std::string_view& block, std::size_t max_lines, std::size_t& lines);

  // True when the input is one JSON object over several lines (use next()).
  bool single_object();

  // Whether next() can answer without waiting for more input; a caller that
  // streams flushes its output before it would wait.
  bool ready() const;

  // True when reading failed (not at the end of the input).
  bool failed() const { return failed_; }
  std::string error() const { return error_; }

 private:
  bool fill();
  void decide_mode();
  void skip_long_line();

  std::unique_ptr<ByteSource> owned_;   // the FILE* constructor's
  ByteSource* bytes_;
  std::size_t padding_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;       // start of unread data
  std::size_t end_ = 0;         // end of data read so far
  mutable std::size_t newline_ = std::string_view::npos;   // where ready() saw the line end, for next()
  bool eof_ = false;
  bool failed_ = false;
  bool mode_known_ = false;
  std::string long_line_;       // the stand-in block for a skipped line
  bool single_ = false;         // the whole input is one multi-line object
  std::string error_;
};

}  // namespace clause::caseio
