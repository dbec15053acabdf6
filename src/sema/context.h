// What the checker's steps share: the policy being checked, where to report,
// the checked policy as it grows, and the symbol tables one step fills for a
// later one. Internal to src/sema; the step table in check.cpp says which
// step fills what.
#pragma once

#include <map>
#include <type_traits>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "sema/check.h"
#include "sema/checked.h"
#include "syntax/ast.h"

namespace clause::sema {

// The declarations a policy may import from another file.
template <typename Decl>
inline constexpr bool importable = std::is_same_v<Decl, syntax::HoursDecl> || std::is_same_v<Decl, syntax::HolidaysDecl> ||
                                   std::is_same_v<Decl, syntax::EntitlementsDecl> || std::is_same_v<Decl, syntax::CaseDecl>;

struct Context {
  Context(const syntax::Policy& policy, const diag::SourcePtr& source, diag::Sink& diagnostics,
          std::vector<Import> imported_files = {});

  const syntax::Policy& ast;
  std::vector<Import> imports;
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
  std::map<std::string, HolidayList> holidays;                   // step `hours`: each holidays list
  std::map<std::string, Loc> clause_ids;                         // step `guarantee`; `rules` and `tests` read it
  std::vector<bool> broken_plans;                                // step `plans`: terms not all worked out

  // Follow-on errors said once.
  bool urgency_missing_reported = false;
  bool currency_missing_reported = false;

  diag::Diagnostic& error(diag::Code code, diag::Span span, std::string message) {
    return sink.error(code, file, span, std::move(message));
  }

  // Every declaration of one kind: those imported first (in the order of
  // the imports), then the policy's own, in the order written.
  template <typename Decl>
  std::vector<const Decl*> every() const {
    std::vector<const Decl*> out_decls;
    if constexpr (importable<Decl>) {
      for (const auto& import : imports) {
        for (const auto& member : import.ast->members) {
          if (const auto* decl = std::get_if<Decl>(&member)) out_decls.push_back(decl);
        }
      }
    }
    for (const auto& member : ast.members) {
      if (const auto* decl = std::get_if<Decl>(&member)) out_decls.push_back(decl);
    }
    return out_decls;
  }

  // The import a declaration (or a name in one) comes from; null when it is the policy's own.
  const Import* import_of(const void* node) const {
    auto it = imported_nodes_.find(node);
    return it == imported_nodes_.end() ? nullptr : &imports[it->second];
  }

 private:
  std::map<const void*, std::size_t> imported_nodes_;   // imported declarations and their names -> import
};

// The names declared in one scope (the fields of a record, the plans, the
// rules): the first declaration of a name stands, later ones are reported.
class Scope {
 public:
  explicit Scope(std::string kind) : kind_(std::move(kind)) {}
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

  // True when `name` is new in this scope; otherwise reports it as declared
  // twice (pointing at the first) and returns false.
  bool declare(Context& context, const syntax::Name& name);

  // The first declaration of `text`, if there was one; else records `span` as it.
  std::optional<Loc> first_or_add(const std::string& text, Loc span);

 private:
  std::string kind_;
  std::map<std::string, const syntax::Name*> names_;
  std::map<std::string, Loc> seen_;
};

}  // namespace clause::sema
