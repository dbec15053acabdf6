// The wording of the checker's recurring mistakes, written once so the same
// mistake always reads the same (STYLE.md: lower case, one line, the
// author's words in backticks, advice in `help`). Internal to src/sema.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sema/context.h"

namespace clause::sema::messages {

// "unknown KIND `NAME`", with a did-you-mean, the declared names, or advice
// to declare one first.
void unknown(Context& context, std::string_view kind, const syntax::Name& name,
             const std::vector<std::string>& candidates);
std::string unknown_text(std::string_view kind, std::string_view name);

// "KIND `NAME` is declared twice", pointing at the first (or naming the
// imported file it is also declared in).
void duplicate(Context& context, std::string_view kind, const syntax::Name& name, const syntax::Name& first);
void duplicate(Context& context, std::string_view kind, const syntax::Name& name, Loc first);

// "the policy declares WHAT twice": a declaration a policy has at most one of.
void duplicate_member(Context& context, std::string_view what, Loc span, Loc first);

// "`VALUE` is not a value of `FIELD`".
void not_a_value(Context& context, const Field& field, const syntax::Name& value);

// "the case has no field `PATH`", with a did-you-mean among `candidates`.
diag::Diagnostic& no_such_field(Context& context, const syntax::Ref& ref, const std::vector<std::string>& candidates);

// "TERM ... twice" inside a block (a plan term, a guarantee term).
void term_twice(Context& context, std::string message, Loc span, Loc first);

}  // namespace clause::sema::messages
