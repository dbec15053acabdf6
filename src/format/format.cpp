#include "format/format.h"

#include <algorithm>

#include "support/text.h"
#include "syntax/parse.h"

namespace clause::format {
namespace {

using namespace syntax;

constexpr std::size_t width = 100;

std::string join(const std::vector<Name>& names, std::string_view separator = ", ") {
  std::vector<std::string> texts;
  for (const auto& n : names) texts.push_back(n.text);
  return clause::join(texts, separator);
}

std::string two_digits(int n) { return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10); }

std::string clock(const ClockTime& t) { return two_digits(t.hour) + ":" + two_digits(t.minute); }

std::string duration(const Duration& d) {
  std::string_view unit = d.amount.text == "1" ? lang::singular(d.unit) : lang::text(d.unit);
  return d.amount.text + " " + std::string(lang::text(d.clock)) + " " + std::string(unit);
}

std::string money(const MoneyLit& m) { return m.amount.text + " " + m.currency.text; }

std::string hours_spec(const HoursSpec& spec) {
  if (spec.always) return "24/7";
  std::string out;
  for (const auto& day : spec.schedule) {
    if (!out.empty()) out += "; ";
    std::string days;
    for (const auto& range : day.days) {
      if (!days.empty()) days += ", ";
      days += range.first.text + (range.last ? "-" + range.last->text : "");
    }
    std::string windows;
    for (const auto& w : day.windows) {
      if (!windows.empty()) windows += ", ";
      windows += clock(w.open) + "-" + clock(w.close);
    }
    out += days + " " + windows;
  }
  return out;
}

std::string hours_use(const HoursUse& use) { return use.spec ? hours_spec(*use.spec) : use.name->text; }

std::string urgency(const std::vector<UrgencyRange>& ranges) {
  std::string out;
  for (const auto& r : ranges) {
    if (!out.empty()) out += ", ";
    out += r.first.text + (r.last ? ".." + r.last->text : "");
  }
  return out;
}

std::string operand(const Operand& o) {
  switch (o.kind) {
    case Operand::Kind::ref: return o.ref.dotted();
    case Operand::Kind::number: return o.number.text;
    case Operand::Kind::money: return money(o.money);
    case Operand::Kind::date: return o.date.text;
    case Operand::Kind::none: return "none";
    case Operand::Kind::boolean: return o.truth ? "true" : "false";
  }
  return "";
}

int precedence(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::any: return 1;
    case Expr::Kind::all: return 2;
    case Expr::Kind::negation: return 3;
    default: return 4;
  }
}

std::string expr(const Expr& e) {
  // A child needs parentheses when it binds no tighter than its parent: the
  // parser only nests `and` in `and` (or `or` in `or`) when they were written.
  auto child = [&](const Expr& c, int parent) {
    std::string text = expr(c);
    return precedence(c) <= parent ? "(" + text + ")" : text;
  };
  switch (e.kind) {
    case Expr::Kind::any:
    case Expr::Kind::all: {
      std::string out;
      for (const auto& c : e.children) {
        if (!out.empty()) out += e.kind == Expr::Kind::any ? " or " : " and ";
        out += child(c, precedence(e));
      }
      return out;
    }
    case Expr::Kind::negation: {
      const Expr& c = e.children.at(0);
      return "not " + (precedence(c) < 3 ? "(" + expr(c) + ")" : expr(c));
    }
    case Expr::Kind::test: return e.subject.dotted();
    case Expr::Kind::compare: {
      return e.subject.dotted() + " " + std::string(lang::text(e.op)) + " " + operand(e.operands.at(0));
    }
    case Expr::Kind::has: return e.subject.dotted() + " has " + operand(e.operands.at(0));
    case Expr::Kind::in:
    case Expr::Kind::not_in: {
      std::string list;
      for (const auto& o : e.operands) {
        if (!list.empty()) list += ", ";
        list += operand(o);
      }
      return e.subject.dotted() + (e.kind == Expr::Kind::in ? " in " : " not in ") + list;
    }
  }
  return "";
}

