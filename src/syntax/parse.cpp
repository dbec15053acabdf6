#include "syntax/parse.h"

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "syntax/errors.h"
#include "syntax/grammar.h"
#include "syntax/pieces.h"
#include "syntax/selector.h"

namespace clause::syntax {
namespace {

namespace pegtl = tao::pegtl;

template <typename Rule>
using control = typename pegtl::must_if<errors>::template control<Rule>;

// A message by value: taking the variable's address would need a definition
// that some compilers do not emit for explicit specializations.
template <typename Rule>
constexpr const char* message_of() {
  return errors::message<Rule>;
}

}  // namespace

std::string unescape(std::string_view inside) {
  std::string out;
  out.reserve(inside.size());
  for (std::size_t i = 0; i < inside.size(); ++i) {
    if (inside[i] == '\\' && i + 1 < inside.size()) {
      char e = inside[++i];
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
    } else {
      out += inside[i];
    }
  }
  return out;
}

std::string quote_text(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

std::optional<Policy> parse(const diag::SourcePtr& file, diag::Sink& sink) {
  const std::string& text = file->text();
  std::string why;
  if (auto bad = find_bad_byte(text, why)) {
    auto at = static_cast<std::uint32_t>(*bad);
    sink.error(&diag::codes::bad_text, file, {at, at + 1}, why).help =
        "save the policy as UTF-8 text";
    return std::nullopt;
  }
  Scan scanned = scan(text);
  if (scanned.too_deep) {
    auto at = *scanned.too_deep;
    sink.error(&diag::codes::nesting, file, {at, at + 1},
               "nested too deeply: brackets and blocks may nest at most " + std::to_string(max_nesting) + " levels");
    return std::nullopt;
  }

  const char* base = text.data();
  const char* end = base + text.size();
  Policy policy;
  policy.comments = std::move(scanned.comments);
  std::size_t errors_before = sink.error_count();

  auto report = [&](std::string_view message, std::size_t at) {
    diag::Span span = token_at(text, at);
    auto& d = sink.error(&diag::codes::syntax, file, span, std::string(message));
    std::string_view found = std::string_view(text).substr(span.begin, span.end - span.begin);
    if (!found.empty()) d.label = "found `" + std::string(found) + "`";
    if (auto guess = suggestion(message, found)) d.help = "did you mean `" + *guess + "`?";
  };
  auto report_error = [&](const pegtl::parse_error& e, std::size_t input_offset) {
    std::size_t at = input_offset + e.positions().front().byte;
    report(e.message(), at);
    return at;
  };

  // The head: `policy NAME "title" {`.
  std::size_t pos = 0;
  try {
    pegtl::memory_input in(base, end, file->path());
    auto root = pegtl::parse_tree::parse<pegtl::must<g::policy_head>, Node, selector, pegtl::nothing, control>(in);
    for (const auto& c : root->children) {
      if (c->is_type<g::policy_name>()) policy.name = build_name(*c, base);
      if (c->is_type<g::file_kind>()) policy.library = c->string_view() == "library";
      if (c->is_type<g::title>()) policy.title = build_text(*c, base);
    }
    policy.bom = text.starts_with("\xEF\xBB\xBF");
    pos = static_cast<std::size_t>(in.current() - base);
  } catch (const pegtl::parse_error& e) {
    report_error(e, 0);
    return std::nullopt;
  }
  policy.span.begin = static_cast<std::uint32_t>(policy.name.span.begin);

  // Declarations, one at a time, so that an error in one does not hide the next.
  while (true) {
    pegtl::memory_input in(base + pos, end, file->path());
    pegtl::parse<g::_>(in);
    pos = static_cast<std::size_t>(in.current() - base);
    if (pos == text.size()) {
      auto at = static_cast<std::uint32_t>(pos);
      auto& d = sink.error(&diag::codes::syntax, file, {at, at}, "the policy is not closed: expected `}` before the end of the file");
      d.related.push_back({policy.name.span, "the policy that is not closed"});
      d.help = "add `}` after the policy's last declaration";
      break;
    }
    if (text[pos] == '}') {
      try {
        pegtl::memory_input tail(base + pos, end, file->path());
        pegtl::parse<pegtl::must<g::policy_end>, pegtl::nothing, control>(tail);
        policy.span.end = static_cast<std::uint32_t>(pos + 1);
      } catch (const pegtl::parse_error& e) {
        report_error(e, pos);
      }
      break;
    }
    std::size_t member_begin = pos;
    try {
      pegtl::memory_input member_in(base + pos, end, file->path());
      auto root = pegtl::parse_tree::parse<g::member, Node, selector, pegtl::nothing, control>(member_in);
      if (!root) {
        // Not a declaration: say what would be, then skip ahead.
        report(message_of<g::policy_end>(), pos);
        pos = resume_point(text, member_begin, pos);
        if (pos == member_begin) pos = resume_point(text, member_begin, pos + 1);
        continue;
      }
      policy.members.push_back(build_member(*root->children.at(0), base));
      pos = static_cast<std::size_t>(member_in.current() - base);
    } catch (const pegtl::parse_error& e) {
      std::size_t at = report_error(e, pos);
      pos = resume_point(text, member_begin, at);
    }
  }
  if (sink.error_count() > errors_before) return std::nullopt;
  return policy;
}

}  // namespace clause::syntax
