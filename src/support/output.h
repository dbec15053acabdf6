// Whole lines to a file descriptor: what `clause eval` writes decisions with.
// The output always ends with a whole line: a write cut short by a signal is
// finished; one that fails (a full disk, a file-size limit) is taken back to
// the end of the last whole line where the file allows it (a regular file is
// cut back), and nothing more is written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace clause {

class LineOutput {
 public:
  explicit LineOutput(int fd);

  // Writes `lines` (whole lines, each ending in '\n'). False when the output
  // failed, now or before; error() says why.
  bool write(std::string_view lines);

  bool failed() const { return error_ != 0; }
  int error() const { return error_; }   // errno of the failure; EPIPE when the reader went away

 private:
  int fd_;
  int error_ = 0;
  bool seekable_ = false;
  std::int64_t whole_ = 0;    // where the last whole line written ends (seekable outputs)
};

}  // namespace clause