std::string field_type(const TypeExpr& t) {
  switch (t.kind) {
    case TypeExpr::Kind::enumeration: return join(t.values, " | ");
    case TypeExpr::Kind::ordered: return join(t.values, " > ");
    case TypeExpr::Kind::set: return "set of " + join(t.values, " | ");
    case TypeExpr::Kind::money:
    case TypeExpr::Kind::date:
    case TypeExpr::Kind::timestamp:
    case TypeExpr::Kind::boolean: return std::string(lang::text(t.kind));
    case TypeExpr::Kind::record: return "{";
  }
  return "";
}

std::string price(const Price& p) {
  std::string period = p.period == Price::Period::none ? "" : " " + std::string(lang::text(p.period));
  switch (p.kind) {
    case Price::Kind::free: return "free";
    case Price::Kind::percent: return p.percent.text + "% of " + p.base.dotted() + period;
    case Price::Kind::amount: return money(p.amount) + period;
  }
  return "";
}

// Characters on screen (code points), for alignment.
std::size_t columns(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// One line of output before layout: an aligned head and a tail (lines of the
// same kind in a run line their tails up), and a trailing comment.
struct Line {
  int indent = 0;
  std::string head;
  std::string tail;
  std::string align;        // lines with the same key, one after another, align their tails
  std::string wrap;         // where a too-long tail may break (" | ")
  std::string comment;
  bool blank_before = false;
};

// Collects lines at an indent, with the comments of the source between them,
// and lays them out at the end.
class Printer {
 public:
  Printer(std::string_view source, const std::vector<Comment>& comments) : source_(source), comments_(comments) {}

  // One line of output for the source text [begin, end).
  void line(const std::string& text, std::uint32_t begin, std::uint32_t end) { aligned("", text, "", begin, end); }
  void line(const std::string& text, Loc span) { line(text, span.begin, span.end); }

  // A line whose tail lines up with the tails of the lines of the same kind next to it.
  void aligned(const std::string& key, const std::string& head, const std::string& tail, std::uint32_t begin,
               std::uint32_t end, const std::string& wrap = "") {
    comments_before(begin);
    emit(Line{indent_, head, tail, key, wrap, "", false}, begin, end, false);
  }

  void open(const std::string& text, std::uint32_t begin, std::uint32_t end) {
    line(text, begin, end);
    begin_block();
  }

  // The lines that follow are inside a block just opened.
  void begin_block() {
    ++indent_;
    block_start_ = true;
  }

  // Closes a block whose source ends at `end` (just after its `}`).
  void close(std::uint32_t end) {
    comments_before(end);
    --indent_;
    emit(Line{indent_, "}", "", "", "", "", false}, end == 0 ? 0 : end - 1, end, true);
  }

  // Writes the comments that start before `offset`.
  void comments_before(std::uint32_t offset) {
    while (next_ < comments_.size() && comments_[next_].span.begin < offset) {
      const Comment& c = comments_[next_++];
      if (!c.own_line && !lines_.empty() && lines_.back().comment.empty() && same_source_line(last_end_, c.span.begin)) {
        lines_.back().comment = c.text;
        last_end_ = c.span.end;
      } else {
        emit(Line{indent_, c.text, "", "", "", "", false}, c.span.begin, c.span.end, false);
      }
    }
  }

  // A blank line before the next line (between blocks), unless one is there.
  void blank() { want_blank_ = true; }

  // Continuation lines of one declaration sit a step further in.
  void indent() { ++indent_; }
  void dedent() { --indent_; }

  std::string finish() {
    comments_before(static_cast<std::uint32_t>(source_.size()) + 1);
    return layout();
  }

 private:
  void emit(Line line, std::uint32_t begin, std::uint32_t end, bool closing) {
    bool blank = want_blank_ || (!lines_.empty() && blank_line_between(last_end_, begin));
    line.blank_before = blank && !block_start_ && !closing && !lines_.empty();
    want_blank_ = false;
    lines_.push_back(std::move(line));
    last_end_ = std::max(end, begin);
    block_start_ = false;
  }

  // Two lines belong to one run when nothing stands between them.
  bool same_run(const Line& a, const Line& b) const { return !b.blank_before && a.indent == b.indent; }

  std::string layout() {
    // Tails of aligned runs start in one column.
    std::vector<std::size_t> head_width(lines_.size(), 0);
    for (std::size_t i = 0; i < lines_.size();) {
      std::size_t j = i + 1;
      // Own-line comments between aligned lines do not break the run.
      auto comment_line = [&](const Line& l) { return l.align.empty() && l.tail.empty() && l.head.starts_with("//"); };
      if (!lines_[i].align.empty()) {
        while (j < lines_.size() && same_run(lines_[j - 1], lines_[j]) &&
               (lines_[j].align == lines_[i].align || comment_line(lines_[j]))) {
          ++j;
        }
        while (j > i + 1 && comment_line(lines_[j - 1])) --j;
      }
      std::size_t widest = 0;
      for (std::size_t k = i; k < j; ++k) {
        if (lines_[k].align == lines_[i].align) widest = std::max(widest, columns(lines_[k].head));
      }
      for (std::size_t k = i; k < j; ++k) head_width[k] = widest;
      i = j;
    }
    // Each line's code, wrapped where it may be and must be.
    std::vector<std::vector<std::string>> code(lines_.size());
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      std::string pad(2 * static_cast<std::size_t>(l.indent), ' ');
      std::string head = l.head;
      if (!l.tail.empty()) head += std::string(head_width[i] - columns(l.head) + 1, ' ');
      std::string first = pad + head + l.tail;
      if (l.wrap.empty() || columns(first) <= width) {
        code[i].push_back(first);
        continue;
      }
      // Break the tail before separators, continuation lines under it.
      std::string under(columns(pad + head), ' ');
      std::vector<std::string> parts;
      std::size_t from = 0, at;
      while ((at = l.tail.find(l.wrap, from)) != std::string::npos) {
        parts.push_back(l.tail.substr(from, at - from));
        from = at + l.wrap.size();
      }
      parts.push_back(l.tail.substr(from));
      std::string current = pad + head + parts[0];
      std::string joiner = l.wrap;
      std::string lead = joiner.substr(joiner.find_first_not_of(' '));   // "| "
      lead = lead.substr(0, lead.find_last_not_of(' ') + 1) + " ";
      for (std::size_t k = 1; k < parts.size(); ++k) {
        if (columns(current) + joiner.size() + columns(parts[k]) > width) {
          code[i].push_back(current);
          current = under + lead + parts[k];
        } else {
          current += joiner + parts[k];
        }
      }
      code[i].push_back(current);
    }
    // Trailing comments of a run start in one column.
    std::vector<std::size_t> comment_column(lines_.size(), 0);
    for (std::size_t i = 0; i < lines_.size();) {
      std::size_t j = i + 1;
      if (!lines_[i].comment.empty()) {
        while (j < lines_.size() && !lines_[j].comment.empty() && same_run(lines_[j - 1], lines_[j])) ++j;
      }
      std::size_t widest = 0;
      for (std::size_t k = i; k < j; ++k) widest = std::max(widest, columns(code[k].back()));
      for (std::size_t k = i; k < j; ++k) comment_column[k] = widest + 2;
      i = j;
    }
    std::string out;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].blank_before) out += "\n";
      for (std::size_t k = 0; k < code[i].size(); ++k) {
        std::string text = code[i][k];
        if (k + 1 == code[i].size() && !lines_[i].comment.empty()) {
          text += std::string(comment_column[i] - columns(text), ' ') + lines_[i].comment;
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text + "\n";
      }
    }
    return out;
  }

  bool same_source_line(std::uint32_t from, std::uint32_t to) const {
    if (to < from) return false;
    return source_.substr(from, to - from).find('\n') == std::string_view::npos;
  }

  bool blank_line_between(std::uint32_t from, std::uint32_t to) const {
    if (to <= from) return false;
    std::string_view between = source_.substr(from, to - from);
    std::size_t first = between.find('\n');
    if (first == std::string_view::npos) return false;
    std::size_t second = between.find('\n', first + 1);
    while (second != std::string_view::npos) {
      std::string_view gap = between.substr(first + 1, second - first - 1);
      if (gap.find_first_not_of(" \t\r") == std::string_view::npos) return true;
      first = second;
      second = between.find('\n', first + 1);
    }
    return false;
  }

  std::string_view source_;
  const std::vector<Comment>& comments_;
  std::size_t next_ = 0;
  std::vector<Line> lines_;
  int indent_ = 0;
  std::uint32_t last_end_ = 0;
  bool block_start_ = true;
  bool want_blank_ = false;
};

