#include "sema/check.h"

#include <algorithm>
#include <map>
#include <set>

#include "calendar/timestamp.h"
#include "support/text.h"

namespace clause::sema {
namespace {

using syntax::Expr;
using syntax::Loc;
namespace codes = diag::codes;

constexpr int max_enum_values = 64;
constexpr std::int64_t max_target_hours = 10'000'000;
constexpr std::string_view weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string join(const std::vector<std::string>& words, std::string_view separator = ", ") {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += separator;
    out += w;
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& words) {
  std::vector<std::string> q;
  for (const auto& w : words) q.push_back("`" + w + "`");
  return join(q);
}

class Checker {
 public:
  Checker(const syntax::Policy& policy, const diag::SourcePtr& file, diag::Sink& sink)
      : ast_(policy), file_(file), sink_(sink) {}

  std::optional<Checked> run() {
    std::size_t errors_before = sink_.error_count();
    out_.name = ast_.name.text;
    out_.title = ast_.title ? ast_.title->value : ast_.name.text;
    out_.span = ast_.span;
    collect_singletons();
    check_schema();
    check_currency();
    check_zones();
    check_urgency();
    check_hours();
    check_names();
    check_registers();
    check_plans();
    check_default_plan();
    check_guarantee();
    check_rules();
    check_otherwise();
    check_tests();
    if (sink_.error_count() > errors_before) return std::nullopt;
    return std::move(out_);
  }

 private:
  // ---- Reporting: the wording of each mistake lives here, once ----

  diag::Diagnostic& error(diag::Code code, diag::Span span, std::string message) {
    return sink_.error(code, file_, span, std::move(message));
  }

  void unknown(std::string_view kind, const syntax::Name& name, const std::vector<std::string>& candidates) {
    auto& d = error(&codes::unknown_name, name.span, fmt_unknown(kind, name.text));
    d.label = "not declared";
    if (auto guess = closest_match(name.text, candidates)) {
      d.help = "did you mean `" + *guess + "`?";
    } else if (!candidates.empty() && candidates.size() <= 12) {
      d.help = "declared: " + quoted_list(candidates);
    } else if (candidates.empty()) {
      d.help = "declare it first";
    }
  }

  static std::string fmt_unknown(std::string_view kind, std::string_view name) {
    return "unknown " + std::string(kind) + " `" + std::string(name) + "`";
  }

  void duplicate(std::string_view kind, const syntax::Name& name, Loc first) {
    auto& d = error(&codes::duplicate, name.span, std::string(kind) + " `" + name.text + "` is declared twice");
    d.label = "declared again here";
    d.related.push_back({first, "first declared here"});
  }

  void duplicate_member(std::string_view what, Loc span, Loc first) {
    auto& d = error(&codes::duplicate, span, "the policy declares " + std::string(what) + " twice");
    d.related.push_back({first, "first declared here"});
    d.help = "keep one and merge the other into it";
  }

  void not_a_value(const Field& field, const syntax::Name& value) {
    auto& d = error(&codes::not_in_enum, value.span,
                    "`" + value.text + "` is not a value of `" + field.path + "`");
    d.label = "not one of its values";
    if (auto guess = closest_match(value.text, field.values)) {
      d.help = "did you mean `" + *guess + "`?";
    } else {
      d.help = "the values of `" + field.path + "` are " + quoted_list(field.values);
    }
  }

  // ---- Singletons: one of each per policy ----

  template <typename Decl>
  const Decl* single(std::string_view what) {
    const Decl* found = nullptr;
    for (const auto& member : ast_.members) {
      if (const auto* decl = std::get_if<Decl>(&member)) {
        if (found) {
          duplicate_member(what, decl->span, found->span);
        } else {
          found = decl;
        }
      }
    }
    return found;
  }

  template <typename Decl>
  std::vector<const Decl*> every() const {
    std::vector<const Decl*> out;
    for (const auto& member : ast_.members) {
      if (const auto* decl = std::get_if<Decl>(&member)) out.push_back(decl);
    }
    return out;
  }

  void collect_singletons() {
    currency_ = single<syntax::CurrencyDecl>("a `currency`");
    zones_ = single<syntax::ZonesDecl>("its `zones`");
    urgency_ = single<syntax::UrgencyDecl>("an `urgency` field");
    schema_ = single<syntax::CaseDecl>("a `case` schema");
    default_plan_ = single<syntax::DefaultPlanDecl>("a `default plan`");
    guarantee_ = single<syntax::GuaranteeDecl>("a `guarantee`");
    otherwise_ = single<syntax::OtherwiseDecl>("an `otherwise` basis");
    registers_ = single<syntax::RegistersDecl>("policy-wide `registers`");
    single<syntax::EntitlementsDecl>("an `entitlements` block");
    single<syntax::CommunicationDecl>("its `communication` channels");
    single<syntax::RulesDecl>("a `rules` block");
  }

  // ---- The case schema ----

  void check_schema() {
    // The contact is the same in every policy (CONTRACT.md 1).
    Field contact{"contact", FieldType::record, {}, -1, {}, true, true, -1, {}};
    out_.fields.push_back(contact);
    out_.role_field = add_member(0, Field{"contact.role", FieldType::enumeration, {"admin", "user"}, 0, {}, true, true, -1, {}});
    out_.authorized_field = add_member(0, Field{"contact.authorized", FieldType::boolean, {}, 0, {}, true, true, -1, {}});
    if (!schema_) {
      error(&codes::missing_declaration, ast_.name.span, "the policy has no `case` schema")
          .help = "declare the case's fields, as in `case { channel: email | portal }`";
      return;
    }
    declare_fields(schema_->fields, -1, "");
    out_.channel_field = out_.field_index("channel");
    if (out_.channel_field < 0) {
      error(&codes::missing_declaration, schema_->span, "the case schema does not declare `channel`")
          .help = "every case names its registration channel: add `channel: email | portal` (your channels)";
    } else if (out_.fields[out_.channel_field].type != FieldType::enumeration) {
      error(&codes::type_mismatch, out_.fields[out_.channel_field].span,
            "`channel` must list the registration channels, as in `channel: email | portal`");
    }
  }

  int add_member(int parent, Field field) {
    int index = static_cast<int>(out_.fields.size());
    out_.fields.push_back(std::move(field));
    if (parent >= 0) out_.fields[parent].members.push_back(index);
    return index;
  }

