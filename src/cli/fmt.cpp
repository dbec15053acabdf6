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

// Replaces `path` by `text` so that a reader sees the old file or the new
// one, never half of each: write beside it, then rename over it.
bool write_atomically(const std::string& path, const std::string& text, std::string& error) {
  fs::path target(path);
  fs::path temp = target;
  temp += ".clause-fmt-tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      error = std::strerror(errno);
      std::error_code ignored;
      fs::remove(temp, ignored);
      return false;
    }
  }
  std::error_code ec;
  fs::permissions(temp, fs::status(target, ec).permissions(), ec);
  fs::rename(temp, target, ec);
  if (ec) {
    error = ec.message();
    std::error_code ignored;
    fs::remove(temp, ignored);
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
      if (after != before && !write_atomically(path, after, error)) {
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
