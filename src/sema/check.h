// Syntax tree to checked policy: the `sema` pass's entry point.
#pragma once

#include <optional>

#include "diag/diagnostic.h"
#include "sema/checked.h"
#include "syntax/ast.h"

namespace clause::sema {

// Resolves names, checks types, values and ranges, flattens plans. Reports
// every error it finds (it does not stop at the first) and returns the
// checked policy only when there were none.
std::optional<Checked> check(const syntax::Policy& policy, const diag::SourcePtr& file, diag::Sink& sink);

}  // namespace clause::sema
