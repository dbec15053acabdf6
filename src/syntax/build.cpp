#include <tao/pegtl/contrib/parse_tree.hpp>

#include "syntax/grammar.h"
#include "syntax/parse.h"
#include "syntax/pieces.h"

namespace clause::syntax {
namespace {

namespace g = grammar;

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
    // INVARIANT: the grammar matched one of the words, so parsing them succeeds.
    d.clock = *lang::parse<lang::Clock>(first<g::clock_kind>(n)->string_view());
    std::string unit(first<g::time_unit>(n)->string_view());
    if (!unit.ends_with('s')) unit += 's';   // `hour` is `hours`
    d.unit = *lang::parse<lang::TimeUnit>(unit);
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
      f.type.kind = *lang::parse<lang::FieldType>(t.string_view());
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

  std::optional<ZoneName> hours_zone(const Node& n) const {
    const Node* in = first<g::hours_zone>(n);
    if (!in) return std::nullopt;
    const Node& zone = *first<g::zone>(*in);
    return ZoneName{std::string(zone.string_view()), loc(zone)};
  }

  HoursUse hours_use(const Node& n) const {
    HoursUse use;
    use.span = loc(n);
    if (const Node* spec = first<g::hours_spec>(n)) {
      use.spec = hours_spec(*spec);
      use.zone = hours_zone(n);
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
      e.op = *lang::parse<lang::CompareOp>(op.string_view());
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
    if (const Node* w = first<g::when_condition>(n)) return condition_of(*w);
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
    } else if (n.is_type<g::respond_item>() || n.is_type<g::resolve_item>() || n.is_type<g::update_item>() ||
               n.is_type<g::reply_item>()) {
      item.kind = n.is_type<g::respond_item>()   ? PlanItem::Kind::respond
                  : n.is_type<g::resolve_item>() ? PlanItem::Kind::resolve
                  : n.is_type<g::update_item>()  ? PlanItem::Kind::update
                                                 : PlanItem::Kind::reply;
      item.urgency = urgency(n);
      item.time = target_time(n);
      if (const Node* on = first<g::target_hours>(n)) item.on_hours = name(*first<g::identifier>(*on));
      if (const Node* when = first<g::when_condition>(n)) item.when.push_back(condition_of(*when));
    } else {
      item.kind = PlanItem::Kind::no_target;
      item.urgency = urgency(n);
    }
    return item;
  }

  // `within D`, `every D`, `by close of ...`, under `n`.
  TargetTime target_time(const Node& n) const {
    TargetTime t;
    if (const Node* close = first<g::close_of_business>(n)) {
      t.by_close = true;
      t.close_days = close->string_view().find("next") != std::string_view::npos ? 1 : 0;
      t.span = loc(*close);
      return t;
    }
    const Node* d = first<g::duration>(n);
    for (const Node* every = first<g::every_duration>(n); every; every = nullptr) {
      t.every = true;
      d = first<g::duration>(*every);
    }
    t.within = duration(*d);
    t.span = t.within.span;
    return t;
  }

  Holiday holiday(const Node& n) const {
    Holiday h;
    h.span = loc(n);
    if (const Node* id = first<g::holiday_id>(n)) h.id = name(*first<g::identifier>(*id));
    if (const Node* s = first<g::string>(n)) h.label = text(*s);
    for (const Node* years : all<g::holiday_years>(n)) {
      int year = std::stoi(std::string(first<g::year>(*years)->string_view()));
      (years->string_view().starts_with("from") ? h.from_year : h.until_year) = year;
    }
    if (const Node* date = first<g::date>(n)) {
      h.kind = Holiday::Kind::date;
      h.date = DateLit{std::string(date->string_view()), loc(*date)};
      return h;
    }
    if (const Node* every = first<g::every_rule>(n)) {
      if (const Node* shift = first<g::observed_rule>(*every)) {
        h.observed = shift->string_view().find("nearest") != std::string_view::npos ? lang::Observed::nearest_weekday
                                                                                   : lang::Observed::next_weekday;
      }
      if (const Node* nth = first<g::nth_weekday>(*every)) {
        h.kind = Holiday::Kind::every_nth;
        std::string_view ordinal = first<g::ordinal>(*nth)->string_view();
        h.nth = ordinal == "last" ? 0 : ordinal[0] - '0';
        h.weekday = name(*first<g::weekday>(*nth));
        h.month = name(*first<g::month>(*first<g::nth_of>(*nth)));
      } else {
        const Node& day = *first<g::month_day>(*every);
        h.kind = Holiday::Kind::every_date;
        h.month = name(*first<g::month>(day));
        h.day = std::stoi(std::string(first<g::day_number>(day)->string_view()));
      }
      return h;
    }
    const Node& relative = *first<g::relative_day>(n);
    h.kind = Holiday::Kind::relative;
    const Node& base = *first<g::relative_base>(relative);
    h.base = Name{std::string(base.string_view()), loc(base)};
    if (const Node* offset = first<g::day_offset>(relative)) {
      int days = std::stoi(std::string(first<g::integer>(*offset)->string_view()));
      h.offset = offset->string_view().starts_with("-") ? -days : days;
    }
    return h;
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
    // `outside plan` may have any spacing (or a comment) between its words.
    std::string_view action = first<g::rule_action>(n)->string_view();
    std::string words(action.substr(0, action.find_first_of(" \t\r\n/")));
    if (words.size() < action.size()) words += " " + std::string(action.substr(action.find_last_of(" \t\r\n") + 1));
    r.action = *lang::parse<lang::RuleAction>(words);
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
      if (c->is_type<g::expect_target>()) {
        item.kind = ExpectItem::Kind::target;
        item.target = *lang::parse<lang::TargetKind>(first<g::target_kind>(*c)->string_view());
        const Node& fact = *first<g::target_fact>(*c);
        if (const Node* at = first<g::timestamp>(fact)) {
          item.fact = ExpectItem::Fact::due;
          item.value = std::string(at->string_view());
        } else if (first<g::duration>(fact) || first<g::close_of_business>(fact)) {
          item.fact = ExpectItem::Fact::within;
          item.time = target_time(fact);
        } else if (const Node* status = first<g::target_status>(fact)) {
          item.fact = ExpectItem::Fact::status;
          item.value = std::string(status->string_view());
        } else {
          item.fact = ExpectItem::Fact::none;
        }
        t.expect.push_back(item);
        continue;
      }
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
      HoursDecl h{name(*first<g::identifier>(n)), hours_spec(*first<g::hours_spec>(n)), hours_zone(n), {}, span};
      if (const Node* ex = first<g::except_clause>(n)) h.except = names(*first<g::name_list>(*ex));
      return h;
    }
    if (n.is_type<g::holidays_decl>()) {
      HolidaysDecl h{name(*first<g::identifier>(n)), {}, span};
      for (const Node* d : all<g::holiday>(n)) h.days.push_back(holiday(*d));
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
    if (n.is_type<g::import_decl>()) return ImportDecl{text(*first<g::string>(n)), span};
    return test(n);
  }

 private:
  const char* base_;
};

}  // namespace

Name build_name(const Node& n, const char* base) { return Builder(base).name(n); }
Text build_text(const Node& n, const char* base) { return Builder(base).text(n); }
Member build_member(const Node& n, const char* base) { return Builder(base).member(n); }

}  // namespace clause::syntax
