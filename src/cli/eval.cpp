#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <ostream>

#include "caseio/stream.h"
#include "cli/commands.h"
#include "driver/driver.h"
#include "eval/explain.h"
#include "support/interrupt.h"
#include "support/output.h"

namespace clause::cli {
namespace {

// Loads the policies for eval-like commands; prints diagnostics to `err`.
std::vector<std::shared_ptr<const ir::Program>> load_programs(const std::vector<std::string>& paths, Io& io) {
  diag::Sink sink;
  auto units = driver::load_all(paths, driver::Stage::lower, sink);
  sink.finish();
  report(sink.diagnostics(), diag::Format::text, io.err);
  std::vector<std::shared_ptr<const ir::Program>> programs;
  if (sink.has_errors()) return programs;
  for (auto& unit : units) {
    if (unit.program) programs.push_back(unit.program);   // libraries decide no case
  }
  return programs;
}

// --explain: the trace of each case, on standard error, next to its line.
void explain_case(std::uint64_t line, const caseio::Decided& decided, const eval::ExplainTrace& trace, Io& io) {
  const auto& read = *decided.read;
  std::string label = "case " + std::string(read.has_id ? read.id : "(no id)") + " (line " + std::to_string(line) + ")";
  if (!decided.valid()) {
    io.err << label << ": invalid\n";
    for (const auto& e : read.errors) io.err << "  " << e.field << ": " << e.message << "\n";
  } else {
    io.err << eval::explain(*decided.program, *decided.c, decided.decision, trace, label);
  }
  io.err << "\n";
}

}  // namespace

int run_eval(const EvalOptions& options, Io& io) {
  auto programs = load_programs(options.policy_paths, io);
  if (programs.empty()) {
    io.err << "clause eval: no policy loaded; nothing was evaluated\n";
    return exit_code::usage;
  }
  if (std::string error = caseio::CaseReader(programs, options.policy).setup_error(); !error.empty()) {
    io.err << "clause eval: " << error << "\n";
    return exit_code::usage;
  }
  if (options.jobs < 1) {
    io.err << "clause eval: --jobs must be at least 1\n";
    return exit_code::usage;
  }

  std::FILE* input = nullptr;
  int input_fd = io.in_fd;
  if (options.cases != "-") {
    input = std::fopen(options.cases.c_str(), "rb");
    if (!input) {
      io.err << "clause eval: cannot read the cases file `" << options.cases << "`: " << std::strerror(errno) << "\n";
      return exit_code::usage;
    }
    input_fd = fileno(input);
  }
  // SIGINT and SIGTERM stop the run after the line being written.
  stop_on_interrupt();
  std::unique_ptr<caseio::ByteSource> bytes = input_fd >= 0 ? caseio::ByteSource::of_descriptor(input_fd, interrupted)
                                                            : caseio::ByteSource::of_stream(io.in);
  caseio::LineSource source(*bytes, caseio::CaseReader::padding());

  caseio::StreamOptions stream;
  stream.stop = interrupted;
  stream.jobs = options.jobs;
  stream.policy = options.policy;
  eval::ExplainTrace trace;
  if (options.explain) {
    stream.trace = &trace;
    stream.each = [&](std::uint64_t line, const caseio::Decided& decided) {
      explain_case(line, decided, trace, io);
      trace.clear();
    };
  }
  int write_errno = 0;
  std::optional<LineOutput> output;
  if (io.out_fd >= 0) {
    io.out.flush();
    output.emplace(io.out_fd);
  }
  auto write = [&](std::string_view lines) {
    if (output) {
      if (output->write(lines)) return true;
      write_errno = output->error();
      return false;
    }
    io.out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
    io.out.flush();
    if (!io.out) write_errno = errno;
    return static_cast<bool>(io.out);
  };
  caseio::StreamStats stats = caseio::decide_stream(programs, source, write, stream);
  if (input) std::fclose(input);
  if ((stats.stopped || interrupted()) && !stats.output_lost) return interrupted_status();
  if (stats.output_lost) {
    // A reader that went away (`clause eval ... | head -1`) is not an error;
    // a full disk is.
    if (write_errno == EPIPE) return exit_code::ok;
    io.err << "clause eval: cannot write the decisions: " << std::strerror(write_errno) << "\n";
    return exit_code::io_error;
  }
  if (stats.input_failed) {
    io.err << "clause eval: cannot read the cases: " << stats.input_error << "\n";
    return exit_code::io_error;
  }
  return stats.invalid > 0 ? exit_code::findings : exit_code::ok;
}

}  // namespace clause::cli
