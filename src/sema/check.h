// Syntax tree to checked policy: the `sema` pass's entry point.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "sema/checked.h"
#include "syntax/ast.h"

namespace clause::sema {

// A file whose declarations the policy imports (its hours, holidays,
// entitlements, case schema); the driver has loaded and checked it, so its
// own mistakes were reported in it.
struct Import {
  std::string path;                  // as the `import` line writes it
  syntax::Loc at;                    // the `import` line, in the policy's file
  const syntax::Policy* ast = nullptr;
};

// Resolves names, checks types, values and ranges, flattens plans. Reports
// every error it finds (it does not stop at the first) and returns the
// checked policy only when there were none.
std::optional<Checked> check(const syntax::Policy& policy, const diag::SourcePtr& file, diag::Sink& sink,
                             const std::vector<Import>& imports = {});

}  // namespace clause::sema
