#include "syntax/parse.h"

#include <tao/pegtl/contrib/parse_tree.hpp>

#include <algorithm>
#include <array>
#include <cctype>

#include "syntax/errors.h"
#include "syntax/grammar.h"
#include "support/text.h"

namespace clause::syntax {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;
using Node = pegtl::parse_tree::node;

// The nodes the tree keeps; everything else (spaces, punctuation, wrappers
// without meaning) is folded into its parent.
template <typename Rule>
using selector = pegtl::parse_tree::selector<
    Rule,
    pegtl::parse_tree::store_content::on<
        g::currency_decl, g::zones_decl, g::urgency_decl, g::case_decl, g::hours_decl, g::holidays_decl,
        g::entitlements_decl, g::communication_decl, g::base_decl, g::registers_decl, g::plan_decl,
        g::default_plan_decl, g::guarantee_decl, g::rules_decl, g::otherwise_decl, g::test_decl, g::policy_name,
        g::title, g::identifier, g::string, g::number, g::percent, g::currency_code, g::money, g::clock, g::date,
        g::timestamp, g::duration, g::clock_kind, g::time_unit, g::zone, g::name_list, g::plan_ref,
        g::otherwise_basis, g::field_decl, g::set_type, g::record_type, g::scalar_type, g::ordered_type,
        g::enum_type, g::default_value, g::empty_set, g::hours_spec, g::always, g::day_schedule, g::day_range,
        g::time_window, g::except_clause, g::holiday, g::entitlement, g::extends_clause, g::price_item,
        g::free_price, g::percent_price, g::amount_price, g::period, g::talks_item, g::plan_hours,
        g::registration_item, g::hours_use, g::contacts_item, g::respond_item, g::no_target_item, g::urgency_range,
        g::includes_item, g::starts_item, g::lasts_item, g::banded_period, g::band, g::below_band, g::above_band,
        g::between_band, g::covers_item, g::excludes_item, g::promptly_item, g::rule, g::rule_action,
        g::lower_target, g::or_expr, g::and_expr, g::negation, g::comparison, g::compare_op, g::not_in_op,
        g::in_op, g::has_op, g::operand, g::none_literal, g::bool_literal, g::ref, g::json_object, g::outcome,
        g::expect_basis, g::expect_priority, g::expect_due, g::expect_within, g::expect_no_response,
        g::expect_rule, g::expect_error, g::test_case, g::expectation>>;

template <typename Rule>
using control = typename pegtl::must_if<errors>::template control<Rule>;

// A message by value: taking the variable's address would need a definition
// that some compilers do not emit for explicit specializations.
template <typename Rule>
constexpr const char* message_of() {
  return errors::message<Rule>;
}

// Converts parse-tree nodes to AST nodes. Offsets are pointer differences
// against the start of the file's text.
class Builder {
 public:
  explicit Builder(const char* base) : base_(base) {}

  Loc loc(const Node& n) const {
    Loc l;
    l.begin = static_cast<std::uint32_t>(n.m_begin.data - base_);
    l.end = static_cast<std::uint32_t>(n.m_end.data - base_);
    return l;
  }

  template <typename T>
  static const Node* first(const Node& n) {
    for (const auto& c : n.children) {
      if (c->is_type<T>()) return c.get();
    }
    return nullptr;
  }

  template <typename T>
  static std::vector<const Node*> all(const Node& n) {
    std::vector<const Node*> out;
    for (const auto& c : n.children) {
      if (c->is_type<T>()) out.push_back(c.get());
    }
    return out;
  }

  Name name(const Node& n) const { return Name{std::string(n.string_view()), loc(n)}; }

  std::vector<Name> names(const Node& n) const {
    std::vector<Name> out;
    for (const Node* id : all<g::identifier>(n)) out.push_back(name(*id));
    return out;
  }

  Text text(const Node& n) const {
    std::string_view quoted = n.string_view();
    return Text{unescape(quoted.substr(1, quoted.size() - 2)), loc(n)};
  }

  // The optional string directly under `n`, or inside its `title` child.
  std::optional<Text> maybe_text(const Node& n) const {
    if (const Node* t = first<g::title>(n)) return text(*t);
    if (const Node* s = first<g::string>(n)) return text(*s);
    return std::nullopt;
  }

  Number number(const Node& n) const { return Number{std::string(n.string_view()), loc(n)}; }

