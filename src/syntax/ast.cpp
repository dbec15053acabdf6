#include "syntax/ast.h"

namespace clause::syntax {

std::string Ref::dotted() const {
  std::string out;
  for (const auto& part : path) {
    if (!out.empty()) out += '.';
    out += part.text;
  }
  return out;
}

Loc span_of(const Member& member) {
  return std::visit([](const auto& decl) { return decl.span; }, member);
}

}  // namespace clause::syntax
