#include "support/output.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace clause {

LineOutput::LineOutput(int fd) : fd_(fd) {
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    off_t at = ::lseek(fd, 0, SEEK_CUR);
    if (at >= 0) {
      seekable_ = true;
      whole_ = at;
    }
  }
}

bool LineOutput::write(std::string_view lines) {
  if (error_ != 0) return false;
  std::size_t done = 0;
  while (done < lines.size()) {
    ssize_t n = ::write(fd_, lines.data() + done, lines.size() - done);
    if (n < 0 && errno == EINTR) continue;   // a signal came first: go on, the line is finished
    if (n <= 0) {
      error_ = n < 0 ? errno : EIO;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (error_ == 0) {
    whole_ += static_cast<std::int64_t>(lines.size());
    return true;
  }
  // Part of `lines` may be out: keep its whole lines, take back the rest.
  std::size_t kept = lines.substr(0, done).rfind('\n');
  kept = kept == std::string_view::npos ? 0 : kept + 1;
  if (seekable_ && kept < done) {
    if (::ftruncate(fd_, static_cast<off_t>(whole_ + static_cast<std::int64_t>(kept))) == 0) {
      ::lseek(fd_, static_cast<off_t>(whole_ + static_cast<std::int64_t>(kept)), SEEK_SET);
    }
  }
  whole_ += static_cast<std::int64_t>(kept);
  return false;
}

}  // namespace clause
