#include "format/format.h"

#include <algorithm>

#include "format/printer.h"
#include "support/text.h"
#include "syntax/parse.h"

namespace clause::format {
namespace {

using namespace syntax;

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

std::string hours_use(const HoursUse& use) {
  if (!use.spec) return use.name->text;
  return hours_spec(*use.spec) + (use.zone ? " in " + use.zone->text : "");
}

// `within 4 working hours`, `every 30 calendar minutes`, `by close of the next business day`.
std::string target_time(const TargetTime& t) {
  if (t.by_close) return t.close_days == 0 ? "by close of business" : "by close of the next business day";
  return (t.every ? "every " : "within ") + duration(t.within);
}

// A holiday's date or rule, as the canonical layout writes it.
std::string holiday_day(const Holiday& h) {
  std::string out = h.id ? h.id->text + ": " : "";
  switch (h.kind) {
    case Holiday::Kind::date: out += h.date.text; break;
    case Holiday::Kind::every_date: out += "every " + h.month.text + " " + std::to_string(h.day); break;
    case Holiday::Kind::every_nth: {
      static constexpr std::string_view ordinals[] = {"last", "1st", "2nd", "3rd", "4th", "5th"};
      out += "every " + std::string(ordinals[h.nth]) + " " + h.weekday.text + " of " + h.month.text;
      break;
    }
    case Holiday::Kind::relative:
      out += h.base.text;
      if (h.offset != 0) {
        int days = h.offset < 0 ? -h.offset : h.offset;
        out += std::string(h.offset < 0 ? " - " : " + ") + std::to_string(days) + (days == 1 ? " day" : " days");
      }
      break;
  }
  if (h.observed != lang::Observed::none) out += " " + std::string(lang::text(h.observed));
  return out;
}

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


class Formatter {
 public:
  Formatter(const Policy& policy, std::string_view source) : policy_(policy), p_(source, policy.comments) {}

  std::string run() {
    std::string head = (policy_.library ? "library " : "policy ") + policy_.name.text;
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
  void write(const ImportDecl& d) { p_.line("import " + quote_text(d.path.value), d.span); }
  void write(const HoursDecl& d) {
    std::string text = "= " + hours_spec(d.spec);
    if (d.zone) text += " in " + d.zone->text;
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
      std::string tail = day.label ? quote_text(day.label->value) : "";
      auto years = [&](const char* word, const std::optional<int>& year) {
        if (year) tail += (tail.empty() ? "" : " ") + std::string(word) + " " + std::to_string(*year);
      };
      years("from", day.from_year);
      years("until", day.until_year);
      p_.aligned("holiday", holiday_day(day), tail, day.span.begin, day.span.end);
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
      case PlanItem::Kind::respond:
      case PlanItem::Kind::resolve:
      case PlanItem::Kind::update:
      case PlanItem::Kind::reply: {
        std::string line = term + urgency(item.urgency) + " " + target_time(item.time);
        if (item.on_hours) line += " on " + item.on_hours->text;
        if (!item.when.empty()) line += " when " + expr(item.when.front());
        return line;
      }
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
    for (const auto& item : d.expect) expect += ", " + expect_item(item);
    std::uint32_t expect_begin = d.outcome.span.begin;
    std::uint32_t expect_end = d.expect.empty() ? d.outcome.span.end : d.expect.back().span.end;
    p_.line(expect, expect_begin, expect_end);
    p_.close(d.span.end);
  }

  static std::string expect_item(const ExpectItem& item) {
    if (item.kind == ExpectItem::Kind::target) {
      std::string out = std::string(lang::text(item.target)) + " ";
      switch (item.fact) {
        case ExpectItem::Fact::due: return out + "due " + item.value;
        case ExpectItem::Fact::within:
          return out + (item.time.by_close ? target_time(item.time) : "within " + duration(item.time.within));
        case ExpectItem::Fact::status: return out + item.value;
        case ExpectItem::Fact::none: return out + "none";
      }
    }
    std::string word(lang::text(item.kind));
    switch (item.kind) {
      case ExpectItem::Kind::basis:
        return word + (item.value.starts_with("plan:") ? " plan " + item.value.substr(5) : " " + item.value);
      case ExpectItem::Kind::priority:
      case ExpectItem::Kind::due:
      case ExpectItem::Kind::rule: return word + " " + item.value;
      case ExpectItem::Kind::within: return word + " " + duration(item.within);
      case ExpectItem::Kind::error: return word + " " + quote_text(item.value);
      case ExpectItem::Kind::no_response:
      case ExpectItem::Kind::target: break;
    }
    return word;
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