  MoneyLit money(const Node& n) const {
    // band_amount is folded away, so `n` may be a money node or hold one.
    const Node& m = n.is_type<g::money>() ? n : *first<g::money>(n);
    return MoneyLit{number(*first<g::number>(m)), name(*first<g::currency_code>(m)), loc(m)};
  }

  Duration duration(const Node& n) const {
    Duration d;
    d.amount = number(*first<g::number>(n));
    d.clock = first<g::clock_kind>(n)->string_view().starts_with("working") ? Duration::Clock::working
                                                                             : Duration::Clock::calendar;
    std::string_view unit = first<g::time_unit>(n)->string_view();
    d.unit = unit.starts_with("minute") ? Duration::Unit::minutes
             : unit.starts_with("day")  ? Duration::Unit::days
                                        : Duration::Unit::hours;
    d.span = loc(n);
    return d;
  }

  Ref ref(const Node& n) const {
    Ref r;
    r.path = names(n);
    r.span = loc(n);
    return r;
  }

  ClockTime clock(const Node& n) const {
    std::string_view t = n.string_view();
    return ClockTime{(t[0] - '0') * 10 + (t[1] - '0'), (t[3] - '0') * 10 + (t[4] - '0'), loc(n)};
  }

  // ---- Case schema ----

  FieldDecl field(const Node& n) const {
    FieldDecl f;
    f.name = name(*n.children.at(0));
    f.span = loc(n);
    const Node& t = *n.children.at(1);
    f.type.span = loc(t);
    if (t.is_type<g::set_type>()) {
      f.type.kind = TypeExpr::Kind::set;
      f.type.values = names(t);
    } else if (t.is_type<g::record_type>()) {
      f.type.kind = TypeExpr::Kind::record;
      for (const Node* c : all<g::field_decl>(t)) f.type.fields.push_back(field(*c));
    } else if (t.is_type<g::scalar_type>()) {
      std::string_view word = t.string_view();
      f.type.kind = word == "money"       ? TypeExpr::Kind::money
                    : word == "date"      ? TypeExpr::Kind::date
                    : word == "timestamp" ? TypeExpr::Kind::timestamp
                                          : TypeExpr::Kind::boolean;
    } else {
      f.type.kind = t.is_type<g::ordered_type>() ? TypeExpr::Kind::ordered : TypeExpr::Kind::enumeration;
      f.type.values = names(t);
    }
    if (const Node* d = first<g::default_value>(n)) {
      DefaultValue v;
      v.span = loc(*d);
      v.empty_set = first<g::empty_set>(*d) != nullptr;
      if (!v.empty_set) v.value = name(*first<g::identifier>(*d));
      f.default_value = v;
    }
    return f;
  }

  // ---- Hours ----

  HoursSpec hours_spec(const Node& n) const {
    HoursSpec spec;
    spec.span = loc(n);
    spec.always = first<g::always>(n) != nullptr;
    for (const Node* ds : all<g::day_schedule>(n)) {
      DaySchedule day;
      day.span = loc(*ds);
      for (const Node* dr : all<g::day_range>(*ds)) {
        // Weekdays are not stored nodes: read the range's own text.
        std::string_view t = dr->string_view();
        DayRange range;
        range.span = loc(*dr);
        Loc first_loc = range.span;
        first_loc.end = first_loc.begin + 3;
        range.first = Name{std::string(t.substr(0, 3)), first_loc};
        if (t.size() > 3) {
          Loc last_loc = range.span;
          last_loc.begin = last_loc.end - 3;
          range.last = Name{std::string(t.substr(t.size() - 3)), last_loc};
        }
        day.days.push_back(range);
      }
      for (const Node* tw : all<g::time_window>(*ds)) {
        auto clocks = all<g::clock>(*tw);
        day.windows.push_back(TimeWindow{clock(*clocks.at(0)), clock(*clocks.at(1)), loc(*tw)});
      }
      spec.schedule.push_back(day);
    }
    return spec;
  }

  HoursUse hours_use(const Node& n) const {
    HoursUse use;
    use.span = loc(n);
    if (const Node* spec = first<g::hours_spec>(n)) {
      use.spec = hours_spec(*spec);
    } else {
      use.name = name(*first<g::identifier>(n));
    }
    return use;
  }

  // ---- Conditions ----