  void declare_fields(const std::vector<syntax::FieldDecl>& decls, int parent, const std::string& prefix) {
    std::map<std::string, Loc> seen;
    for (const auto& decl : decls) {
      const std::string& name = decl.name.text;
      if (auto it = seen.find(name); it != seen.end()) {
        duplicate("field", decl.name, it->second);
        continue;
      }
      seen.emplace(name, decl.name.span);
      if (parent < 0 && std::find(std::begin(builtin_fields), std::end(builtin_fields), name) != std::end(builtin_fields)) {
        auto& d = error(&codes::misplaced, decl.name.span, "`" + name + "` is a built-in case field and cannot be declared");
        d.help = "every case has `id`, `policy`, `opened_at`, `zone`, `plan` and `contact`; choose another name";
        continue;
      }
      Field field;
      field.path = prefix + name;
      field.parent = parent;
      field.span = decl.name.span;
      const auto& type = decl.type;
      switch (type.kind) {
        case syntax::TypeExpr::Kind::enumeration: field.type = FieldType::enumeration; break;
        case syntax::TypeExpr::Kind::ordered: field.type = FieldType::ordered; break;
        case syntax::TypeExpr::Kind::set: field.type = FieldType::set; break;
        case syntax::TypeExpr::Kind::money: field.type = FieldType::money; break;
        case syntax::TypeExpr::Kind::date: field.type = FieldType::date; break;
        case syntax::TypeExpr::Kind::timestamp: field.type = FieldType::timestamp; break;
        case syntax::TypeExpr::Kind::boolean: field.type = FieldType::boolean; break;
        case syntax::TypeExpr::Kind::record: field.type = FieldType::record; break;
      }
      std::map<std::string, Loc> values;
      for (const auto& value : type.values) {
        if (auto it = values.find(value.text); it != values.end()) {
          duplicate("value", value, it->second);
          continue;
        }
        values.emplace(value.text, value.span);
        field.values.push_back(value.text);
      }
      if (field.values.size() > max_enum_values) {
        error(&codes::bad_value, type.span,
              "`" + field.path + "` has " + std::to_string(field.values.size()) + " values; at most " +
                  std::to_string(max_enum_values) + " are allowed");
      }
      if (decl.default_value) {
        const auto& d = *decl.default_value;
        field.required = false;
        if (d.empty_set) {
          if (field.type != FieldType::set) {
            error(&codes::type_mismatch, d.span, "`{}` is the empty set, but `" + field.path + "` is not a set")
                .help = "give one of its values as the default";
          }
        } else if (field.type == FieldType::enumeration || field.type == FieldType::ordered) {
          field.default_value = field.value_index(d.value.text);
          if (field.default_value < 0) not_a_value(field, d.value);
        } else {
          error(&codes::type_mismatch, d.span, "a default can only be given for a field with listed values or a set")
              .help = "remove the default; the field is then required in every case";
        }
      }
      int index = parent < 0 ? add_member(-1, field) : add_member(parent, field);
      if (field.type == FieldType::record) declare_fields(type.fields, index, field.path + ".");
    }
  }

  // ---- Currency and zones ----

  void check_currency() {
    if (currency_) out_.currency = currency_->code.text;
  }

  // An amount written in the policy: exact, and in the policy's currency.
  std::optional<money::Decimal> amount(const syntax::MoneyLit& lit) {
    auto value = money::Decimal::parse_plain(lit.amount.text);
    if (!value) {
      error(&codes::bad_value, lit.amount.span, value.error());
      return std::nullopt;
    }
    if (!currency_) {
      if (!currency_missing_reported_) {
        error(&codes::missing_declaration, lit.currency.span,
              "an amount in `" + lit.currency.text + "` needs the policy's currency")
            .help = "add `currency " + lit.currency.text + "` to the policy";
        currency_missing_reported_ = true;
      }
      return std::nullopt;
    }
    if (lit.currency.text != currency_->code.text) {
      auto& d = error(&codes::currency, lit.currency.span,
                      "amount in `" + lit.currency.text + "`, but the policy's currency is `" + currency_->code.text + "`");
      d.related.push_back({currency_->code.span, "the policy's currency"});
      return std::nullopt;
    }
    return *value;
  }

  void check_zones() {
    if (!zones_) return;
    for (const auto& zone : zones_->zones) {
      auto parsed = calendar::Zone::parse(zone.text);
      if (!parsed) {
        auto& d = error(&codes::unknown_zone, zone.span, "unknown time zone `" + zone.text + "`");
        d.label = "not a fixed offset or an IANA zone name";
        d.help = "write a fixed offset like GMT+3 or UTC-02:00 (at most 14 hours), or an IANA name like Europe/Kyiv";
        continue;
      }
      auto same = std::find(out_.zones.begin(), out_.zones.end(), *parsed);
      if (same != out_.zones.end()) {
        auto first = static_cast<std::size_t>(same - out_.zones.begin());
        const std::string& first_text = out_.zone_texts[first];
        auto& d = error(&codes::duplicate, zone.span,
                        first_text == zone.text ? "time zone `" + zone.text + "` is listed twice"
                                                : "`" + zone.text + "` is the same zone as `" + first_text + "`");
        d.label = "listed again";
        d.related.push_back({zone_spans_[first], "listed first here"});
        d.help = "list each zone once";
        continue;
      }
      out_.zones.push_back(*parsed);
      out_.zone_texts.push_back(zone.text);
      zone_spans_.push_back(zone.span);
    }
  }

  // ---- Urgency ----

  void check_urgency() {
    if (!urgency_) return;
    // Declared, even if wrongly: later uses must not say it is missing.
    urgency_missing_reported_ = true;
    int field = out_.field_index(urgency_->field.text);
    if (field < 0) {
      if (schema_) unknown("case field", urgency_->field, field_paths());
      return;
    }
    if (out_.fields[field].type != FieldType::ordered) {
      auto& d = error(&codes::type_mismatch, urgency_->field.span,
                      "the urgency field `" + urgency_->field.text + "` must have ordered values");
      d.help = "declare it most urgent first, as in `priority: P1 > P2 > P3 > P4`";
      return;
    }
    out_.urgency_field = field;
  }

  // ---- Hours and holidays ----

  std::optional<int> parse_date_days(const syntax::DateLit& lit) {
    auto parsed = calendar::parse_date(lit.text);
    if (!parsed) {
      auto& d = error(&codes::bad_date, lit.span, "`" + lit.text + "` is not a date on the calendar");
      d.label = "no such day";
      d.help = "write a date that exists, as YYYY-MM-DD";
      return std::nullopt;
    }
    return static_cast<int>(parsed->time_since_epoch().count());
  }

  bool clock_ok(const syntax::ClockTime& t) {
    if (t.hour > 24 || t.minute > 59 || (t.hour == 24 && t.minute != 0)) {
      auto& d = error(&codes::bad_time, t.span,
                      fmt_time(t) + " is not a time of day");
      d.help = "times run from 00:00 to 24:00 (24:00 is the end of the day)";
      return false;
    }
    return true;
  }

  static std::string fmt_time(const syntax::ClockTime& t) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", t.hour % 100, t.minute % 100);
    return buffer;
  }

  static int weekday_index(std::string_view name) {
    for (int i = 0; i < 7; ++i) {
      if (weekdays[i] == name) return i;
    }
    return -1;
  }

