#include <map>

#include "sema/messages.h"
#include "sema/steps.h"
#include "support/text.h"

namespace clause::sema {
namespace {

namespace codes = diag::codes;

constexpr std::int64_t micros_per_day = 86400LL * 1'000'000;

// A field of the case the guarantee reads: it must exist and have `type`.
int typed_field(Context& context, const syntax::Ref& ref, FieldType type, std::string_view what) {
  std::string path = ref.dotted();
  int index = context.out.field_index(path);
  if (index < 0) {
    messages::no_such_field(context, ref, field_paths(context));
    return -1;
  }
  if (context.out.fields[static_cast<std::size_t>(index)].type != type) {
    auto& d = context.error(&codes::type_mismatch, ref.span, "`" + path + "` is not " + std::string(what));
    std::vector<std::string> fitting;
    for (const auto& f : context.out.fields) {
      if (f.type == type) fitting.push_back(f.path);
    }
    d.help = fitting.empty() ? "declare such a field in the `case` schema" : "use " + backticked_list(fitting);
    return -1;
  }
  return index;
}

// A guarantee's length: whole calendar days.
std::optional<int> period_days(Context& context, const syntax::Duration& d) {
  bool calendar_days = d.clock == lang::Clock::calendar && d.unit == lang::TimeUnit::days;
  if (!calendar_days) {
    auto& e = context.error(&codes::type_mismatch, d.span, "a guarantee lasts a whole number of calendar days");
    auto amount = money::Decimal::parse_plain(d.amount.text);
    std::int64_t unit = d.unit == lang::TimeUnit::minutes ? 60 : d.unit == lang::TimeUnit::hours ? 3600 : 86400;
    auto micros = amount ? (*amount * money::Decimal::from_integer(unit)).scaled_integer(6) : std::nullopt;
    if (d.clock == lang::Clock::calendar && micros && *micros > 0 && *micros % micros_per_day == 0) {
      e.help = "write it as `" + std::to_string(*micros / micros_per_day) + " calendar days`";
    } else {
      e.help = "the period counts dates on the calendar, not working time: write it as `N calendar days`";
    }
    return std::nullopt;
  }
  auto span = length(context, d);
  if (!span) return std::nullopt;
  if (span->length.count() % micros_per_day != 0) {
    context.error(&codes::type_mismatch, d.span, "a guarantee lasts a whole number of calendar days")
        .help = "round it to whole days";
    return std::nullopt;
  }
  return static_cast<int>(span->length.count() / micros_per_day);
}

void check_clause(Context& context, const syntax::Clause& clause, std::vector<Clause>& out) {
  if (auto first = context.clause_ids.find(clause.id.text); first != context.clause_ids.end()) {
    messages::duplicate(context, "clause", clause.id, first->second);
    return;
  }
  context.clause_ids.emplace(clause.id.text, clause.id.span);
  auto cond = condition(context, clause.when);
  if (!cond) return;
  out.push_back(Clause{clause.id.text, clause.text ? clause.text->value : clause.id.text, std::move(*cond), clause.id.span});
}

void check_bands(Context& context, const syntax::GuaranteeItem& item, Guarantee& g) {
  g.amount_field = typed_field(context, item.ref, FieldType::money, "an amount of money");
  for (const auto& band : item.bands) {
    Band b;
    b.kind = band.kind;
    b.span = band.span;
    bool ok = true;
    if (band.kind != lang::BandKind::below) {
      if (auto v = amount(context, band.low)) b.low = *v;
      else ok = false;
    }
    if (band.kind != lang::BandKind::above) {
      if (auto v = amount(context, band.high)) b.high = *v;
      else ok = false;
    }
    if (ok && band.kind == lang::BandKind::between && b.high < b.low) {
      auto& d = context.error(&codes::bad_range, band.span, "the band runs backwards: its upper limit is below its lower limit");
      d.help = "write the lower amount first";
      ok = false;
    }
    auto days = period_days(context, band.length);
    if (!days) ok = false;
    else b.days = *days;
    if (ok) g.bands.push_back(b);
  }
  if (item.bands.empty()) {
    context.error(&codes::missing_declaration, item.span, "the guarantee's length has no bands")
        .help = "add bands like `below 25000 USD: 30 calendar days`";
  }
}

}  // namespace

void check_guarantee(Context& context) {
  const syntax::GuaranteeDecl* decl = context.guarantee;
  if (!decl) return;
  Guarantee g;
  g.title = decl->title ? decl->title->value : "Guarantee";
  g.span = decl->span;
  std::map<lang::GuaranteeTerm, Loc> seen;
  for (const auto& item : decl->items) {
    using K = lang::GuaranteeTerm;
    if (item.kind != K::covers && item.kind != K::excludes) {
      if (auto it = seen.find(item.kind); it != seen.end()) {
        messages::term_twice(context, "the guarantee sets this term twice", item.span, it->second);
        continue;
      }
      seen.emplace(item.kind, item.span);
    }
    switch (item.kind) {
      case K::starts: g.start_field = typed_field(context, item.ref, FieldType::date, "a date"); break;
      case K::lasts:
        if (item.banded) {
          check_bands(context, item, g);
        } else if (auto days = period_days(context, item.length)) {
          g.fixed_days = *days;
        }
        break;
      case K::covers: check_clause(context, item.clause, g.covers); break;
      case K::excludes: check_clause(context, item.clause, g.excludes); break;
      case K::promptly: g.promptly = true; break;
      case K::registers:
        g.registers = resolve_channels(context, item.names);
        g.has_registers = true;
        break;
      case K::includes: g.includes = resolve_entitlements(context, item.names); break;
    }
  }
  if (!seen.count(lang::GuaranteeTerm::starts)) {
    context.error(&codes::missing_declaration, decl->span, "the guarantee does not say when it starts")
        .help = "add `starts after project.completed_on` (a date field of the case)";
  }
  if (!seen.count(lang::GuaranteeTerm::lasts)) {
    context.error(&codes::missing_declaration, decl->span, "the guarantee does not say how long it lasts")
        .help = "add `lasts 30 calendar days`, or bands: `lasts by project.budget { ... }`";
  }
  if (!g.has_registers && context.out.has_registers) g.registers = context.out.registers;
  context.out.guarantee = std::move(g);
}

}  // namespace clause::sema