  Operand operand(const Node& n) const {
    Operand o;
    o.span = loc(n);
    const Node& v = *n.children.at(0);
    if (v.is_type<g::money>()) {
      o.kind = Operand::Kind::money;
      o.money = money(v);
    } else if (v.is_type<g::date>()) {
      o.kind = Operand::Kind::date;
      o.date = DateLit{std::string(v.string_view()), loc(v)};
    } else if (v.is_type<g::number>()) {
      o.kind = Operand::Kind::number;
      o.number = number(v);
    } else if (v.is_type<g::none_literal>()) {
      o.kind = Operand::Kind::none;
    } else if (v.is_type<g::bool_literal>()) {
      o.kind = Operand::Kind::boolean;
      o.truth = v.string_view() == "true";
    } else {
      o.kind = Operand::Kind::ref;
      o.ref = ref(v);
    }
    return o;
  }

  Expr expr(const Node& n) const {
    Expr e;
    e.span = loc(n);
    if (n.is_type<g::or_expr>() || n.is_type<g::and_expr>()) {
      if (n.children.size() == 1) return expr(*n.children[0]);
      e.kind = n.is_type<g::or_expr>() ? Expr::Kind::any : Expr::Kind::all;
      for (const auto& c : n.children) e.children.push_back(expr(*c));
      return e;
    }
    if (n.is_type<g::negation>()) {
      e.kind = Expr::Kind::negation;
      e.children.push_back(expr(*n.children.at(0)));
      return e;
    }
    // A comparison: the subject, then maybe an operator and operands.
    e.subject = ref(*n.children.at(0));
    if (n.children.size() == 1) {
      e.kind = Expr::Kind::test;
      return e;
    }
    const Node& op = *n.children.at(1);
    if (op.is_type<g::compare_op>()) {
      e.kind = Expr::Kind::compare;
      std::string_view t = op.string_view();
      e.op = t == "=" ? Expr::Op::eq : t == "!=" ? Expr::Op::ne : t == "<" ? Expr::Op::lt
             : t == "<=" ? Expr::Op::le : t == ">" ? Expr::Op::gt : Expr::Op::ge;
    } else if (op.is_type<g::not_in_op>()) {
      e.kind = Expr::Kind::not_in;
    } else if (op.is_type<g::in_op>()) {
      e.kind = Expr::Kind::in;
    } else {
      e.kind = Expr::Kind::has;
    }
    for (const Node* o : all<g::operand>(n)) e.operands.push_back(operand(*o));
    return e;
  }

  Expr condition_of(const Node& n) const {
    if (const Node* c = first<g::or_expr>(n)) return expr(*c);
    return {};
  }

  // ---- Plans ----

  std::vector<UrgencyRange> urgency(const Node& n) const {
    std::vector<UrgencyRange> out;
    for (const Node* r : all<g::urgency_range>(n)) {
      auto ids = all<g::identifier>(*r);
      UrgencyRange range{name(*ids.at(0)), std::nullopt, loc(*r)};
      if (ids.size() > 1) range.last = name(*ids[1]);
      out.push_back(range);
    }
    return out;
  }

  Price price(const Node& n) const {
    Price p;
    p.span = loc(n);
    if (const Node* pp = first<g::percent_price>(n)) {
      p.kind = Price::Kind::percent;
      p.percent = number(*first<g::number>(*first<g::percent>(*pp)));
      p.base = ref(*first<g::ref>(*pp));
      if (const Node* per = first<g::period>(*pp)) p.period = period(*per);
    } else if (const Node* ap = first<g::amount_price>(n)) {
      p.kind = Price::Kind::amount;
      p.amount = money(*first<g::money>(*ap));
      if (const Node* per = first<g::period>(*ap)) p.period = period(*per);
    }
    return p;
  }

  static Price::Period period(const Node& n) {
    return n.string_view().find("year") != std::string_view::npos ? Price::Period::year : Price::Period::month;
  }

