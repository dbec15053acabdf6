#include <optional>
#include <ostream>

#include "cli/commands.h"
#include "driver/driver.h"
#include "ir/program.h"
#include "support/text.h"

namespace clause::cli {

int run_quote(const QuoteOptions& options, Io& io) {
  diag::Sink sink;
  auto units = driver::load_all(options.policy_paths, driver::Stage::lower, sink);
  sink.finish();
  report(sink.diagnostics(), diag::Format::text, io.err);
  if (sink.has_errors() || units.empty()) return exit_code::usage;

  const driver::Unit* unit = nullptr;
  std::vector<const driver::Unit*> policies;
  for (const auto& u : units) {
    if (u.program) policies.push_back(&u);   // libraries have no plans to price
  }
  for (const auto* u : policies) {
    if (options.policy.empty() ? policies.size() == 1 : u->program->name == options.policy) unit = u;
  }
  if (!unit) {
    io.err << "clause quote: " << (options.policy.empty() ? "several policies are loaded: choose one with --policy NAME"
                                                           : "no loaded policy is named `" + options.policy + "`")
           << "\n";
    return exit_code::usage;
  }
  const ir::Program& program = *unit->program;
  const ir::Plan* plan = nullptr;
  for (const auto& p : program.plans) {
    if (p.id == options.plan) plan = &p;
  }
  if (!plan) {
    std::vector<std::string> ids;
    for (const auto& p : program.plans) ids.push_back(p.id);
    std::string known;
    for (const auto& id : ids) known += (known.empty() ? "" : ", ") + id;
    io.err << "clause quote: policy `" << program.name << "` has no plan `" << options.plan << "`; its plans: " << known
           << "\n";
    return exit_code::usage;
  }

  const money::Price& price = plan->price;
  std::optional<money::Decimal> given;
  if (price.kind == lang::PriceKind::percent) {
    if (options.base.empty()) {
      io.err << "clause quote: the " << plan->title << " plan costs " << price.percent.to_string() << "% of "
             << price.base << ": give the amount with --base, as in --base 60000\n";
      return exit_code::usage;
    }
    auto parsed = money::parse_money_string(options.base);
    if (!parsed) {
      io.err << "clause quote: --base: " << parsed.error() << "\n";
      return exit_code::usage;
    }
    if (!parsed->currency.empty() && parsed->currency != program.currency) {
      io.err << "clause quote: --base: expected an amount in " << program.currency << ", got " << parsed->currency << "\n";
      return exit_code::usage;
    }
    given = parsed->amount;
  }
  // INVARIANT: a percentage has its base by now, so quoting cannot fail.
  const money::Quote q = *money::quote(price, given);
  const money::Decimal& base = q.base;
  std::string total = q.total.to_string(2);
  std::string period(money::period_unit(price.period));
  if (options.format == diag::Format::json) {
    io.out << "{\"policy\":" << json_quote(program.name) << ",\"plan\":" << json_quote(plan->id)
           << ",\"price\":" << json_quote(total) << ",\"currency\":" << json_quote(program.currency)
           << ",\"period\":" << (period.empty() ? "null" : json_quote(period));
    if (price.kind == lang::PriceKind::percent) {
      io.out << ",\"percent\":" << json_quote(price.percent.to_string()) << ",\"base\":" << json_quote(price.base)
             << ",\"base_amount\":" << json_quote(base.to_string(2));
    }
    io.out << "}\n";
    return exit_code::ok;
  }
  io.out << plan->title << " (" << program.title << "): ";
  switch (price.kind) {
    case lang::PriceKind::free: io.out << "free"; break;
    case lang::PriceKind::percent:
      io.out << price.percent.to_string() << "% of " << price.base << " " << base.to_string(2) << " " << program.currency
             << " = " << total << " " << program.currency;
      break;
    case lang::PriceKind::amount: io.out << total << " " << program.currency; break;
  }
  if (!period.empty() && price.kind != lang::PriceKind::free) io.out << " per " << period;
  io.out << "\n";
  return exit_code::ok;
}

}  // namespace clause::cli