  // Builds working hours from a spec; `name` is "" for hours written in a plan.
  std::optional<Hours> build_hours(const syntax::HoursSpec& spec, const std::string& name,
                                   const std::vector<syntax::Name>& except) {
    Hours hours;
    hours.name = name;
    hours.span = spec.span;
    hours.always = spec.always;
    bool ok = true;
    // The windows of each weekday, with where they were written, to find overlaps.
    std::vector<std::vector<std::pair<calendar::Window, Loc>>> by_day(7);
    if (spec.always) {
      for (int d = 0; d < 7; ++d) hours.windows.push_back({d, 0, 24 * 60});
    }
    for (const auto& schedule : spec.schedule) {
      std::vector<int> days;
      for (const auto& range : schedule.days) {
        int first = weekday_index(range.first.text);
        int last = range.last ? weekday_index(range.last->text) : first;
        // Ranges may wrap over the weekend: Fri-Mon is Fri, Sat, Sun, Mon.
        for (int d = first;; d = (d + 1) % 7) {
          if (std::find(days.begin(), days.end(), d) == days.end()) days.push_back(d);
          if (d == last) break;
        }
      }
      for (const auto& window : schedule.windows) {
        if (!clock_ok(window.open) || !clock_ok(window.close)) {
          ok = false;
          continue;
        }
        int open = window.open.hour * 60 + window.open.minute;
        int close = window.close.hour * 60 + window.close.minute;
        if (close <= open) {
          auto& d = error(&codes::window_order, window.span,
                          "the window " + fmt_time(window.open) + "-" + fmt_time(window.close) +
                              (close == open ? " is empty" : " ends before it starts"));
          d.help = close == open ? "a window needs an opening and a later closing time, as in 09:00-18:00"
                                 : "write the opening time first, as in 09:00-18:00; a window over midnight is two "
                                   "windows, as in `Mon 22:00-24:00; Tue 00:00-06:00`";
          ok = false;
          continue;
        }
        for (int day : days) {
          calendar::Window w{day, open, close};
          for (const auto& [other, where] : by_day[day]) {
            if (open < other.end_minute && other.start_minute < close) {
              auto& d = error(&codes::window_overlap, window.span,
                              "on " + std::string(weekdays[day]) + " the window " + fmt_time(window.open) + "-" +
                                  fmt_time(window.close) + " overlaps another window");
              d.related.push_back({where, "the other window"});
              d.help = "merge the two windows into one";
              ok = false;
            }
          }
          by_day[day].push_back({w, window.span});
          hours.windows.push_back(w);
        }
      }
    }
    for (const auto& holidays_name : except) {
      auto it = holidays_.find(holidays_name.text);
      if (it == holidays_.end()) {
        std::vector<std::string> names;
        for (const auto& [n, _] : holidays_) names.push_back(n);
        unknown("holidays", holidays_name, names);
        ok = false;
        continue;
      }
      hours.holidays.insert(hours.holidays.end(), it->second.begin(), it->second.end());
    }
    if (!ok) return std::nullopt;
    auto built = calendar::WorkingHours::make(hours.windows, hours.holidays);
    if (!built) {
      auto& d = error(&codes::no_open_hours, spec.span, built.error());
      d.help = "support hours need at least one open window a week";
      return std::nullopt;
    }
    hours.hours = std::move(*built);
    return hours;
  }

  void check_hours() {
    std::map<std::string, Loc> seen_holidays;
    for (const auto* decl : every<syntax::HolidaysDecl>()) {
      if (auto it = seen_holidays.find(decl->name.text); it != seen_holidays.end()) {
        duplicate("holidays", decl->name, it->second);
        continue;
      }
      seen_holidays.emplace(decl->name.text, decl->name.span);
      auto& days = holidays_[decl->name.text];
      for (const auto& day : decl->days) {
        if (auto d = parse_date_days(day.date)) days.push_back(date::local_days(date::days(*d)));
      }
      holidays_used_[decl->name.text] = false;
    }
    std::map<std::string, Loc> seen;
    for (const auto* decl : every<syntax::HoursDecl>()) {
      if (auto it = seen.find(decl->name.text); it != seen.end()) {
        duplicate("hours", decl->name, it->second);
        continue;
      }
      seen.emplace(decl->name.text, decl->name.span);
      if (auto hours = build_hours(decl->spec, decl->name.text, decl->except)) {
        hours->span = decl->name.span;
        out_.hours.push_back(std::move(*hours));
      }
    }
  }

  int hours_index(const std::string& name) const {
    for (std::size_t i = 0; i < out_.hours.size(); ++i) {
      if (out_.hours[i].name == name) return static_cast<int>(i);
    }
    return -1;
  }

  int resolve_hours(const syntax::HoursUse& use) {
    if (use.spec) {
      auto hours = build_hours(*use.spec, "", {});
      if (!hours) return -1;
      out_.hours.push_back(std::move(*hours));
      return static_cast<int>(out_.hours.size() - 1);
    }
    int index = hours_index(use.name->text);
    if (index < 0) {
      std::vector<std::string> names;
      for (const auto* decl : every<syntax::HoursDecl>()) names.push_back(decl->name.text);
      // Hours that failed their own checks were already reported.
      if (std::find(names.begin(), names.end(), use.name->text) == names.end()) unknown("hours", *use.name, names);
    }
    return index;
  }

  // ---- Entitlements, communication, bases ----

  void check_names() {
    std::map<std::string, Loc> seen;
    for (const auto* decl : every<syntax::EntitlementsDecl>()) {
      for (const auto& item : decl->items) {
        if (auto it = seen.find(item.id.text); it != seen.end()) {
          duplicate("entitlement", item.id, it->second);
          continue;
        }
        seen.emplace(item.id.text, item.id.span);
        out_.entitlements.push_back({item.id.text, item.text ? item.text->value : item.id.text, item.id.span});
      }
    }
    seen.clear();
    for (const auto* decl : every<syntax::CommunicationDecl>()) {
      for (const auto& name : decl->names) {
        if (auto it = seen.find(name.text); it != seen.end()) {
          duplicate("communication channel", name, it->second);
          continue;
        }
        seen.emplace(name.text, name.span);
        out_.communication.push_back(name.text);
      }
    }
    seen.clear();
    for (const auto* decl : every<syntax::BaseDecl>()) {
      if (auto it = seen.find(decl->name.text); it != seen.end()) {
        duplicate("base", decl->name, it->second);
        continue;
      }
      seen.emplace(decl->name.text, decl->name.span);
      out_.bases.push_back(decl->name.text);
    }
  }

  std::vector<std::string> entitlement_ids() const {
    std::vector<std::string> ids;
    for (const auto& e : out_.entitlements) ids.push_back(e.id);
    return ids;
  }

  std::vector<int> resolve_entitlements(const std::vector<syntax::Name>& names) {
    std::vector<int> out;
    for (const auto& name : names) {
      int index = out_.entitlement_index(name.text);
      if (index < 0) {
        unknown("entitlement", name, entitlement_ids());
      } else if (std::find(out.begin(), out.end(), index) == out.end()) {
        out.push_back(index);
      }
    }
    return out;
  }

  // Channel names to value indices of the case's `channel` field.
  std::vector<int> resolve_channels(const std::vector<syntax::Name>& names) {
    std::vector<int> out;
    if (out_.channel_field < 0) return out;
    const Field& channel = out_.fields[out_.channel_field];
    for (const auto& name : names) {
      int index = channel.value_index(name.text);
      if (index < 0) {
        not_a_value(channel, name);
      } else if (std::find(out.begin(), out.end(), index) == out.end()) {
        out.push_back(index);
      }
    }
    return out;
  }

  void check_registers() {
    if (!registers_) return;
    out_.registers = resolve_channels(registers_->channels);
    out_.has_registers = true;
  }

  // ---- Durations ----

  std::optional<Span> duration(const syntax::Duration& d) {
    Span out;
    out.span = d.span;
    out.unit = d.unit;
    out.working = d.clock == syntax::Duration::Clock::working;
    auto amount = money::Decimal::parse_plain(d.amount.text);
    if (!amount) {
      error(&codes::bad_value, d.amount.span, amount.error());
      return std::nullopt;
    }
    out.amount = *amount;
    if (out.working && d.unit == syntax::Duration::Unit::days) {
      auto& e = error(&codes::type_mismatch, d.span, "working time is counted in hours or minutes, not days");
      e.help = "a working day depends on the plan's hours: write the target in working hours, or in calendar days";
      return std::nullopt;
    }
    std::int64_t unit_seconds = d.unit == syntax::Duration::Unit::minutes ? 60
                                : d.unit == syntax::Duration::Unit::hours ? 3600
                                                                          : 86400;
    auto micros = (*amount * money::Decimal::from_integer(unit_seconds)).scaled_integer(6);
    if (!micros || *micros <= 0 || *micros > max_target_hours * 3600 * 1'000'000) {
      auto& e = error(&codes::bad_value, d.span,
                      micros && *micros <= 0 ? "a length of time must be more than zero"
                                             : "`" + d.amount.text + "` is not a usable length of time");
      e.help = micros && *micros <= 0 ? "a response target must give the helpdesk some time"
                                      : "lengths run up to " + std::to_string(max_target_hours) + " hours";
      return std::nullopt;
    }
    out.length = std::chrono::microseconds(*micros);
    return out;
  }