class Formatter {
 public:
  Formatter(const Policy& policy, std::string_view source) : policy_(policy), p_(source, policy.comments) {}

  std::string run() {
    std::string head = "policy " + policy_.name.text;
    if (policy_.title) head += " " + quote_text(policy_.title->value);
    p_.open(head + " {", policy_.span.begin, policy_.title ? policy_.title->span.end : policy_.name.span.end);
    bool previous_block = false;
    for (const auto& member : policy_.members) {
      bool is_block = std::holds_alternative<CaseDecl>(member) || std::holds_alternative<PlanDecl>(member) ||
                      std::holds_alternative<GuaranteeDecl>(member) || std::holds_alternative<RulesDecl>(member) ||
                      std::holds_alternative<EntitlementsDecl>(member) || std::holds_alternative<HolidaysDecl>(member) ||
                      std::holds_alternative<TestDecl>(member);
      // Blocks stand apart from what is around them.
      if (is_block || previous_block) p_.blank();
      std::visit([&](const auto& decl) { write(decl); }, member);
      previous_block = is_block;
    }
    p_.close(policy_.span.end);
    std::string out = p_.finish();
    return policy_.bom ? "\xEF\xBB\xBF" + out : out;
  }

 private:
  void write(const CurrencyDecl& d) { p_.line("currency " + d.code.text, d.span); }
  void write(const ZonesDecl& d) {
    std::string zones;
    for (const auto& z : d.zones) zones += (zones.empty() ? "" : ", ") + z.text;
    p_.line("zones " + zones, d.span);
  }
  void write(const UrgencyDecl& d) { p_.line("urgency " + d.field.text, d.span); }
  void write(const BaseDecl& d) { p_.line("base " + d.name.text + (d.text ? " " + quote_text(d.text->value) : ""), d.span); }
  void write(const CommunicationDecl& d) { p_.line("communication " + join(d.names), d.span); }
  void write(const RegistersDecl& d) { p_.line("registers " + join(d.channels), d.span); }
  void write(const DefaultPlanDecl& d) { p_.line("default plan " + d.plan.text, d.span); }
  void write(const OtherwiseDecl& d) { p_.line("otherwise " + d.basis.text, d.span); }
  void write(const HoursDecl& d) {
    std::string text = "= " + hours_spec(d.spec);
    if (!d.except.empty()) text += " except " + join(d.except);
    p_.aligned("hours", "hours " + d.name.text, text, d.span.begin, d.span.end);
  }