  PlanItem plan_item(const Node& n) const {
    PlanItem item;
    item.span = loc(n);
    if (n.is_type<g::price_item>()) {
      item.kind = PlanItem::Kind::price;
      item.price = price(n);
    } else if (n.is_type<g::registers_decl>() || n.is_type<g::talks_item>() || n.is_type<g::includes_item>()) {
      item.kind = n.is_type<g::registers_decl>() ? PlanItem::Kind::registers
                  : n.is_type<g::talks_item>()   ? PlanItem::Kind::talks
                                                 : PlanItem::Kind::includes;
      item.names = names(*first<g::name_list>(n));
    } else if (n.is_type<g::plan_hours>() || n.is_type<g::registration_item>()) {
      item.kind = n.is_type<g::plan_hours>() ? PlanItem::Kind::hours : PlanItem::Kind::registration;
      item.hours = hours_use(*first<g::hours_use>(n));
    } else if (n.is_type<g::contacts_item>()) {
      item.kind = PlanItem::Kind::contacts;
      std::string_view digits = n.string_view();
      digits.remove_prefix(digits.find_first_of("0123456789"));
      item.count = Number{std::string(digits), loc(n)};
    } else if (n.is_type<g::respond_item>()) {
      item.kind = PlanItem::Kind::respond;
      item.urgency = urgency(n);
      item.within = duration(*first<g::duration>(n));
    } else {
      item.kind = PlanItem::Kind::no_target;
      item.urgency = urgency(n);
    }
    return item;
  }

  PlanDecl plan(const Node& n) const {
    PlanDecl p;
    p.span = loc(n);
    p.id = name(*first<g::identifier>(n));
    p.title = maybe_text(n);
    if (const Node* ext = first<g::extends_clause>(n)) p.extends = name(*first<g::plan_ref>(*ext));
    for (const auto& c : n.children) {
      if (!c->is_type<g::identifier>() && !c->is_type<g::title>() && !c->is_type<g::extends_clause>()) {
        p.items.push_back(plan_item(*c));
      }
    }
    return p;
  }

  // ---- Guarantee ----

  Band band(const Node& n) const {
    Band b;
    b.span = loc(n);
    b.length = duration(*first<g::duration>(n));
    if (const Node* below = first<g::below_band>(n)) {
      b.kind = Band::Kind::below;
      b.high = money(*first<g::money>(*below));
    } else if (const Node* above = first<g::above_band>(n)) {
      b.kind = Band::Kind::above;
      b.low = money(*first<g::money>(*above));
    } else {
      const Node& between = *first<g::between_band>(n);
      auto amounts = all<g::money>(between);
      b.kind = Band::Kind::between;
      b.from_word = between.string_view().starts_with("from");
      b.low = money(*amounts.at(0));
      b.high = money(*amounts.at(1));
    }
    return b;
  }

  Clause clause(const Node& n) const {
    Clause c;
    c.span = loc(n);
    c.id = name(*first<g::identifier>(n));
    if (const Node* s = first<g::string>(n)) c.text = text(*s);
    c.when = condition_of(n);
    return c;
  }

  GuaranteeDecl guarantee(const Node& n) const {
    GuaranteeDecl decl;
    decl.span = loc(n);
    decl.title = maybe_text(n);
    for (const auto& c : n.children) {
      GuaranteeItem item;
      item.span = loc(*c);
      if (c->is_type<g::title>()) continue;
      if (c->is_type<g::starts_item>()) {
        item.kind = GuaranteeItem::Kind::starts;
        item.ref = ref(*first<g::ref>(*c));
      } else if (c->is_type<g::lasts_item>()) {
        item.kind = GuaranteeItem::Kind::lasts;
        if (const Node* banded = first<g::banded_period>(*c)) {
          item.banded = true;
          item.ref = ref(*first<g::ref>(*banded));
          for (const Node* b : all<g::band>(*banded)) item.bands.push_back(band(*b));
        } else {
          item.length = duration(*first<g::duration>(*c));
        }
      } else if (c->is_type<g::covers_item>() || c->is_type<g::excludes_item>()) {
        item.kind = c->is_type<g::covers_item>() ? GuaranteeItem::Kind::covers : GuaranteeItem::Kind::excludes;
        item.clause = clause(*c);
      } else if (c->is_type<g::promptly_item>()) {
        item.kind = GuaranteeItem::Kind::promptly;
      } else {
        item.kind = c->is_type<g::registers_decl>() ? GuaranteeItem::Kind::registers : GuaranteeItem::Kind::includes;
        item.names = names(*first<g::name_list>(*c));
      }
      decl.items.push_back(item);
    }
    return decl;
  }

  // ---- Rules ----

