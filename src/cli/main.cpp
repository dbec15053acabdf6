// The `clause` command: maps the command line onto the commands in
// commands.h. Exit codes: 0 ok, 1 findings, 2 usage, 3 I/O (docs/cli.md).
#include <CLI/CLI.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>
#include <iostream>
#include <thread>

#include "cli/commands.h"

namespace {

using namespace clause::cli;

// The values --format takes.
CLI::IsMember format_names() { return CLI::IsMember({"text", "json", "sarif", "github"}); }

clause::diag::Format to_format(const std::string& name) {
  clause::diag::Format f = clause::diag::Format::text;
  clause::diag::parse_format(name, f);
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  // A reader that goes away must not kill us mid-line: writes report EPIPE instead.
  std::signal(SIGPIPE, SIG_IGN);
  // A file-size limit is a failed write (EFBIG) to report, not a crash.
  std::signal(SIGXFSZ, SIG_IGN);
  std::ios::sync_with_stdio(false);
  Io io{std::cin, std::cout, std::cerr, 0, 1};

  CLI::App app{"Clause: support policies as code. Check a policy, then decide cases with it."};
  app.name("clause");
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(version()));
  std::function<int()> command;

  CheckOptions check;
  std::string check_format = "text";
  auto* check_cmd = app.add_subcommand("check", "Check policy files: syntax, names, types, ranges");
  check_cmd->add_option("paths", check.paths, "policy files or folders of them")->required();
  check_cmd->add_option("--format", check_format, "text, json, sarif or github")->check(format_names());
  check_cmd->callback([&] {
    check.format = to_format(check_format);
    command = [&] { return run_check(check, io); };
  });

  EvalOptions eval;
  auto* eval_cmd = app.add_subcommand("eval", "Decide cases (JSON or JSON lines) against policies");
  eval_cmd->add_option("policy_paths", eval.policy_paths, "policy files or folders of them")->required();
  eval_cmd->add_option("--policy", eval.policy, "the policy every case is decided by (overrides the cases' own)");
  eval_cmd->add_option("--cases", eval.cases, "the cases file, or - for standard input (the default)");
  eval_cmd->add_flag("--explain", eval.explain, "explain each decision on standard error");
  eval.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  eval_cmd->add_option("--jobs", eval.jobs, "threads deciding cases (default: the number of cores); the output stays in input order")
      ->check(CLI::Range(1, 256));
  eval_cmd->callback([&] { command = [&] { return run_eval(eval, io); }; });

  QuoteOptions quote;
  std::string quote_format = "text";
  auto* quote_cmd = app.add_subcommand("quote", "Price of a plan, exactly");
  quote_cmd->add_option("policy_paths", quote.policy_paths, "policy files or folders of them")->required();
  quote_cmd->add_option("--policy", quote.policy, "which loaded policy");
  quote_cmd->add_option("--plan", quote.plan, "the plan's id")->required();
  quote_cmd->add_option("--base", quote.base, "the amount a percentage price is of, e.g. 60000 or \"60000 USD\"");
  quote_cmd->add_option("--format", quote_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  quote_cmd->callback([&] {
    quote.format = to_format(quote_format);
    command = [&] { return run_quote(quote, io); };
  });

  FmtOptions fmt;
  auto* fmt_cmd = app.add_subcommand("fmt", "Lay policy files out the canonical way, keeping every comment");
  fmt_cmd->add_option("paths", fmt.paths, "policy files or folders of them")->required();
  auto* check_flag = fmt_cmd->add_flag("--check", fmt.check, "exit 1 and show a diff when a file is not formatted");
  fmt_cmd->add_flag("--write", fmt.write, "rewrite the files in place")->excludes(check_flag);
  fmt_cmd->callback([&] { command = [&] { return run_fmt(fmt, io); }; });

  LintOptions lint;
  std::string lint_format = "text";
  auto* lint_cmd = app.add_subcommand("lint", "Check policies, then look for terms and rules that are wrong");
  lint_cmd->add_option("paths", lint.paths, "policy files or folders of them")->required();
  // One code per --deny or --allow, so that the paths after it stay paths.
  lint_cmd->add_option("--deny", lint.deny, "report this code (or name, or `warnings`) as an error")->allow_extra_args(false);
  lint_cmd->add_option("--allow", lint.allow, "do not report this code (or name)")->allow_extra_args(false);
  lint_cmd->add_option("--format", lint_format, "text, json, sarif or github")->check(format_names());
  lint_cmd->callback([&] {
    lint.format = to_format(lint_format);
    command = [&] { return run_lint(lint, io); };
  });

  TestOptions test;
  std::string test_format = "text";
  auto* test_cmd = app.add_subcommand("test", "Run the policies' test blocks and *.cases.jsonl files");
  test_cmd->add_option("paths", test.paths, "policy files, folders, *.cases.jsonl files")->required();
  test_cmd->add_flag("--coverage", test.coverage, "list the rules, plans and targets no test reached");
  test_cmd->add_option("--format", test_format, "text, json, sarif or github")->check(format_names());
  test_cmd->callback([&] {
    test.format = to_format(test_format);
    command = [&] { return run_test(test, io); };
  });

  DiffOptions diff;
  std::string diff_format = "text";
  auto* diff_cmd = app.add_subcommand("diff", "Which cases a change to a policy decides differently");
  diff_cmd->add_option("old", diff.before, "the policy before the change")->required();
  diff_cmd->add_option("new", diff.after, "the policy after the change")->required();
  diff_cmd->add_option("--format", diff_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  diff_cmd->callback([&] {
    diff.format = to_format(diff_format);
    command = [&] { return run_diff(diff, io); };
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_code::usage;
  }
  int code = command ? command() : exit_code::usage;
  // Every command's output must get out: a full disk is exit 3, said on
  // standard error (a reader that went away is not an error).
  std::cout.flush();
  if (!std::cout && errno != EPIPE) {
    std::cerr << "clause: cannot write the output: " << std::strerror(errno) << "\n";
    return exit_code::io_error;
  }
  return code;
}
