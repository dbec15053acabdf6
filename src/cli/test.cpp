#include <filesystem>
#include <fstream>
#include <sstream>
#include <map>
#include <ostream>
#include <set>

#include "caseio/write.h"
#include "cli/commands.h"
#include "driver/driver.h"
#include "testing/case_files.h"
#include "testing/policy_tests.h"

namespace clause::cli {
namespace {

namespace fs = std::filesystem;

const diag::CodeInfo test_failed{"T0001", "test-failed", "A policy test's case got another decision than it expects.",
                                 diag::Severity::error};

// `*.cases.jsonl` files among the paths, or in the folders among them.
std::vector<std::string> case_files(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  auto is_case_file = [](const fs::path& p) { return p.string().ends_with(".cases.jsonl"); };
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (is_case_file(entry.path())) found.push_back(entry.path().string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (is_case_file(path)) {
      out.push_back(path);
    }
  }
  return out;
}

std::string describe(const testing::TestResult& r) {
  std::string text;
  for (const auto& m : r.mismatches) {
    text += (text.empty() ? "" : "; ") + m.what + ": expected " + m.expected + ", got " + m.actual;
  }
  return text;
}

}  // namespace

int run_test(const TestOptions& options, Io& io) {
  diag::Sink sink;
  std::vector<std::string> policy_paths;
  for (const auto& p : options.paths) {
    if (!p.ends_with(".cases.jsonl")) policy_paths.push_back(p);
  }
  auto units = driver::load_all(policy_paths, driver::Stage::lower, sink);
  if (sink.has_errors()) {
    sink.finish();
    report(sink.diagnostics(), diag::Format::text, io.err);
    io.err << "clause test: the policies do not check; no test was run\n";
    return exit_code::usage;
  }
  std::size_t passed = 0, failed = 0;
  bool text = options.format == diag::Format::text;
  diag::Sink failures;
  // What the tests reached, for --coverage, by policy: reason ids, and the
  // target lines decisions used.
  struct Reached {
    std::set<std::string> reasons;
    std::set<std::uint32_t> targets;
  };
  std::map<std::string, Reached> reached;
  auto note_reached = [&](const testing::TestResult& r) {
    if (r.policy.empty()) return;
    Reached& seen = reached[r.policy];
    seen.reasons.insert(r.reasons.begin(), r.reasons.end());
    seen.targets.insert(r.target_rules.begin(), r.target_rules.end());
  };
  auto report_failure = [&](const diag::SourcePtr& file, diag::Span span, const std::string& where,
                            const testing::TestResult& r) {
    ++failed;
    if (text) {
      io.out << "FAIL " << where << " \"" << r.name << "\"\n";
      for (const auto& m : r.mismatches) io.out << "  " << m.what << ": expected " << m.expected << ", got " << m.actual << "\n";
      if (!r.decided_by.empty()) io.out << "  decided by: " << r.decided_by << "\n";
      io.out << "  decision: " << r.decision << "\n";
    } else {
      failures.report(diag::Diagnostic{&test_failed, diag::Severity::error, file, span,
                                       "test \"" + r.name + "\" failed: " + describe(r), {}, {}, {}, {}});
    }
  };
  std::vector<std::shared_ptr<const ir::Program>> programs;
  for (const auto& unit : units) {
    if (!unit.program) continue;   // a library has no tests to run
    programs.push_back(unit.program);
    for (const auto& r : testing::run_policy_tests(unit)) {
      note_reached(r);
      if (r.passed) {
        ++passed;
        continue;
      }
      auto lc = unit.file->line_col(r.span.begin);
      report_failure(unit.file, r.span, unit.path + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column), r);
    }
  }
  for (const auto& path : case_files(options.paths)) {
    // The file's text, so that failures point at their line.
    std::ifstream in(path, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    auto file = std::make_shared<diag::SourceFile>(path, contents.str());
    for (const auto& r : testing::run_case_file(path, programs)) {
      if (r.result.passed) {
        ++passed;
        note_reached(r.result);
        continue;
      }
      std::uint32_t at = r.line <= file->line_count() ? file->line_start(static_cast<std::uint32_t>(r.line)) : 0;
      std::uint32_t end = static_cast<std::uint32_t>(at + file->line_text(static_cast<std::uint32_t>(r.line)).size());
      report_failure(file, {at, end}, path + ":" + std::to_string(r.line), r.result);
    }
  }
  if (!text) {
    failures.finish();
    report(failures.diagnostics(), options.format, io.out);
  }
  if (options.coverage) {
    std::ostream& out = text ? io.out : io.err;
    for (const auto& unit : units) {
      if (!unit.program) continue;
      const auto& program = *unit.program;
      const auto& seen = reached[program.name].reasons;
      const auto& targets = reached[program.name].targets;
      std::vector<std::string> missing;
      for (const auto& rule : program.rules) {
        if (!seen.count(rule.reason.id)) missing.push_back("rule " + rule.reason.id + " (" + rule.reason.at + ")");
      }
      for (const auto& r : program.guarantee.excludes_reasons) {
        if (!seen.count(r.id)) missing.push_back("clause " + r.id + " (" + r.at + ")");
      }
      if (program.guarantee.present && !seen.count("guarantee")) missing.push_back("the guarantee (" + program.guarantee.reason.at + ")");
      for (std::size_t p = 0; p < program.plans.size(); ++p) {
        const auto& plan = program.plans[p];
        if (!seen.count(plan.reason_id)) missing.push_back("plan " + plan.id + " (" + plan.at + ")");
        for (int u = 0; u < program.urgency_count; ++u) {
          for (std::size_t k = 0; k < lang::target_kinds; ++k) {
            std::size_t key = program.target_key(static_cast<int>(p), u, static_cast<lang::TargetKind>(k));
            for (std::uint32_t r = program.target_first[key]; r < program.target_first[key] + program.target_count[key]; ++r) {
              if (targets.count(r)) continue;
              std::string kind = k == 0 ? "target" : std::string(lang::text(static_cast<lang::TargetKind>(k))) + " target";
              missing.push_back(kind + " " + plan.id + " " + program.urgency_values[static_cast<std::size_t>(u)] + " (" +
                                program.target_rules[r].at + ")");
            }
          }
        }
      }
      if (program.otherwise != lang::Otherwise::none && !seen.count("otherwise")) missing.push_back("otherwise");
      out << "coverage of " << program.name << ": ";
      if (missing.empty()) {
        out << "every rule, plan and target is reached by a test\n";
      } else {
        out << missing.size() << " not reached by any test:\n";
        for (const auto& m : missing) out << "  " << m << "\n";
      }
    }
  }
  (text ? io.out : io.err) << passed << " passed, " << failed << " failed\n";
  return failed ? exit_code::findings : exit_code::ok;
}

}  // namespace clause::cli