  Rule rule(const Node& n) const {
    Rule r;
    r.span = loc(n);
    std::string_view action = first<g::rule_action>(n)->string_view();
    r.action = action == "reject"        ? Rule::Action::reject
               : action == "not_covered" ? Rule::Action::not_covered
               : action == "limited"     ? Rule::Action::limited
               : action == "lower"       ? Rule::Action::lower
               : action.ends_with("plan") ? Rule::Action::outside_plan
                                          : Rule::Action::outside_guarantee;
    r.id = name(*first<g::identifier>(n));
    if (const Node* s = first<g::string>(n)) r.text = text(*s);
    r.when = condition_of(n);
    if (const Node* to = first<g::lower_target>(n)) r.lower_to = name(*first<g::identifier>(*to));
    return r;
  }

  // ---- Tests ----

  TestDecl test(const Node& n) const {
    TestDecl t;
    t.span = loc(n);
    t.name = text(*first<g::string>(n));
    const Node& json = *first<g::json_object>(*first<g::test_case>(n));
    t.case_json = std::string(json.string_view());
    t.case_span = loc(json);
    const Node& expectation = *first<g::expectation>(n);
    t.outcome = name(*first<g::outcome>(expectation));
    for (const auto& c : expectation.children) {
      ExpectItem item;
      item.span = loc(*c);
      if (c->is_type<g::outcome>()) continue;
      if (c->is_type<g::expect_basis>()) {
        item.kind = ExpectItem::Kind::basis;
        std::string_view basis = c->string_view();
        const Node* plan_id = first<g::plan_ref>(*c);
        item.value = plan_id ? "plan:" + std::string(plan_id->string_view())
                     : basis.find("guarantee") != std::string_view::npos ? "guarantee"
                                                                         : "time_and_materials";
      } else if (c->is_type<g::expect_priority>()) {
        item.kind = ExpectItem::Kind::priority;
        item.value = std::string(first<g::identifier>(*c)->string_view());
      } else if (c->is_type<g::expect_due>()) {
        item.kind = ExpectItem::Kind::due;
        item.value = std::string(first<g::timestamp>(*c)->string_view());
      } else if (c->is_type<g::expect_within>()) {
        item.kind = ExpectItem::Kind::within;
        item.within = duration(*first<g::duration>(*c));
      } else if (c->is_type<g::expect_no_response>()) {
        item.kind = ExpectItem::Kind::no_response;
      } else if (c->is_type<g::expect_rule>()) {
        item.kind = ExpectItem::Kind::rule;
        item.value = ref(*first<g::ref>(*c)).dotted();
      } else {
        item.kind = ExpectItem::Kind::error;
        item.value = text(*first<g::string>(*c)).value;
      }
      t.expect.push_back(item);
    }
    return t;
  }

  // ---- Declarations ----

  Member member(const Node& n) const {
    Loc span = loc(n);
    if (n.is_type<g::currency_decl>()) return CurrencyDecl{name(*first<g::currency_code>(n)), span};
    if (n.is_type<g::zones_decl>()) {
      ZonesDecl z{{}, span};
      for (const Node* zone : all<g::zone>(n)) z.zones.push_back(ZoneName{std::string(zone->string_view()), loc(*zone)});
      return z;
    }
    if (n.is_type<g::urgency_decl>()) return UrgencyDecl{name(*first<g::identifier>(n)), span};
    if (n.is_type<g::case_decl>()) {
      CaseDecl c{{}, span};
      for (const Node* f : all<g::field_decl>(n)) c.fields.push_back(field(*f));
      return c;
    }
    if (n.is_type<g::hours_decl>()) {
      HoursDecl h{name(*first<g::identifier>(n)), hours_spec(*first<g::hours_spec>(n)), {}, span};
      if (const Node* ex = first<g::except_clause>(n)) h.except = names(*first<g::name_list>(*ex));
      return h;
    }
    if (n.is_type<g::holidays_decl>()) {
      HolidaysDecl h{name(*first<g::identifier>(n)), {}, span};
      for (const Node* d : all<g::holiday>(n)) {
        const Node& date = *first<g::date>(*d);
        Holiday day{DateLit{std::string(date.string_view()), loc(date)}, std::nullopt, loc(*d)};
        if (const Node* s = first<g::string>(*d)) day.label = text(*s);
        h.days.push_back(day);
      }
      return h;
    }
    if (n.is_type<g::entitlements_decl>()) {
      EntitlementsDecl e{{}, span};
      for (const Node* item : all<g::entitlement>(n)) {
        Entitlement ent{name(*first<g::identifier>(*item)), std::nullopt, loc(*item)};
        if (const Node* s = first<g::string>(*item)) ent.text = text(*s);
        e.items.push_back(ent);
      }
      return e;
    }
    if (n.is_type<g::communication_decl>()) return CommunicationDecl{names(*first<g::name_list>(n)), span};
    if (n.is_type<g::base_decl>()) {
      BaseDecl b{name(*first<g::identifier>(n)), std::nullopt, span};
      if (const Node* s = first<g::string>(n)) b.text = text(*s);
      return b;
    }
    if (n.is_type<g::registers_decl>()) return RegistersDecl{names(*first<g::name_list>(n)), span};
    if (n.is_type<g::plan_decl>()) return plan(n);
    if (n.is_type<g::default_plan_decl>()) return DefaultPlanDecl{name(*first<g::plan_ref>(n)), span};
    if (n.is_type<g::guarantee_decl>()) return guarantee(n);
    if (n.is_type<g::rules_decl>()) {
      RulesDecl r{{}, span};
      for (const Node* rule_node : all<g::rule>(n)) r.rules.push_back(rule(*rule_node));
      return r;
    }
    if (n.is_type<g::otherwise_decl>()) return OtherwiseDecl{name(*first<g::otherwise_basis>(n)), span};
    return test(n);
  }