  // ---- Plans ----

  std::vector<int> urgency_values(const std::vector<syntax::UrgencyRange>& ranges) {
    std::vector<int> out;
    const Field* urgency = out_.urgency();
    if (!urgency) {
      if (!urgency_missing_reported_ && !ranges.empty()) {
        error(&codes::missing_declaration, ranges.front().span,
              "response targets are given per urgency value, but the policy does not say which field holds the urgency")
            .help = "add `urgency priority` (the name of an ordered case field)";
        urgency_missing_reported_ = true;
      }
      return out;
    }
    for (const auto& range : ranges) {
      int first = urgency->value_index(range.first.text);
      if (first < 0) not_a_value(*urgency, range.first);
      int last = first;
      if (range.last) {
        last = urgency->value_index(range.last->text);
        if (last < 0) not_a_value(*urgency, *range.last);
      }
      if (first < 0 || last < 0) continue;
      if (last < first) {
        auto& d = error(&codes::bad_range, range.span,
                        "the range " + range.first.text + ".." + range.last->text + " runs backwards");
        d.help = "`" + urgency->path + "` is ordered " + join(urgency->values, " > ") + ": write " + range.last->text +
                 ".." + range.first.text;
        continue;
      }
      for (int v = first; v <= last; ++v) out.push_back(v);
    }
    return out;
  }

  void check_price(const syntax::Price& price, Price& out) {
    out = Price{};
    out.kind = price.kind;
    out.period = price.period;
    out.span = price.span;
    if (price.kind == syntax::Price::Kind::percent) {
      auto percent = money::Decimal::parse_plain(price.percent.text);
      if (percent && (*percent > money::Decimal::from_integer(100))) {
        auto& d = error(&codes::percent_range, price.percent.span, price.percent.text + "% is more than 100%");
        d.help = "a price is a percentage from 0 to 100 of its base";
      }
      if (percent) out.percent = *percent;
      out.base = price.base.dotted();
      if (std::find(out_.bases.begin(), out_.bases.end(), out.base) != out_.bases.end()) return;
      int field = out_.field_index(out.base);
      if (field >= 0 && out_.fields[field].type == FieldType::money) {
        out.base_field = field;
      } else if (field >= 0) {
        error(&codes::type_mismatch, price.base.span, "`" + out.base + "` is not an amount of money")
            .help = "a price is a percentage of a money field or of a declared `base`";
      } else {
        std::vector<std::string> candidates = out_.bases;
        for (const auto& f : out_.fields) {
          if (f.type == FieldType::money) candidates.push_back(f.path);
        }
        auto& d = error(&codes::unknown_name, price.base.span, fmt_unknown("base", out.base));
        d.label = "not declared";
        if (auto guess = closest_match(out.base, candidates)) {
          d.help = "did you mean `" + *guess + "`?";
        } else {
          d.help = "declare it, as in `base " + out.base + " \"what it is\"`, or use a money field of the case";
        }
      }
    } else if (price.kind == syntax::Price::Kind::amount) {
      if (auto value = amount(price.amount)) out.amount = *value;
    }
  }

  void check_plans() {
    auto decls = every<syntax::PlanDecl>();
    std::map<std::string, Loc> seen;
    std::vector<const syntax::PlanDecl*> unique;
    for (const auto* decl : decls) {
      if (auto it = seen.find(decl->id.text); it != seen.end()) {
        duplicate("plan", decl->id, it->second);
        continue;
      }
      seen.emplace(decl->id.text, decl->id.span);
      unique.push_back(decl);
      Plan plan;
      plan.id = decl->id.text;
      plan.title = decl->title ? decl->title->value : decl->id.text;
      plan.span = decl->id.span;
      plan.decl_span = decl->span;
      out_.plans.push_back(plan);
    }
    out_.index_plans();
    // Resolve `extends`, then find cycles before flattening.
    std::vector<std::string> ids;
    for (const auto& p : out_.plans) ids.push_back(p.id);
    // A plan whose terms could not all be worked out is not checked for
    // completeness: its gaps are follow-ons of an error already reported.
    broken_plans_.assign(out_.plans.size(), false);
    for (std::size_t i = 0; i < unique.size(); ++i) {
      if (!unique[i]->extends) continue;
      int parent = out_.plan_index(unique[i]->extends->text);
      if (parent < 0) {
        unknown("plan", *unique[i]->extends, ids);
        broken_plans_[i] = true;
      } else {
        out_.plans[i].parent = parent;
      }
    }
    std::vector<int> state(out_.plans.size(), 0);   // 0 new, 1 in cycle (reported), 2 fine
    for (std::size_t i = 0; i < out_.plans.size(); ++i) {
      std::vector<int> chain;
      int p = static_cast<int>(i);
      while (p >= 0 && state[p] == 0 && std::find(chain.begin(), chain.end(), p) == chain.end()) {
        chain.push_back(p);
        p = out_.plans[p].parent;
      }
      if (p >= 0 && state[p] == 0) {
        // `p` is on the chain: the plans from p onwards form a cycle.
        auto start = std::find(chain.begin(), chain.end(), p);
        std::string path;
        for (auto it = start; it != chain.end(); ++it) path += out_.plans[*it].id + " extends ";
        path += out_.plans[p].id;
        auto& d = error(&codes::inheritance_cycle, unique[p]->extends->span, "plans extend each other in a cycle: " + path);
        d.help = "a plan can extend only a plan that does not, in turn, extend it";
        for (auto it = start; it != chain.end(); ++it) {
          state[*it] = 1;
          out_.plans[*it].parent = -1;
          broken_plans_[*it] = true;
        }
      }
      for (int c : chain) {
        if (state[c] == 0) state[c] = 2;
      }
    }
    // Flatten parents first.
    std::vector<bool> done(out_.plans.size(), false);
    // Parents before children, without recursion: a chain of `extends` may be
    // as long as the file.
    for (std::size_t i = 0; i < out_.plans.size(); ++i) {
      std::vector<int> chain;
      for (int p = static_cast<int>(i); p >= 0 && !done[static_cast<std::size_t>(p)]; p = out_.plans[static_cast<std::size_t>(p)].parent) {
        chain.push_back(p);
      }
      for (auto it = chain.rbegin(); it != chain.rend(); ++it) flatten(*it, unique, done);
    }
    for (std::size_t i = 0; i < out_.plans.size(); ++i) {
      if (!broken_plans_[i]) check_plan_complete(out_.plans[i], *unique[i], i);
    }
  }

