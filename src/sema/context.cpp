#include "sema/context.h"

#include "sema/messages.h"

namespace clause::sema {

bool Scope::declare(Context& context, const syntax::Name& name) {
  if (auto first = first_or_add(name.text, name.span)) {
    messages::duplicate(context, kind_, name, *first);
    return false;
  }
  return true;
}

std::optional<Loc> Scope::first_or_add(const std::string& text, Loc span) {
  auto [it, added] = seen_.emplace(text, span);
  if (added) return std::nullopt;
  return it->second;
}

}  // namespace clause::sema