 private:
  const char* base_;
};

// ---- Reading the raw text -------------------------------------------------------

// The first offset that is not valid UTF-8 or is a NUL byte, if any.
std::optional<std::size_t> find_bad_byte(std::string_view text, std::string& why) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) {
      why = "the file contains a NUL byte: expected text";
      return i;
    }
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; ok && k < length; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    // Overlong forms and surrogates are not text either.
    if (ok && length == 2) ok = c >= 0xC2;
    if (ok && length == 3) {
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
    }
    if (ok && length == 4) {
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (!ok) {
      why = "the file is not valid UTF-8 text";
      return i;
    }
    i += length;
  }
  return std::nullopt;
}

// One pass over the text outside strings: collects comments and finds the
// first bracket nested deeper than max_nesting.
struct Scan {
  std::vector<Comment> comments;
  std::optional<std::uint32_t> too_deep;
};

Scan scan(std::string_view text) {
  Scan out;
  int depth = 0;
  bool code_on_line = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      code_on_line = false;
    } else if (c == '"') {
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i) {
        if (text[i] == '\\') ++i;
      }
      code_on_line = true;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      // Trailing blanks are not part of the comment (the formatter drops them).
      std::size_t stop = end;
      while (stop > i + 2 && (text[stop - 1] == '\r' || text[stop - 1] == ' ' || text[stop - 1] == '\t')) --stop;
      Comment comment;
      comment.text = std::string(text.substr(i, stop - i));
      comment.span.begin = static_cast<std::uint32_t>(i);
      comment.span.end = static_cast<std::uint32_t>(stop);
      comment.own_line = !code_on_line;
      out.comments.push_back(std::move(comment));
      i = end - 1;
    } else if (c == '{' || c == '(' || c == '[') {
      if (++depth > max_nesting && !out.too_deep) out.too_deep = static_cast<std::uint32_t>(i);
      code_on_line = true;
    } else if (c == '}' || c == ')' || c == ']') {
      --depth;
      code_on_line = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      code_on_line = true;
    }
  }
  return out;
}

constexpr std::array<std::string_view, 16> member_keywords = {
    "currency", "zones", "urgency", "case", "hours", "holidays", "entitlements", "communication",
    "base", "registers", "plan", "default", "guarantee", "rules", "otherwise", "test"};

// How many `{` are open at `to`, counting from `from` (outside text and comments).
int brace_depth(std::string_view text, std::size_t from, std::size_t to) {
  int depth = 0;
  for (std::size_t i = from; i < to && i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < to && text[i] != '"' && text[i] != '\n'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < to && text[i] != '\n') ++i;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      --depth;
    }
  }
  return depth;
}