  void flatten(int index, const std::vector<const syntax::PlanDecl*>& decls, std::vector<bool>& done) {
    if (done[index]) return;
    done[index] = true;
    Plan& plan = out_.plans[index];
    const syntax::PlanDecl& decl = *decls[index];
    std::size_t urgency_count = out_.urgency() ? out_.urgency()->values.size() : 0;
    std::size_t errors_before = sink_.error_count();
    if (plan.parent >= 0) {
      // INVARIANT: the parent is flattened first (see check_plans).
      if (broken_plans_[plan.parent]) broken_plans_[index] = true;
      Plan inherited = out_.plans[plan.parent];
      inherited.id = plan.id;
      inherited.title = plan.title;
      inherited.parent = plan.parent;
      inherited.span = plan.span;
      inherited.decl_span = plan.decl_span;
      plan = std::move(inherited);
    } else {
      plan.targets.assign(urgency_count, std::nullopt);
      plan.no_target.assign(urgency_count, false);
      if (out_.has_registers) plan.registers = out_.registers;
    }
    std::map<syntax::PlanItem::Kind, Loc> seen;
    std::map<int, Loc> targeted;
    for (const auto& item : decl.items) {
      using K = syntax::PlanItem::Kind;
      Origin here{index, item.span};
      bool repeatable = item.kind == K::respond || item.kind == K::no_target || item.kind == K::includes;
      if (!repeatable) {
        if (auto it = seen.find(item.kind); it != seen.end()) {
          static constexpr std::string_view terms[] = {"price", "registers", "talks", "hours", "registration",
                                                       "contacts", "respond", "no target for", "includes"};
          auto& d = error(&codes::duplicate, item.span,
                          "plan `" + plan.id + "` sets `" + std::string(terms[static_cast<int>(item.kind)]) + "` twice");
          d.related.push_back({it->second, "first set here"});
          continue;
        }
        seen.emplace(item.kind, item.span);
      }
      switch (item.kind) {
        case K::price:
          check_price(item.price, plan.price);
          plan.price_origin = here;
          break;
        case K::registers:
          plan.registers = resolve_channels(item.names);
          plan.registers_origin = here;
          break;
        case K::talks: {
          plan.talks.clear();
          for (const auto& name : item.names) {
            if (std::find(out_.communication.begin(), out_.communication.end(), name.text) == out_.communication.end()) {
              unknown("communication channel", name, out_.communication);
            } else {
              plan.talks.push_back(name.text);
            }
          }
          plan.talks_origin = here;
          break;
        }
        case K::hours:
          plan.hours = resolve_hours(item.hours);
          plan.hours_origin = here;
          // Hours reported wrong where they are declared leave the plan unfinished.
          if (plan.hours < 0) broken_plans_[static_cast<std::size_t>(index)] = true;
          break;
        case K::registration:
          plan.registration = resolve_hours(item.hours);
          break;
        case K::contacts: {
          auto count = money::Decimal::parse_plain(item.count.text);
          auto n = count ? count->scaled_integer() : std::nullopt;
          if (!n || *n < 1 || *n > 1'000'000) {
            error(&codes::bad_value, item.span, "the number of authorized contacts must be from 1 to 1000000");
          } else {
            plan.contacts = static_cast<int>(*n);
            plan.contacts_origin = here;
          }
          break;
        }
        case K::respond:
        case K::no_target: {
          std::optional<Span> within;
          if (item.kind == K::respond) {
            within = duration(item.within);
            if (!within) break;
          }
          for (int v : urgency_values(item.urgency)) {
            if (auto it = targeted.find(v); it != targeted.end()) {
              auto& d = error(&codes::duplicate_target, item.span,
                              "plan `" + plan.id + "` gives " + out_.urgency()->values[v] + " two response targets");
              d.related.push_back({it->second, "first given here"});
              continue;
            }
            targeted.emplace(v, item.span);
            if (within) {
              plan.targets[v] = Target{*within, item.span};
              plan.no_target[v] = false;
            } else {
              plan.targets[v] = std::nullopt;
              plan.no_target[v] = true;
            }
          }
          break;
        }
        case K::includes:
          for (int e : resolve_entitlements(item.names)) {
            if (std::find(plan.includes.begin(), plan.includes.end(), e) == plan.includes.end()) {
              plan.includes.push_back(e);
              plan.includes_origin.push_back(here);
            }
          }
          break;
      }
    }
    if (sink_.error_count() > errors_before) broken_plans_[index] = true;
  }

  // What a plan lacks, as text; empty when complete. Used to report a gap
  // once, on the plan that has it first, not again on every plan extending it.
  std::vector<std::string> missing_targets(const Plan& plan) const {
    std::vector<std::string> missing;
    if (const Field* urgency = out_.urgency()) {
      for (std::size_t v = 0; v < urgency->values.size(); ++v) {
        if (v < plan.targets.size() && !plan.targets[v] && !plan.no_target[v]) missing.push_back(urgency->values[v]);
      }
    }
    return missing;
  }

  void check_plan_complete(const Plan& plan, const syntax::PlanDecl& decl, std::size_t index) {
    const Plan* parent = plan.parent >= 0 ? &out_.plans[static_cast<std::size_t>(plan.parent)] : nullptr;
    (void)index;
    if (out_.urgency()) {
      std::vector<std::string> missing = missing_targets(plan);
      if (!missing.empty() && !(parent && missing_targets(*parent) == missing)) {
        auto& d = error(&codes::missing_target, decl.id.span,
                        "plan `" + plan.id + "` has no response target for " + join(missing));
        d.label = "targets missing";
        d.help = "add `respond " + missing.front() + " within N working hours`, or `no target for " + join(missing) +
                 "` if the plan promises none";
      }
    }
    bool working = std::any_of(plan.targets.begin(), plan.targets.end(),
                               [](const auto& t) { return t && t->within.working; });
    bool parent_lacks_hours = parent && parent->hours < 0;
    if (working && plan.hours < 0 && !parent_lacks_hours) {
      auto& d = error(&codes::missing_declaration, decl.id.span,
                      "plan `" + plan.id + "` counts working hours but has no support hours");
      d.help = "add `hours NAME` (declared hours) or hours like `hours Mon-Fri 09:00-18:00`";
    }
    if (plan.registers.empty() && out_.channel_field >= 0 && !(parent && parent->registers.empty())) {
      auto& d = error(&codes::missing_declaration, decl.id.span,
                      "plan `" + plan.id + "` registers cases through no channel");
      d.help = "add `registers " + join(out_.fields[out_.channel_field].values) +
               "` (or some of them) to the plan, or to the whole policy";
    }
  }

  void check_default_plan() {
    if (!default_plan_) return;
    out_.default_plan = out_.plan_index(default_plan_->plan.text);
    out_.default_plan_span = default_plan_->span;
    if (out_.default_plan < 0) {
      std::vector<std::string> ids;
      for (const auto& p : out_.plans) ids.push_back(p.id);
      unknown("plan", default_plan_->plan, ids);
    }
  }

  // ---- Conditions ----

  std::vector<std::string> field_paths() const {
    std::vector<std::string> out;
    for (const auto& f : out_.fields) {
      if (f.type != FieldType::record) out.push_back(f.path);
    }
    return out;
  }

  std::optional<int> single_value(const Field& field, const syntax::Operand& operand) {
    if (operand.kind != syntax::Operand::Kind::ref || operand.ref.path.size() != 1) {
      auto& d = error(&codes::type_mismatch, operand.span, "`" + field.path + "` is compared with one of its values");
      d.help = "the values of `" + field.path + "` are " + quoted_list(field.values);
      return std::nullopt;
    }
    int index = field.value_index(operand.ref.path[0].text);
    if (index < 0) {
      not_a_value(field, operand.ref.path[0]);
      return std::nullopt;
    }
    return index;
  }

  std::optional<int> plan_operand(const syntax::Operand& operand) {
    if (operand.kind == syntax::Operand::Kind::none) return -1;
    if (operand.kind != syntax::Operand::Kind::ref || operand.ref.path.size() != 1) {
      error(&codes::type_mismatch, operand.span, "`plan` is compared with a plan id or `none`");
      return std::nullopt;
    }
    int index = out_.plan_index(operand.ref.path[0].text);
    if (index < 0) {
      std::vector<std::string> ids;
      for (const auto& p : out_.plans) ids.push_back(p.id);
      unknown("plan", operand.ref.path[0], ids);
      return std::nullopt;
    }
    return index;
  }