  void fields(const std::vector<FieldDecl>& decls) {
    for (const auto& f : decls) {
      if (f.type.kind == TypeExpr::Kind::record) {
        p_.aligned("field", f.name.text + ":", "{", f.span.begin, f.name.span.end);
        p_.begin_block();
        fields(f.type.fields);
        p_.close(f.type.span.end);
        continue;
      }
      std::string type = field_type(f.type);
      if (f.default_value) type += " = " + (f.default_value->empty_set ? std::string("{}") : f.default_value->value.text);
      p_.aligned("field", f.name.text + ":", type, f.span.begin, f.span.end, " | ");
    }
  }

  void write(const CaseDecl& d) {
    p_.open("case {", d.span.begin, d.span.begin + 1);
    fields(d.fields);
    p_.close(d.span.end);
  }

  void write(const HolidaysDecl& d) {
    p_.open("holidays " + d.name.text + " {", d.span.begin, d.name.span.end);
    for (const auto& day : d.days) {
      p_.aligned("holiday", day.date.text, day.label ? quote_text(day.label->value) : "", day.span.begin, day.span.end);
    }
    p_.close(d.span.end);
  }

  void write(const EntitlementsDecl& d) {
    p_.open("entitlements {", d.span.begin, d.span.begin + 1);
    for (const auto& e : d.items) {
      p_.aligned("entitlement", e.id.text, e.text ? quote_text(e.text->value) : "", e.span.begin, e.span.end);
    }
    p_.close(d.span.end);
  }

