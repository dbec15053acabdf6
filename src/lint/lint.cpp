#include "lint/lint.h"

#include <algorithm>
#include <regex>

#include "lint/rules.h"
#include "support/text.h"

namespace clause::lint {
namespace {

// An author's acknowledgement: `// lint: allow CODE reason`, on the line of
// the finding, or on its own line above it (then it covers that line and
// the lines continuing it, indented further).
struct Acknowledgement {
  diag::Code code = nullptr;
  std::uint32_t first_line = 0;
  std::uint32_t last_line = 0;
  syntax::Loc span;
  bool used = false;
};

diag::Code find_lint_code(std::string_view name) {
  for (diag::Code c : all_codes()) {
    if (c->id == name || c->name == name) return c;
  }
  return nullptr;
}

std::uint32_t indent_of(std::string_view line) {
  auto first = line.find_first_not_of(" \t");
  return first == std::string_view::npos ? 0 : static_cast<std::uint32_t>(first);
}

bool blank_or_comment(std::string_view line) {
  auto first = line.find_first_not_of(" \t\r");
  return first == std::string_view::npos || line.substr(first).starts_with("//");
}

std::vector<Acknowledgement> acknowledgements(Context& context) {
  std::vector<Acknowledgement> out;
  static const std::regex directive(R"(^//\s*lint:\s*allow\s+(\S+)\s*(.*)$)");
  const auto& file = *context.unit.file;
  for (const auto& comment : context.ast.comments) {
    std::smatch m;
    if (!std::regex_match(comment.text, m, directive)) continue;
    Acknowledgement ack;
    ack.span = comment.span;
    ack.code = find_lint_code(m[1].str());
    std::string reason = m[2].str();
    if (!ack.code) {
      auto& d = context.report(codes::acknowledgement, comment.span, "`" + m[1].str() + "` is not a lint code or name");
      d.help = diag::find_code(m[1].str())
                   ? "check errors (E codes) cannot be acknowledged: fix the policy instead"
                   : "write a code like L0501 or a name like no-response-promise (docs/lint.md lists them)";
      continue;
    }
    if (reason.find_first_not_of(" \t") == std::string::npos) {
      context.report(codes::acknowledgement, comment.span, "the acknowledgement of `" + m[1].str() + "` gives no reason")
          .help = "say why, after the code: `// lint: allow " + m[1].str() + " <the reason, in words>`";
      continue;
    }
    std::uint32_t line = file.line_col(comment.span.begin).line;
    if (!comment.own_line) {
      ack.first_line = ack.last_line = line;
    } else {
      std::uint32_t next = line + 1;
      while (next <= file.line_count() && blank_or_comment(file.line_text(next))) ++next;
      ack.first_line = next;
      ack.last_line = next;
      std::uint32_t base = indent_of(file.line_text(next));
      while (ack.last_line + 1 <= file.line_count() && !blank_or_comment(file.line_text(ack.last_line + 1)) &&
             indent_of(file.line_text(ack.last_line + 1)) > base) {
        ++ack.last_line;
      }
    }
    out.push_back(ack);
  }
  return out;
}

bool listed(const std::vector<std::string>& list, diag::Code code) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& item) { return item == code->id || item == code->name; });
}

}  // namespace

void lint(const driver::Unit& unit, const Options& options, diag::Sink& sink) {
  Context context{unit, *unit.checked, *unit.ast, {}};
  // In order: analyses of terms, then of rules, then of the text around them.
  check_bands(context);
  check_tiers(context);
  if (unit.program) check_reachability(context);   // a library decides no case
  check_unused(context);
  if (unit.program) check_tests(context);
  check_promises(context);
  check_target_lines(context);
  check_holiday_lists(context);
  auto acks = acknowledgements(context);
  std::vector<diag::Diagnostic> kept;
  for (auto& finding : context.findings) {
    if (finding.code != &codes::acknowledgement) {
      std::uint32_t line = unit.file->line_col(finding.span.begin).line;
      auto ack = std::find_if(acks.begin(), acks.end(), [&](const Acknowledgement& a) {
        return a.code == finding.code && line >= a.first_line && line <= a.last_line;
      });
      if (ack != acks.end()) {
        ack->used = true;
        continue;
      }
    }
    kept.push_back(std::move(finding));
  }
  for (const auto& ack : acks) {
    if (ack.used) continue;
    auto& d = kept.emplace_back(diag::Diagnostic{&codes::acknowledgement, codes::acknowledgement.default_severity, unit.file,
                                                 ack.span,
                                                 "this acknowledges `" + std::string(ack.code->name) +
                                                     "`, but nothing here is reported any more",
                                                 {}, {}, {}, {}});
    d.help = "remove the acknowledgement";
  }
  // The configuration last, so that it applies to every finding alike.
  bool deny_all_warnings = std::find(options.deny.begin(), options.deny.end(), "warnings") != options.deny.end();
  for (auto& finding : kept) {
    if (listed(options.allow, finding.code)) continue;
    if (listed(options.deny, finding.code) || (deny_all_warnings && finding.severity == diag::Severity::warning)) {
      finding.severity = diag::Severity::error;
    }
    sink.report(std::move(finding));
  }
}

bool known_code(std::string_view name) { return name == "warnings" || find_lint_code(name) != nullptr; }

}  // namespace clause::lint
