#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ostream>

#include "caseio/evaluate.h"
#include "caseio/lines.h"
#include "cli/commands.h"
#include "driver/driver.h"
#include "eval/explain.h"

namespace clause::cli {
namespace {

constexpr std::size_t flush_at = 1 << 16;

// Writes what is buffered; false when standard output is gone or full.
bool flush(std::string& buffer, std::ostream& out) {
  if (buffer.empty()) return true;
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.flush();
  buffer.clear();
  return static_cast<bool>(out);
}

// Loads the policies for eval-like commands; prints diagnostics to `err`.
std::vector<std::shared_ptr<const ir::Program>> load_programs(const std::vector<std::string>& paths, Io& io) {
  diag::Sink sink;
  auto units = driver::load_all(paths, driver::Stage::lower, sink);
  sink.finish();
  report(sink.diagnostics(), diag::Format::text, io.err);
  std::vector<std::shared_ptr<const ir::Program>> programs;
  if (sink.has_errors()) return programs;
  for (auto& unit : units) programs.push_back(unit.program);
  return programs;
}

}  // namespace

int run_eval(const EvalOptions& options, Io& io) {
  auto programs = load_programs(options.policy_paths, io);
  if (programs.empty()) {
    io.err << "clause eval: no policy loaded; nothing was evaluated\n";
    return exit_code::usage;
  }
  caseio::Evaluator evaluator(programs, options.policy);
  if (!evaluator.setup_error().empty()) {
    io.err << "clause eval: " << evaluator.setup_error() << "\n";
    return exit_code::usage;
  }

  std::FILE* input = stdin;
  if (options.cases != "-") {
    input = std::fopen(options.cases.c_str(), "rb");
    if (!input) {
      io.err << "clause eval: cannot read the cases file `" << options.cases << "`: " << std::strerror(errno) << "\n";
      return exit_code::usage;
    }
  }
  caseio::LineSource source(input, caseio::CaseReader::padding());
  std::string buffer;
  buffer.reserve(flush_at * 2);
  eval::ExplainTrace trace;
  bool any_invalid = false;
  bool output_lost = false;
  std::size_t line = 0;
  std::string_view text;
  std::size_t capacity = 0;
  while (true) {
    // A caller feeding cases through a pipe gets each decision before we wait.
    if (!source.ready() && !flush(buffer, io.out)) {
      output_lost = true;
      break;
    }
    if (!source.next(text, capacity)) break;
    ++line;
    trace.clear();
    bool valid = evaluator.evaluate(text, capacity, buffer, options.explain ? &trace : nullptr);
    any_invalid = any_invalid || !valid;
    if (options.explain) {
      const auto& read = evaluator.last_read();
      std::string label = "case " + (read.has_id ? read.id : "(no id)") + " (line " + std::to_string(line) + ")";
      if (!valid) {
        io.err << label << ": invalid\n";
        for (const auto& e : read.errors) io.err << "  " << e.field << ": " << e.message << "\n";
      } else {
        io.err << eval::explain(evaluator.reader().program(read.program), evaluator.reader().case_for(read.program),
                                evaluator.last_decision(), trace, label);
      }
      io.err << "\n";
    }
    if (buffer.size() >= flush_at && !flush(buffer, io.out)) {
      output_lost = true;
      break;
    }
  }
  if (!output_lost && !flush(buffer, io.out)) output_lost = true;
  if (input != stdin) std::fclose(input);
  if (output_lost) {
    // A reader that went away (`clause eval ... | head -1`) is not an error;
    // a full disk is.
    if (errno == EPIPE) return exit_code::ok;
    io.err << "clause eval: cannot write the decisions: " << std::strerror(errno) << "\n";
    return exit_code::io_error;
  }
  if (source.failed()) {
    io.err << "clause eval: cannot read the cases: " << source.error() << "\n";
    return exit_code::io_error;
  }
  return any_invalid ? exit_code::findings : exit_code::ok;
}

}  // namespace clause::cli
