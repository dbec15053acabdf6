// A stream of cases decided in order: JSON lines (or one JSON object over
// several lines) in, one decision line per input line out, on one thread or
// several. With several, batches of lines are decided by worker threads and
// written in the order they were read, so the output is byte for byte what
// one thread writes. Memory stays bounded whatever the input: a batch holds
// at most `max_batch_lines` lines and about `max_batch_bytes` of input, and
// at most two batches per thread are in flight.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "caseio/evaluate.h"
#include "caseio/lines.h"

namespace clause::caseio {

inline constexpr std::size_t max_batch_lines = 1024;
inline constexpr std::size_t max_batch_bytes = 256 << 10;

struct StreamOptions {
  int jobs = 1;                  // threads deciding cases (at least 1)
  std::string policy;            // --policy: the policy every case is decided by
  // Called after each case, in input order, on the calling thread, with its
  // line number (from 1); forces one job. For `--explain`.
  std::function<void(std::uint64_t line, const Decided&)> each;
  eval::Trace* trace = nullptr;  // given to every case when `each` is set
  // Asked between cases: when it says stop, the cases read and being decided
  // are written (whole lines) and nothing more is read.
  std::function<bool()> stop;
};

struct StreamStats {
  std::uint64_t cases = 0;                   // input lines decided (each gave one decision line)
  std::uint64_t invalid = 0;                 // of them, invalid
  std::vector<std::uint64_t> invalid_lines;  // the first few invalid lines' numbers
  bool output_lost = false;                  // `write` failed; nothing was decided after it
  bool input_failed = false;                 // reading failed (not at the end)
  std::string input_error;
  bool stopped = false;                      // options.stop said stop before the end of the input
};
inline constexpr std::size_t max_invalid_lines_kept = 10;

// Decides every case of `source`. `write` receives whole decision lines (one
// or more at a time) and returns false when the output is gone. A caller
// feeding a pipe gets each decision before the stream waits for more input.
// Precondition: the programs are loaded and `options.policy` (if any) names one.
StreamStats decide_stream(const std::vector<std::shared_ptr<const ir::Program>>& programs, LineSource& source,
                          const std::function<bool(std::string_view)>& write, const StreamOptions& options);

// Calls `line(text, capacity)` for each line of `block` (lines end in '\n',
// the last one may not; a '\r' before the '\n' is dropped): `capacity` is how
// many bytes are readable from the line's start, given `readable` from the
// block's. Returns the number of lines.
template <typename Line>
std::size_t for_each_line(std::string_view block, std::size_t readable, Line&& line) {
  std::size_t offset = 0, count = 0;
  while (offset < block.size()) {
    const char* start = block.data() + offset;
    const void* newline = std::memchr(start, '\n', block.size() - offset);
    std::size_t length = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - start) : block.size() - offset;
    std::string_view text(start, length);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    line(text, readable - offset);
    ++count;
    offset += length + 1;
  }
  return count;
}

}  // namespace clause::caseio