  void write(const PlanDecl& d) {
    std::string head = "plan " + d.id.text;
    std::uint32_t head_end = d.id.span.end;
    if (d.title) {
      head += " " + quote_text(d.title->value);
      head_end = d.title->span.end;
    }
    if (d.extends) {
      head += " extends " + d.extends->text;
      head_end = d.extends->span.end;
    }
    p_.open(head + " {", d.span.begin, head_end);
    for (const auto& item : d.items) p_.line(plan_item(item), item.span);
    p_.close(d.span.end);
  }

  static std::string plan_item(const PlanItem& item) {
    std::string term = std::string(lang::text(item.kind)) + " ";
    switch (item.kind) {
      case PlanItem::Kind::price: return term + price(item.price);
      case PlanItem::Kind::registers:
      case PlanItem::Kind::talks:
      case PlanItem::Kind::includes: return term + join(item.names);
      case PlanItem::Kind::hours:
      case PlanItem::Kind::registration: return term + hours_use(item.hours);
      case PlanItem::Kind::contacts: return term + item.count.text;
      case PlanItem::Kind::respond: return term + urgency(item.urgency) + " within " + duration(item.within);
      case PlanItem::Kind::no_target: return term + urgency(item.urgency);
    }
    return "";
  }

  // `ACTION ID`, then the sentence, then `when ...` a step further in.
  void clause_lines(const std::string& head, Loc head_span, const std::optional<Text>& text, const Expr& when,
                    const std::string& tail, std::uint32_t end) {
    p_.line(head, head_span);
    p_.indent();
    if (text) p_.line(quote_text(text->value), text->span);
    p_.line("when " + expr(when) + tail, when.span.begin, end);
    p_.dedent();
  }

  void write(const GuaranteeDecl& d) {
    std::string head = "guarantee";
    std::uint32_t head_end = d.span.begin + 9;
    if (d.title) {
      head += " " + quote_text(d.title->value);
      head_end = d.title->span.end;
    }
    p_.open(head + " {", d.span.begin, head_end);
    for (const auto& item : d.items) {
      switch (item.kind) {
        case GuaranteeItem::Kind::starts: p_.line(std::string(lang::text(item.kind)) + " " + item.ref.dotted(), item.span); break;
        case GuaranteeItem::Kind::lasts:
          if (!item.banded) {
            p_.line("lasts " + duration(item.length), item.span);
            break;
          }
          p_.open("lasts by " + item.ref.dotted() + " {", item.span.begin, item.ref.span.end);
          for (const auto& band : item.bands) {
            p_.aligned("band", band_range(band) + ":", duration(band.length), band.span.begin, band.span.end);
          }
          p_.close(item.span.end);
          break;
        case GuaranteeItem::Kind::covers:
        case GuaranteeItem::Kind::excludes: {
          std::string word = std::string(lang::text(item.kind)) + " ";
          Loc head_span = item.span;
          head_span.end = item.clause.id.span.end;
          clause_lines(word + item.clause.id.text, head_span, item.clause.text, item.clause.when, "", item.span.end);
          break;
        }
        case GuaranteeItem::Kind::promptly: p_.line(std::string(lang::text(item.kind)), item.span); break;
        case GuaranteeItem::Kind::registers:
        case GuaranteeItem::Kind::includes:
          p_.line(std::string(lang::text(item.kind)) + " " + join(item.names), item.span);
          break;
      }
    }
    p_.close(d.span.end);
  }

  static std::string band_range(const Band& b) {
    return b.kind == Band::Kind::below   ? "below " + money(b.high)
           : b.kind == Band::Kind::above ? "above " + money(b.low)
                                         : (b.from_word ? "from " : "") + money(b.low) + " to " + money(b.high);
  }

  void write(const RulesDecl& d) {
    p_.open("rules {", d.span.begin, d.span.begin + 5);
    for (const auto& rule : d.rules) {
      Loc head_span = rule.span;
      head_span.end = rule.id.span.end;
      std::string tail = rule.lower_to ? " to " + rule.lower_to->text : "";
      clause_lines(std::string(lang::text(rule.action)) + " " + rule.id.text, head_span, rule.text,
                   rule.when, tail, rule.span.end);
    }
    p_.close(d.span.end);
  }

