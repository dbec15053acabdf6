// What the checker's steps share: the policy being checked, where to report,
// the checked policy as it grows, and the symbol tables one step fills for a
// later one. Internal to src/sema; the step table in check.cpp says which
// step fills what.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "sema/checked.h"
#include "syntax/ast.h"

namespace clause::sema {

struct Context {
  Context(const syntax::Policy& policy, const diag::SourcePtr& source, diag::Sink& diagnostics)
      : ast(policy), file(source), sink(diagnostics) {}

  const syntax::Policy& ast;
  diag::SourcePtr file;
  diag::Sink& sink;
  Checked out;

  // The declarations a policy has at most one of (step `singletons`).
  const syntax::CurrencyDecl* currency = nullptr;
  const syntax::ZonesDecl* zones = nullptr;
  const syntax::UrgencyDecl* urgency = nullptr;
  const syntax::CaseDecl* schema = nullptr;
  const syntax::DefaultPlanDecl* default_plan = nullptr;
  const syntax::GuaranteeDecl* guarantee = nullptr;
  const syntax::OtherwiseDecl* otherwise = nullptr;
  const syntax::RegistersDecl* registers = nullptr;

  std::vector<Loc> zone_spans;                                   // step `zones`, parallel to out.zones
  std::map<std::string, std::vector<date::local_days>> holidays; // step `hours`: the days of each holidays list
  std::map<std::string, Loc> clause_ids;                         // step `guarantee`; `rules` and `tests` read it
  std::vector<bool> broken_plans;                                // step `plans`: terms not all worked out

  // Follow-on errors said once.
  bool urgency_missing_reported = false;
  bool currency_missing_reported = false;

  diag::Diagnostic& error(diag::Code code, diag::Span span, std::string message) {
    return sink.error(code, file, span, std::move(message));
  }

  // Every declaration of one kind, in the order written.
  template <typename Decl>
  std::vector<const Decl*> every() const {
    std::vector<const Decl*> out_decls;
    for (const auto& member : ast.members) {
      if (const auto* decl = std::get_if<Decl>(&member)) out_decls.push_back(decl);
    }
    return out_decls;
  }
};

// The names declared in one scope (the fields of a record, the plans, the
// rules): the first declaration of a name stands, later ones are reported.
class Scope {
 public:
  explicit Scope(std::string kind) : kind_(std::move(kind)) {}

  // True when `name` is new in this scope; otherwise reports it as declared
  // twice (pointing at the first) and returns false.
  bool declare(Context& context, const syntax::Name& name);

  // The first declaration of `text`, if there was one; else records `span` as it.
  std::optional<Loc> first_or_add(const std::string& text, Loc span);

 private:
  std::string kind_;
  std::map<std::string, Loc> seen_;
};

}  // namespace clause::sema