  std::optional<Cond> negate_if(bool negate, std::optional<Cond> c, Loc span) {
    if (!c || !negate) return c;
    Cond n;
    n.kind = Cond::Kind::negation;
    n.span = span;
    n.children.push_back(std::move(*c));
    return n;
  }

  // A leaf condition: a test or comparison of one subject (when() handles
  // `and`, `or` and `not`).
  std::optional<Cond> condition(const Expr& e) {
    Cond c;
    c.span = e.span;
    std::string subject = e.subject.dotted();
    if (subject == "plan") return plan_condition(e);
    if (subject == "plan.includes" || subject == "plan.registers") {
      if (e.kind != Expr::Kind::has) {
        auto& d = error(&codes::type_mismatch, e.span, "`" + subject + "` is a list: ask whether it `has` a value");
        std::string example = subject == "plan.includes"
                                  ? (out_.entitlements.empty() ? std::string("an_entitlement") : out_.entitlements.front().id)
                                  : (out_.channel_field >= 0 ? out_.fields[out_.channel_field].values.front() : "email");
        d.help = "as in `" + subject + " has " + example + "`";
        return std::nullopt;
      }
      const auto& operand = e.operands.at(0);
      if (operand.kind != syntax::Operand::Kind::ref || operand.ref.path.size() != 1) {
        error(&codes::type_mismatch, operand.span, "expected a name after `has`");
        return std::nullopt;
      }
      if (subject == "plan.includes") {
        int index = out_.entitlement_index(operand.ref.path[0].text);
        if (index < 0) {
          unknown("entitlement", operand.ref.path[0], entitlement_ids());
          return std::nullopt;
        }
        c.kind = Cond::Kind::plan_includes;
        c.value = index;
        return c;
      }
      // `plan.registers has email` is `email in plan.registers` for a fixed channel.
      if (out_.channel_field < 0) return std::nullopt;
      auto value = single_value(out_.fields[out_.channel_field], operand);
      if (!value) return std::nullopt;
      Cond registered;
      registered.kind = Cond::Kind::channel_registered;
      registered.span = e.span;
      registered.value = *value;
      return registered;
    }
    int field_index = out_.field_index(subject);
    if (field_index < 0 && !schema_) return std::nullopt;   // the missing schema is already reported
    if (field_index < 0 || out_.fields[field_index].type == FieldType::record) {
      std::vector<std::string> candidates = field_paths();
      candidates.insert(candidates.end(), {"plan", "plan.includes", "plan.registers"});
      auto& d = error(&codes::unknown_field, e.subject.span,
                      field_index < 0 ? "the case has no field `" + subject + "`"
                                      : "`" + subject + "` is a group of fields; name one of them");
      d.label = field_index < 0 ? "not in the case schema" : "a group";
      if (field_index >= 0) {
        std::vector<std::string> members;
        for (int m : out_.fields[field_index].members) members.push_back(out_.fields[m].path);
        d.help = "its fields are " + quoted_list(members);
      } else if (auto guess = closest_match(subject, candidates)) {
        d.help = "did you mean `" + *guess + "`?";
      } else {
        d.help = "declare it in the `case` schema";
      }
      return std::nullopt;
    }
    const Field& field = out_.fields[field_index];
    c.field = field_index;
    auto mismatch = [&](std::string message, std::string help) -> std::optional<Cond> {
      auto& d = error(&codes::type_mismatch, e.span, std::move(message));
      d.help = std::move(help);
      return std::nullopt;
    };
    switch (field.type) {
      case FieldType::boolean:
        if (e.kind == Expr::Kind::test) {
          c.kind = Cond::Kind::is_true;
          return c;
        }
        if (e.kind == Expr::Kind::compare && (e.op == Expr::Op::eq || e.op == Expr::Op::ne) &&
            e.operands.at(0).kind == syntax::Operand::Kind::boolean) {
          c.kind = Cond::Kind::is_true;
          bool negate = (e.op == Expr::Op::ne) == e.operands[0].truth;
          return negate_if(negate, c, e.span);
        }
        return mismatch("`" + field.path + "` is true or false", "write `" + field.path + "` or `not " + field.path + "`");
      case FieldType::enumeration:
      case FieldType::ordered: {
        if (e.kind == Expr::Kind::test) {
          return mismatch("`" + field.path + "` is not true or false; compare it with a value",
                          "as in `" + field.path + " = " + field.values.front() + "`");
        }
        if (e.kind == Expr::Kind::has) {
          return mismatch("`" + field.path + "` holds one value, not a set: use `=` or `in`",
                          "as in `" + field.path + " in " + join(field.values) + "`");
        }
        if (e.kind == Expr::Kind::in || e.kind == Expr::Kind::not_in) {
          c.kind = Cond::Kind::enum_in;
          bool ok = true;
          for (const auto& operand : e.operands) {
            if (auto v = single_value(field, operand)) c.values.push_back(*v);
            else ok = false;
          }
          if (!ok) return std::nullopt;
          return negate_if(e.kind == Expr::Kind::not_in, c, e.span);
        }
        auto v = single_value(field, e.operands.at(0));
        if (!v) return std::nullopt;
        if (e.op == Expr::Op::eq || e.op == Expr::Op::ne) {
          c.kind = Cond::Kind::enum_in;
          c.values = {*v};
          return negate_if(e.op == Expr::Op::ne, c, e.span);
        }
        if (field.type != FieldType::ordered) {
          return mismatch("`" + field.path + "` has no order, so it cannot be compared with `<` or `>`",
                          "use `=`, `!=` or `in`, or declare the values in order, as in `a > b > c`");
        }
        c.kind = Cond::Kind::ordered_cmp;
        c.op = e.op;
        c.value = *v;
        return c;
      }
      case FieldType::set: {
        if (e.kind != Expr::Kind::has) {
          return mismatch("`" + field.path + "` is a set: ask whether it `has` a value",
                          "as in `" + field.path + " has " + (field.values.empty() ? "x" : field.values.front()) + "`");
        }
        auto v = single_value(field, e.operands.at(0));
        if (!v) return std::nullopt;
        c.kind = Cond::Kind::set_has;
        c.value = *v;
        return c;
      }
      case FieldType::money: {
        if (e.kind != Expr::Kind::compare || e.operands.at(0).kind != syntax::Operand::Kind::money) {
          return mismatch("`" + field.path + "` is an amount of money: compare it with an amount",
                          "as in `" + field.path + " >= 25000 " + (currency_ ? currency_->code.text : "USD") + "`");
        }
        auto value = amount(e.operands[0].money);
        if (!value) return std::nullopt;
        c.kind = Cond::Kind::money_cmp;
        c.op = e.op;
        c.amount = *value;
        return c;
      }
      case FieldType::date: {
        if (e.kind != Expr::Kind::compare || e.operands.at(0).kind != syntax::Operand::Kind::date) {
          return mismatch("`" + field.path + "` is a date: compare it with a date", "as in `" + field.path + " < 2027-01-01`");
        }
        auto days = parse_date_days(e.operands[0].date);
        if (!days) return std::nullopt;
        c.kind = Cond::Kind::date_cmp;
        c.op = e.op;
        c.days = *days;
        return c;
      }
      case FieldType::timestamp:
      case FieldType::record:
        break;
    }
    return mismatch("`" + field.path + "` cannot be used in a condition", "conditions test values, sets, amounts and dates");
  }