  void write(const TestDecl& d) {
    p_.open("test " + quote_text(d.name.value) + " {", d.span.begin, d.name.span.end);
    std::string json = normalize_json(d.case_json);
    std::string lead = "case ";
    std::size_t indent = 2 * 2;   // tests sit one level into the policy, their lines one more
    // Long cases wrap after a member's comma, continuation lines under the `{`.
    std::vector<std::string> lines = wrap_json(json, width - indent - lead.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string text = (i == 0 ? lead : std::string(lead.size() + 1, ' ')) + lines[i];
      if (i == 0) p_.line(text, d.case_span.begin, d.case_span.end);
      else p_.line(text, d.case_span.end, d.case_span.end);
    }
    std::string expect = "expect " + d.outcome.text;
    for (const auto& item : d.expect) {
      expect += ", " + std::string(lang::text(item.kind));
      switch (item.kind) {
        case ExpectItem::Kind::basis:
          expect += item.value.starts_with("plan:") ? " plan " + item.value.substr(5) : " " + item.value;
          break;
        case ExpectItem::Kind::priority:
        case ExpectItem::Kind::due:
        case ExpectItem::Kind::rule: expect += " " + item.value; break;
        case ExpectItem::Kind::within: expect += " " + duration(item.within); break;
        case ExpectItem::Kind::no_response: break;
        case ExpectItem::Kind::error: expect += " " + quote_text(item.value); break;
      }
    }
    std::uint32_t expect_begin = d.outcome.span.begin;
    std::uint32_t expect_end = d.expect.empty() ? d.outcome.span.end : d.expect.back().span.end;
    p_.line(expect, expect_begin, expect_end);
    p_.close(d.span.end);
  }

  // Splits a normalized one-line object after top-level commas so that no
  // line is longer than `room` (unless one member alone is).
  static std::vector<std::string> wrap_json(const std::string& json, std::size_t room) {
    if (json.size() <= room) return {json};
    std::vector<std::string> pieces;
    std::size_t start = 0;
    walk_json_structure(json, [&](std::size_t i, int depth) {
      if (json[i] == ',' && depth == 1) {
        pieces.push_back(json.substr(start, i + 1 - start));
        start = i + 2;   // skip the space after the comma
      }
    });
    pieces.push_back(json.substr(start));
    std::vector<std::string> lines;
    std::string current;
    for (const auto& piece : pieces) {
      if (!current.empty() && current.size() + 1 + piece.size() > room) {
        lines.push_back(current);
        current.clear();
      }
      current += (current.empty() ? "" : " ") + piece;
    }
    lines.push_back(current);
    return lines;
  }

  const Policy& policy_;
  Printer p_;
};

}  // namespace

std::string normalize_json(std::string_view json) {
  std::string out;
  std::size_t copied = 0;   // strings lie between the bytes the walk visits: copy them as they are
  walk_json_structure(json, [&](std::size_t i, int) {
    out.append(json.substr(copied, i - copied));
    copied = i + 1;
    switch (json[i]) {
      case ' ': case '\t': case '\r': case '\n': break;
      case ',': out += ", "; break;
      case ':': out += ": "; break;
      default: out += json[i];
    }
  });
  out.append(json.substr(copied));
  return out;
}

std::string format(const syntax::Policy& policy, std::string_view source) { return Formatter(policy, source).run(); }

std::string condition_text(const syntax::Expr& condition) { return expr(condition); }

bool same_policy(const syntax::Policy& a, const syntax::Policy& b) {
  if (a.name != b.name || a.title != b.title || a.members.size() != b.members.size() || a.bom != b.bom) return false;
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    // Test cases are compared as normalized JSON: layout inside them is free.
    const auto* ta = std::get_if<TestDecl>(&a.members[i]);
    const auto* tb = std::get_if<TestDecl>(&b.members[i]);
    if (ta && tb) {
      if (ta->name != tb->name || ta->outcome != tb->outcome || ta->expect != tb->expect ||
          normalize_json(ta->case_json) != normalize_json(tb->case_json)) {
        return false;
      }
      continue;
    }
    if (!(a.members[i] == b.members[i])) return false;
  }
  if (a.comments.size() != b.comments.size()) return false;
  for (std::size_t i = 0; i < a.comments.size(); ++i) {
    if (a.comments[i].text != b.comments[i].text) return false;
  }
  return true;
}

}  // namespace clause::format
