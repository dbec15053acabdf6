// The subcommands as plain functions: options in, exit code out, text to the
// given streams. main.cpp maps the command line onto these (CLI11 stays out
// of this header, so tests call the commands directly).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "diag/render.h"

namespace clause::cli {

// Where a command reads and writes. Tests give string streams; the program
// gives the standard streams and their file descriptors, which `eval` reads
// and writes directly (a pipe's cases are decided as they arrive).
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  int in_fd = -1;    // the descriptor behind `in`, when there is one
  int out_fd = -1;   // and behind `out` (eval writes whole lines to it: support/output.h)
};

// Exit codes, the same for every command (docs/cli.md).
namespace exit_code {
inline constexpr int ok = 0;          // clean / every case evaluated
inline constexpr int findings = 1;    // errors found / an invalid case / decisions changed
inline constexpr int usage = 2;       // bad command line, unreadable file, policy that does not load
inline constexpr int io_error = 3;    // the input could not be read or the output written
}  // namespace exit_code

std::string_view version();

struct CheckOptions {
  std::vector<std::string> paths;
  diag::Format format = diag::Format::text;
};
int run_check(const CheckOptions& options, Io& io);

struct EvalOptions {
  std::vector<std::string> policy_paths;
  std::string policy;          // --policy NAME
  std::string cases = "-";     // --cases FILE, "-" for standard input
  bool explain = false;        // --explain: the trace a person reads, on standard error
  int jobs = 1;                // --jobs N
};
int run_eval(const EvalOptions& options, Io& io);

struct QuoteOptions {
  std::vector<std::string> policy_paths;
  std::string policy;
  std::string plan;
  std::string base;            // an amount, with or without the policy's currency
  diag::Format format = diag::Format::text;
};
int run_quote(const QuoteOptions& options, Io& io);

struct FmtOptions {
  std::vector<std::string> paths;
  bool check = false;          // exit 1 and print a unified diff when a file is not formatted
  bool write = false;          // rewrite files in place, atomically
};
int run_fmt(const FmtOptions& options, Io& io);

struct LintOptions {
  std::vector<std::string> paths;
  std::vector<std::string> deny;   // --deny CODE (or `warnings`): report as errors
  std::vector<std::string> allow;  // --allow CODE: do not report
  diag::Format format = diag::Format::text;
};
int run_lint(const LintOptions& options, Io& io);

struct TestOptions {
  std::vector<std::string> paths;  // policies, folders, and *.cases.jsonl files
  bool coverage = false;           // list the rules, plans and targets no test reached
  diag::Format format = diag::Format::text;
};
int run_test(const TestOptions& options, Io& io);

struct DiffOptions {
  std::string before;              // the old version of a policy file
  std::string after;               // the new one
  diag::Format format = diag::Format::text;   // text or json
};
int run_diff(const DiffOptions& options, Io& io);

// Renders diagnostics and a one-line summary the same way for every command.
void report(const std::vector<diag::Diagnostic>& diagnostics, diag::Format format, std::ostream& out);

}  // namespace clause::cli
