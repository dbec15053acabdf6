#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "cli/commands.h"
#include "driver/driver.h"
#include "format/format.h"
#include "support/diff.h"

namespace clause::cli {
namespace {

namespace fs = std::filesystem;

// Writes all of `text` to `fd`; false (errno set) when it cannot.
bool write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return ::fsync(fd) == 0 || errno == EINVAL;
}

// Replaces the text of the file `path` names, keeping it the same file for
// everyone who uses it:
// - a symbolic link is followed to the file it points to (the link stays);
// - the new text is written to a fresh file beside that one, created with a
//   name of its own that nothing else has (mkstemp: never a name someone
//   planted a link at), given the file's mode, owner and group (the owner
//   when permitted), then renamed over it, so a reader sees the old text or
//   the new, never half of each;
// - a file with more than one name (hard links) is rewritten in place
//   instead, so that every name keeps seeing it (not atomic then).
bool write_file(const std::string& path, const std::string& text, std::string& error) {
  std::error_code ec;
  fs::path target = fs::canonical(path, ec);
  if (ec) {
    error = ec.message();
    return false;
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (st.st_nlink > 1) {
    int fd = ::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    bool ok = fd >= 0 && write_all(fd, text);
    if (!ok) error = std::strerror(errno);
    if (fd >= 0 && ::close(fd) != 0 && ok) {
      error = std::strerror(errno);
      ok = false;
    }
    return ok;
  }
  std::string temp = (target.parent_path() / ("." + target.filename().string() + ".clause-fmt-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  auto fail = [&] {
    error = std::strerror(errno);
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  };
  if (!write_all(fd, text)) return fail();
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail();
  // Keep the owner and group where we may (root may; others may keep their group).
  if (::fchown(fd, st.st_uid, st.st_gid) != 0 && errno != EPERM) return fail();
  if (::close(fd) != 0) {
    error = std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    error = std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace

int run_fmt(const FmtOptions& options, Io& io) {
  diag::Sink sink;
  auto paths = driver::expand_paths(options.paths, sink);
  if (!options.check && !options.write && paths.size() > 1) {
    io.err << "clause fmt: several files: use --check to see what would change, or --write to rewrite them\n";
    return exit_code::usage;
  }
  int result = exit_code::ok;
  for (const auto& path : paths) {
    driver::Unit unit = driver::load(path, driver::Stage::parse, sink);
    if (!unit.ok) continue;
    const std::string& before = unit.file->text();
    std::string after = format::format(*unit.ast, before);
    // Never change what a policy says: the new text must parse to the same tree.
    diag::Sink check_sink;
    driver::Unit again = driver::load_text(path, after, driver::Stage::parse, check_sink);
    if (!again.ok || !format::same_policy(*unit.ast, *again.ast)) {
      io.err << "clause fmt: internal error: formatting " << path
             << " would change its meaning; the file is left as it is (please report this)\n";
      return exit_code::io_error;
    }
    if (options.check) {
      if (after != before) {
        io.out << unified_diff(before, after, path, path + " (formatted)");
        result = exit_code::findings;
      }
    } else if (options.write) {
      std::string error;
      if (after != before && !write_file(path, after, error)) {
        io.err << "clause fmt: cannot write " << path << ": " << error << "\n";
        return exit_code::io_error;
      }
    } else {
      io.out << after;
    }
  }
  sink.finish();
  if (sink.has_errors()) {
    report(sink.diagnostics(), diag::Format::text, io.err);
    return exit_code::usage;
  }
  return result;
}

}  // namespace clause::cli
