#include "caseio/lines.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <istream>

#include "support/text.h"

namespace clause::caseio {
namespace {

constexpr std::size_t chunk = 1 << 20;
// A pretty-printed case larger than this is not waited for: the input is read as JSON lines.
constexpr std::size_t max_single_object = 16 << 20;

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// A cheap test for "this line holds a whole JSON object": braces balance
// outside strings. Only used to tell a pretty-printed object from JSON lines.
bool balanced(std::string_view line) {
  return walk_json_structure(line, [](std::size_t, int) {}) == 0;
}

}  // namespace

namespace {

class DescriptorSource : public ByteSource {
 public:
  DescriptorSource(int fd, std::function<bool()> stop) : fd_(fd), stop_(std::move(stop)) {}
  long read(char* into, std::size_t size) override {
    // read(2), not fread: a pipe's cases are decided as they arrive.
    ssize_t got;
    do {
      got = ::read(fd_, into, size);
      if (got < 0 && errno == EINTR && stop_ && stop_()) return 0;
    } while (got < 0 && errno == EINTR);
    if (got < 0) error_ = std::strerror(errno);
    return static_cast<long>(got);
  }
  bool ready() const override {
    // More input that can be read at once (a file always; a pipe when data
    // is waiting) is no reason to flush.
    pollfd fd{fd_, POLLIN, 0};
    return ::poll(&fd, 1, 0) > 0;
  }

 private:
  int fd_;
  std::function<bool()> stop_;
};

class StreamSource : public ByteSource {
 public:
  explicit StreamSource(std::istream& in) : in_(in) {}
  long read(char* into, std::size_t size) override {
    in_.read(into, static_cast<std::streamsize>(size));
    if (in_.bad()) {
      error_ = "the input stream failed";
      return -1;
    }
    return static_cast<long>(in_.gcount());
  }
  bool ready() const override { return true; }

 private:
  std::istream& in_;
};

}  // namespace

std::unique_ptr<ByteSource> ByteSource::of_descriptor(int fd, std::function<bool()> stop) {
  return std::make_unique<DescriptorSource>(fd, std::move(stop));
}
std::unique_ptr<ByteSource> ByteSource::of_stream(std::istream& in) { return std::make_unique<StreamSource>(in); }

LineSource::LineSource(ByteSource& bytes, std::size_t padding) : bytes_(&bytes), padding_(padding) {
  buffer_.resize(chunk + padding_);
}

LineSource::LineSource(std::FILE* file, std::size_t padding)
    : owned_(ByteSource::of_descriptor(fileno(file))), bytes_(owned_.get()), padding_(padding) {
  buffer_.resize(chunk + padding_);
}

bool LineSource::fill() {
  if (eof_) return false;
  // Keep the unread tail at the front, and grow when one line fills the buffer.
  newline_ = std::string_view::npos;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buffer_.size() - padding_ - end_ < chunk / 2) buffer_.resize(buffer_.size() * 2);
  std::size_t room = buffer_.size() - padding_ - end_;
  long got = bytes_->read(buffer_.data() + end_, room);
  if (got < 0) {
    failed_ = true;
    error_ = bytes_->error();
    eof_ = true;
    return false;
  }
  if (got == 0) {
    eof_ = true;
    return false;
  }
  end_ += static_cast<std::size_t>(got);
  return true;
}

bool LineSource::ready() const {
  if (eof_ || !mode_known_ || single_) return true;
  if (const void* at = std::memchr(buffer_.data() + begin_, '\n', end_ - begin_)) {
    newline_ = static_cast<std::size_t>(static_cast<const char*>(at) - buffer_.data());
    return true;
  }
  return bytes_->ready();
}

void LineSource::decide_mode() {
  // JSON lines, unless the first line opens an object it does not close and
  // the whole input is that one object (a case saved pretty-printed).
  while (true) {
    std::string_view all(buffer_.data() + begin_, end_ - begin_);
    std::size_t first = all.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos) {
      std::size_t line_end = all.find('\n', first);
      if (all[first] != '{') break;
      if (line_end != std::string_view::npos && balanced(all.substr(first, line_end - first))) break;
      if (eof_) {
        single_ = line_end != std::string_view::npos && balanced(all);
        break;
      }
    } else if (eof_) {
      break;
    }
    // Whole lines are here and more input would wait: JSON lines (a stream
    // that starts with blank lines is answered as it comes, not at its end).
    std::string_view read(buffer_.data() + begin_, end_ - begin_);
    if (!eof_ && read.find('\n') != std::string_view::npos && !bytes_->ready()) break;
    if (end_ - begin_ > max_single_object || !fill()) {
      if (!eof_) break;
    }
  }
  mode_known_ = true;
}

bool LineSource::single_object() {
  if (!mode_known_) decide_mode();
  return single_;
}

bool LineSource::next_block(std::string_view& block, std::size_t max_lines, std::size_t& lines) {
  if (!mode_known_) decide_mode();
  if (max_lines == 0) max_lines = 1;
  while (true) {
    std::string_view rest(buffer_.data() + begin_, end_ - begin_);
    // Up to max_lines whole lines.
    std::size_t end = 0;
    lines = 0;
    while (lines < max_lines) {
      const void* at = std::memchr(rest.data() + end, '\n', rest.size() - end);
      if (!at) break;
      end = static_cast<std::size_t>(static_cast<const char*>(at) - rest.data()) + 1;
      ++lines;
    }
    if (lines > 0) {
      block = rest.substr(0, end);
      begin_ += end;
      return true;
    }
    if (eof_) {
      if (rest.empty()) return false;
      block = rest;   // the last line, without its newline
      begin_ = end_;
      lines = 1;
      return true;
    }
    if (rest.size() >= max_line_bytes) {
      skip_long_line();
      long_line_ = std::string(too_long_line) + "\n";
      block = long_line_;
      lines = 1;
      return true;
    }
    fill();
  }
}

bool LineSource::next(std::string_view& text, std::size_t& capacity) {
  if (!mode_known_) decide_mode();
  while (true) {
    std::string_view rest(buffer_.data() + begin_, end_ - begin_);
    if (single_) {
      if (rest.empty() || blank(rest)) return false;
      text = rest;
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
      capacity = buffer_.size() - begin_;
      begin_ = end_;
      return true;
    }
    std::size_t newline = newline_ >= begin_ && newline_ < end_ ? newline_ - begin_ : rest.find('\n');
    newline_ = std::string_view::npos;
    if (newline != std::string_view::npos || (eof_ && !rest.empty())) {
      std::size_t length = newline == std::string_view::npos ? rest.size() : newline;
      text = rest.substr(0, length);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      capacity = buffer_.size() - begin_;
      begin_ += newline == std::string_view::npos ? length : length + 1;
      return true;
    }
    if (eof_) return false;
    if (rest.size() >= max_line_bytes) {
      // Too long to keep: drop it up to its end, then report it as one case.
      skip_long_line();
      text = too_long_line;
      capacity = text.size();   // INVARIANT: the reader checks for this text before parsing
      return true;
    }
    fill();
  }
}

void LineSource::skip_long_line() {
  while (true) {
    std::string_view rest(buffer_.data() + begin_, end_ - begin_);
    std::size_t newline = rest.find('\n');
    if (newline != std::string_view::npos) {
      begin_ += newline + 1;
      return;
    }
    begin_ = end_;
    if (eof_ || !fill()) return;
  }
}

}  // namespace clause::caseio