// Where to resume after a syntax error in a declaration that starts at
// `member_begin`: the first later line, indented no deeper than the
// declaration, that starts another declaration or closes the policy.
std::size_t resume_point(std::string_view text, std::size_t member_begin, std::size_t error_at) {
  std::size_t line_begin = text.rfind('\n', member_begin == 0 ? 0 : member_begin - 1);
  std::size_t indent = line_begin == std::string_view::npos ? member_begin : member_begin - line_begin - 1;
  std::size_t pos = text.find('\n', std::max(error_at, member_begin));
  while (pos != std::string_view::npos) {
    std::size_t start = pos + 1;
    std::size_t first = text.find_first_not_of(" \t\r", start);
    if (first == std::string_view::npos) break;
    if (text[first] != '\n' && first - start <= indent) {
      std::string_view rest = text.substr(first);
      // A `}` indented less than the declaration closes the policy. One
      // indented like it closes the declaration while one of its `{` is open,
      // or when it lost its `{` (more declarations follow); else the policy.
      if (rest.starts_with('}')) {
        int depth = brace_depth(text, member_begin, first);
        bool more_follows = text.find_first_not_of(" \t\r\n", first + 1) != std::string_view::npos;
        bool closes_member = first - start == indent && (depth > 0 || more_follows);
        if (!closes_member) return first;
        pos = text.find('\n', start);
        continue;
      }
      for (std::string_view kw : member_keywords) {
        if (rest.starts_with(kw) && (rest.size() == kw.size() || !(std::isalnum(static_cast<unsigned char>(rest[kw.size()])) || rest[kw.size()] == '_'))) {
          return first;
        }
      }
    }
    pos = text.find('\n', start);
  }
  return text.size();
}

// The token at `at`, for the caret and the label: a word, a number or time
// written without spaces (`6pm`, `9:00-18:00`), or one character.
diag::Span token_at(std::string_view text, std::size_t at) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  auto joined = [&](char c) { return word(c) || c == ':' || c == '.' || c == '-' || c == '+'; };
  std::size_t end = at;
  if (at < text.size() && word(text[at])) {
    bool number = std::isdigit(static_cast<unsigned char>(text[at]));
    while (end < text.size() && (number ? joined(text[end]) : word(text[end]))) ++end;
    while (end > at + 1 && !word(text[end - 1])) --end;
  } else if (at < text.size() && text[at] != '\n' && text[at] != '\r') {
    end = at + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)};
}

// Keywords that may stand where an error says something else was expected,
// so that a misspelt keyword gets a "did you mean".
std::optional<std::string> suggestion(std::string_view message, std::string_view found) {
  using Words = std::vector<std::string>;
  static const std::vector<std::pair<std::string_view, Words>> table = {
      {message_of<g::policy_end>(), Words(member_keywords.begin(), member_keywords.end())},
      {message_of<g::plan_end>(),
       {"price", "registers", "talks", "hours", "registration", "contacts", "respond", "no", "includes"}},
      {message_of<g::guarantee_end>(), {"starts", "lasts", "covers", "excludes", "respond", "registers", "includes"}},
      {message_of<g::rules_end>(), {"reject", "not_covered", "limited", "lower", "outside"}},
      {message_of<g::clock_kind>(), {"working", "calendar"}},
      {message_of<g::time_unit>(), {"hours", "hour", "minutes", "minute", "days", "day"}},
      {message_of<g::last_weekday>(), {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}},
      {message_of<g::hours_spec>(), {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}},
      {message_of<g::outcome>(), {"covered", "limited", "billable", "not_covered", "rejected", "invalid"}},
      {message_of<g::period_unit>(), {"year", "month"}},
      {message_of<g::outside_basis>(), {"plan", "guarantee"}},
      {message_of<g::otherwise_basis>(), {"time_and_materials", "not_covered"}},
      {message_of<g::field_type>(), {"money", "date", "timestamp", "bool", "set"}},
      {message_of<g::expect_item>(), {"by", "priority", "due", "within", "no", "rule", "error"}},
      {message_of<g::within_duration>(), {"within"}},
      {message_of<g::when_condition>(), {"when"}},
      {message_of<g::price>(), {"free"}},
      {message_of<g::default_plan_word>(), {"plan"}},
      {message_of<g::target_for>(), {"target"}},
  };
  if (found.empty()) return std::nullopt;
  for (const auto& [text, words] : table) {
    if (text == message) return closest_match(found, words);
  }
  return std::nullopt;
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
  Builder builder(base);
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
      if (c->is_type<g::policy_name>()) policy.name = builder.name(*c);
      if (c->is_type<g::title>()) policy.title = builder.text(*c);
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
      policy.members.push_back(builder.member(*root->children.at(0)));
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