  std::optional<Cond> plan_condition(const Expr& e) {
    Cond c;
    c.span = e.span;
    if (e.kind == Expr::Kind::in || e.kind == Expr::Kind::not_in) {
      // `channel in plan.registers` is handled by the caller's subject; here the subject is the plan.
      c.kind = Cond::Kind::plan_in;
      bool ok = true;
      for (const auto& operand : e.operands) {
        if (auto p = plan_operand(operand)) c.values.push_back(*p);
        else ok = false;
      }
      if (!ok) return std::nullopt;
      return negate_if(e.kind == Expr::Kind::not_in, c, e.span);
    }
    if (e.kind != Expr::Kind::compare) {
      auto& d = error(&codes::type_mismatch, e.span, "`plan` is compared with a plan id or `none`");
      d.help = "as in `plan = premium`, `plan != none` or `plan in business, premium`";
      return std::nullopt;
    }
    auto p = plan_operand(e.operands.at(0));
    if (!p) return std::nullopt;
    if (e.op == Expr::Op::eq || e.op == Expr::Op::ne) {
      c.kind = Cond::Kind::plan_in;
      c.values = {*p};
      return negate_if(e.op == Expr::Op::ne, c, e.span);
    }
    if (*p < 0) {
      error(&codes::type_mismatch, e.operands[0].span, "`none` has no rank: compare it with `=` or `!=`");
      return std::nullopt;
    }
    c.kind = Cond::Kind::plan_cmp;
    c.op = e.op;
    c.value = *p;
    return c;
  }

  // `channel in plan.registers` reads as a list on the right: rewrite it.
  std::optional<Cond> when(const Expr& e) {
    if ((e.kind == Expr::Kind::in || e.kind == Expr::Kind::not_in) && e.operands.size() == 1 &&
        e.operands[0].kind == syntax::Operand::Kind::ref && e.operands[0].ref.dotted() == "plan.registers") {
      if (e.subject.dotted() != "channel") {
        error(&codes::type_mismatch, e.subject.span, "`plan.registers` holds channels: test `channel in plan.registers`");
        return std::nullopt;
      }
      Cond c;
      c.kind = Cond::Kind::channel_registered;
      c.value = -1;   // the case's own channel
      c.span = e.span;
      return negate_if(e.kind == Expr::Kind::not_in, c, e.span);
    }
    if (e.kind == Expr::Kind::all || e.kind == Expr::Kind::any || e.kind == Expr::Kind::negation) {
      Cond c;
      c.kind = e.kind == Expr::Kind::all ? Cond::Kind::all : e.kind == Expr::Kind::any ? Cond::Kind::any
                                                                                     : Cond::Kind::negation;
      c.span = e.span;
      bool ok = true;
      for (const auto& child : e.children) {
        auto checked = when(child);
        if (!checked) ok = false;
        else c.children.push_back(std::move(*checked));
      }
      if (!ok) return std::nullopt;
      return c;
    }
    return condition(e);
  }

  // ---- Guarantee ----

  void check_clause(const syntax::Clause& clause, std::vector<Clause>& out) {
    if (auto it = clause_ids_.find(clause.id.text); it != clause_ids_.end()) {
      duplicate("clause", clause.id, it->second);
      return;
    }
    clause_ids_.emplace(clause.id.text, clause.id.span);
    auto cond = when(clause.when);
    if (!cond) return;
    out.push_back(Clause{clause.id.text, clause.text ? clause.text->value : clause.id.text, std::move(*cond), clause.id.span});
  }

  void check_guarantee() {
    if (!guarantee_) return;
    Guarantee g;
    g.title = guarantee_->title ? guarantee_->title->value : "Guarantee";
    g.span = guarantee_->span;
    std::map<syntax::GuaranteeItem::Kind, Loc> seen;
    for (const auto& item : guarantee_->items) {
      using K = syntax::GuaranteeItem::Kind;
      if (item.kind != K::covers && item.kind != K::excludes) {
        if (auto it = seen.find(item.kind); it != seen.end()) {
          auto& d = error(&codes::duplicate, item.span, "the guarantee sets this term twice");
          d.related.push_back({it->second, "first set here"});
          continue;
        }
        seen.emplace(item.kind, item.span);
      }
      switch (item.kind) {
        case K::starts: {
          g.start_field = typed_field(item.ref, FieldType::date, "a date");
          break;
        }
        case K::lasts: {
          if (!item.banded) {
            if (auto days = guarantee_days(item.length)) g.fixed_days = *days;
            break;
          }
          g.amount_field = typed_field(item.ref, FieldType::money, "an amount of money");
          for (const auto& band : item.bands) {
            Band b;
            b.kind = band.kind;
            b.span = band.span;
            bool ok = true;
            if (band.kind != syntax::Band::Kind::below) {
              if (auto v = amount(band.low)) b.low = *v;
              else ok = false;
            }
            if (band.kind != syntax::Band::Kind::above) {
              if (auto v = amount(band.high)) b.high = *v;
              else ok = false;
            }
            if (ok && band.kind == syntax::Band::Kind::between && b.high < b.low) {
              auto& d = error(&codes::bad_range, band.span, "the band runs backwards: its upper limit is below its lower limit");
              d.help = "write the lower amount first";
              ok = false;
            }
            auto days = guarantee_days(band.length);
            if (!days) ok = false;
            else b.days = *days;
            if (ok) g.bands.push_back(b);
          }
          if (item.bands.empty()) {
            error(&codes::missing_declaration, item.span, "the guarantee's length has no bands")
                .help = "add bands like `below 25000 USD: 30 calendar days`";
          }
          break;
        }
        case K::covers: check_clause(item.clause, g.covers); break;
        case K::excludes: check_clause(item.clause, g.excludes); break;
        case K::promptly: g.promptly = true; break;
        case K::registers:
          g.registers = resolve_channels(item.names);
          g.has_registers = true;
          break;
        case K::includes: g.includes = resolve_entitlements(item.names); break;
      }
    }
    if (!seen.count(syntax::GuaranteeItem::Kind::starts)) {
      error(&codes::missing_declaration, guarantee_->span, "the guarantee does not say when it starts")
          .help = "add `starts after project.completed_on` (a date field of the case)";
    }
    if (!seen.count(syntax::GuaranteeItem::Kind::lasts)) {
      error(&codes::missing_declaration, guarantee_->span, "the guarantee does not say how long it lasts")
          .help = "add `lasts 30 calendar days`, or bands: `lasts by project.budget { ... }`";
    }
    if (!g.has_registers && out_.has_registers) {
      g.registers = out_.registers;
    }
    out_.guarantee = std::move(g);
  }

  std::optional<int> guarantee_days(const syntax::Duration& d) {
    constexpr std::int64_t day = 86400LL * 1'000'000;
    bool calendar_days = d.clock == syntax::Duration::Clock::calendar && d.unit == syntax::Duration::Unit::days;
    if (!calendar_days) {
      auto& e = error(&codes::type_mismatch, d.span, "a guarantee lasts a whole number of calendar days");
      auto amount = money::Decimal::parse_plain(d.amount.text);
      std::int64_t unit = d.unit == syntax::Duration::Unit::minutes ? 60 : d.unit == syntax::Duration::Unit::hours ? 3600 : 86400;
      auto micros = amount ? (*amount * money::Decimal::from_integer(unit)).scaled_integer(6) : std::nullopt;
      if (d.clock == syntax::Duration::Clock::calendar && micros && *micros > 0 && *micros % day == 0) {
        e.help = "write it as `" + std::to_string(*micros / day) + " calendar days`";
      } else {
        e.help = "the period counts dates on the calendar, not working time: write it as `N calendar days`";
      }
      return std::nullopt;
    }
    auto span = duration(d);
    if (!span) return std::nullopt;
    if (span->length.count() % day != 0) {
      error(&codes::type_mismatch, d.span, "a guarantee lasts a whole number of calendar days")
          .help = "round it to whole days";
      return std::nullopt;
    }
    return static_cast<int>(span->length.count() / day);
  }

