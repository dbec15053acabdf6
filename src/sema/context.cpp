#include "sema/context.h"

#include "sema/messages.h"

#include <functional>

namespace clause::sema {

namespace {

// Notes every declaration of the importable kinds in `ast`, and the names in them.
void note_imported(const syntax::Policy& ast, std::size_t index, std::map<const void*, std::size_t>& out) {
  std::function<void(const std::vector<syntax::FieldDecl>&)> fields = [&](const std::vector<syntax::FieldDecl>& decls) {
    for (const auto& f : decls) {
      out[&f.name] = index;
      for (const auto& v : f.type.values) out[&v] = index;
      fields(f.type.fields);
    }
  };
  for (const auto& member : ast.members) {
    std::visit(
        [&](const auto& decl) {
          using Decl = std::decay_t<decltype(decl)>;
          if constexpr (importable<Decl>) {
            out[&decl] = index;
            if constexpr (std::is_same_v<Decl, syntax::HoursDecl> || std::is_same_v<Decl, syntax::HolidaysDecl>) {
              out[&decl.name] = index;
            } else if constexpr (std::is_same_v<Decl, syntax::EntitlementsDecl>) {
              for (const auto& e : decl.items) out[&e.id] = index;
            } else {
              fields(decl.fields);
            }
          }
        },
        member);
  }
}

}  // namespace

Context::Context(const syntax::Policy& policy, const diag::SourcePtr& source, diag::Sink& diagnostics,
                 std::vector<Import> imported_files)
    : ast(policy), imports(std::move(imported_files)), file(source), sink(diagnostics) {
  for (std::size_t i = 0; i < imports.size(); ++i) note_imported(*imports[i].ast, i, imported_nodes_);
}

bool Scope::declare(Context& context, const syntax::Name& name) {
  auto [it, added] = names_.emplace(name.text, &name);
  if (added) return true;
  messages::duplicate(context, kind_, name, *it->second);
  return false;
}

std::optional<Loc> Scope::first_or_add(const std::string& text, Loc span) {
  auto [it, added] = seen_.emplace(text, span);
  if (added) return std::nullopt;
  return it->second;
}

}  // namespace clause::sema