  int typed_field(const syntax::Ref& ref, FieldType type, std::string_view what) {
    std::string path = ref.dotted();
    int index = out_.field_index(path);
    if (index < 0) {
      auto& d = error(&codes::unknown_field, ref.span, "the case has no field `" + path + "`");
      d.label = "not in the case schema";
      if (auto guess = closest_match(path, field_paths())) d.help = "did you mean `" + *guess + "`?";
      return -1;
    }
    if (out_.fields[index].type != type) {
      auto& d = error(&codes::type_mismatch, ref.span, "`" + path + "` is not " + std::string(what));
      std::vector<std::string> fitting;
      for (const auto& f : out_.fields) {
        if (f.type == type) fitting.push_back(f.path);
      }
      d.help = fitting.empty() ? "declare such a field in the `case` schema" : "use " + quoted_list(fitting);
      return -1;
    }
    return index;
  }

  // ---- Rules ----

  void check_rules() {
    std::map<std::string, Loc> seen;
    for (const auto* decl : every<syntax::RulesDecl>()) {
      for (const auto& rule : decl->rules) {
        if (auto it = clause_ids_.find(rule.id.text); it != clause_ids_.end()) {
          auto& d = error(&codes::duplicate, rule.id.span, "rule `" + rule.id.text + "` has the id of a guarantee clause");
          d.related.push_back({it->second, "the clause"});
          d.help = "decisions quote ids: give the rule its own";
          continue;
        }
        if (auto it = seen.find(rule.id.text); it != seen.end()) {
          duplicate("rule", rule.id, it->second);
          continue;
        }
        seen.emplace(rule.id.text, rule.id.span);
        Rule r;
        r.action = rule.action;
        r.id = rule.id.text;
        r.text = rule.text ? rule.text->value : "";
        r.span = rule.id.span;
        r.decl_span = rule.span;
        bool ok = true;
        if (rule.action == syntax::Rule::Action::lower) {
          if (!rule.lower_to) {
            auto& d = error(&codes::missing_declaration, rule.span, "rule `" + rule.id.text + "` lowers the urgency but does not say to what");
            d.help = "end it with `to VALUE`, as in `to P3`";
            ok = false;
          } else if (const Field* urgency = out_.urgency()) {
            r.lower_to = urgency->value_index(rule.lower_to->text);
            if (r.lower_to < 0) {
              not_a_value(*urgency, *rule.lower_to);
              ok = false;
            }
          } else {
            if (!urgency_) {
              error(&codes::missing_declaration, rule.lower_to->span, "lowering needs the policy's urgency field")
                  .help = "add `urgency priority` (an ordered case field)";
            }
            ok = false;
          }
        } else if (rule.lower_to) {
          error(&codes::misplaced, rule.lower_to->span, "only a `lower` rule takes `to`")
              .help = "remove `to " + rule.lower_to->text + "`";
          ok = false;
        }
        if (rule.action == syntax::Rule::Action::outside_guarantee && !guarantee_) {
          error(&codes::missing_declaration, rule.span, "rule `" + rule.id.text + "` excludes cases from a guarantee the policy does not have")
              .help = "declare the `guarantee`, or remove the rule";
          ok = false;
        }
        auto cond = when(rule.when);
        if (!cond || !ok) continue;
        r.when = std::move(*cond);
        out_.rules.push_back(std::move(r));
      }
    }
  }

  void check_otherwise() {
    if (!otherwise_) return;
    out_.otherwise = otherwise_->basis.text == "time_and_materials" ? Otherwise::time_and_materials : Otherwise::not_covered;
    out_.otherwise_span = otherwise_->span;
  }

  // ---- Tests: the expectations (the cases are read by the test runner's reader) ----

  void check_tests() {
    std::map<std::string, Loc> seen;
    std::set<std::string> known_reasons = {std::string(reason_ids::default_plan), std::string(reason_ids::guarantee),
                                           std::string(reason_ids::otherwise)};
    for (const auto& r : out_.rules) known_reasons.insert(r.id);
    for (const auto& [id, _] : clause_ids_) known_reasons.insert(id);
    for (const auto& p : out_.plans) known_reasons.insert(std::string(reason_ids::plan_prefix) + p.id);
    for (const auto* test : every<syntax::TestDecl>()) {
      if (auto it = seen.find(test->name.value); it != seen.end()) {
        auto& d = error(&codes::duplicate, test->name.span, "two tests are named \"" + test->name.value + "\"");
        d.related.push_back({it->second, "first used here"});
        continue;
      }
      seen.emplace(test->name.value, test->name.span);
      for (const auto& item : test->expect) {
        using K = syntax::ExpectItem::Kind;
        switch (item.kind) {
          case K::basis:
            if (item.value.starts_with("plan:") && out_.plan_index(item.value.substr(5)) < 0) {
              std::vector<std::string> ids;
              for (const auto& p : out_.plans) ids.push_back(p.id);
              auto& d = error(&codes::bad_test, item.span, "unknown plan `" + item.value.substr(5) + "` in the expectation");
              if (auto guess = closest_match(item.value.substr(5), ids)) d.help = "did you mean `" + *guess + "`?";
              else d.help = "the plans are " + quoted_list(ids);
            }
            break;
          case K::priority:
            if (!out_.urgency() || out_.urgency()->value_index(item.value) < 0) {
              auto& d = error(&codes::bad_test, item.span, "`" + item.value + "` is not an urgency value of this policy");
              if (out_.urgency()) d.help = "the values are " + quoted_list(out_.urgency()->values);
            }
            break;
          case K::due:
            if (auto t = calendar::parse_rfc3339(item.value); !t) error(&codes::bad_test, item.span, t.error());
            break;
          case K::within:
            (void)duration(item.within);
            break;
          case K::rule:
            if (!known_reasons.count(item.value)) {
              std::vector<std::string> ids(known_reasons.begin(), known_reasons.end());
              auto& d = error(&codes::bad_test, item.span, "no rule has the id `" + item.value + "`");
              if (auto guess = closest_match(item.value, ids)) d.help = "did you mean `" + *guess + "`?";
            }
            break;
          case K::no_response:
          case K::error:
            break;
        }
      }
      out_.tests.push_back(*test);
    }
  }

  const syntax::Policy& ast_;
  diag::SourcePtr file_;
  diag::Sink& sink_;
  Checked out_;
  const syntax::CurrencyDecl* currency_ = nullptr;
  const syntax::ZonesDecl* zones_ = nullptr;
  const syntax::UrgencyDecl* urgency_ = nullptr;
  const syntax::CaseDecl* schema_ = nullptr;
  const syntax::DefaultPlanDecl* default_plan_ = nullptr;
  const syntax::GuaranteeDecl* guarantee_ = nullptr;
  const syntax::OtherwiseDecl* otherwise_ = nullptr;
  const syntax::RegistersDecl* registers_ = nullptr;
  std::map<std::string, std::vector<date::local_days>> holidays_;
  std::map<std::string, bool> holidays_used_;
  std::map<std::string, Loc> clause_ids_;
  bool urgency_missing_reported_ = false;
  std::vector<bool> broken_plans_;
  std::vector<Loc> zone_spans_;
  bool currency_missing_reported_ = false;
};

}  // namespace

std::optional<Checked> check(const syntax::Policy& policy, const diag::SourcePtr& file, diag::Sink& sink) {
  return Checker(policy, file, sink).run();
}

}  // namespace clause::sema
