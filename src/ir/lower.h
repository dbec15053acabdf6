// Checked policy to compiled program: the `ir` pass's entry point.
#pragma once

#include <memory>
#include <string>

#include "diag/source.h"
#include "ir/program.h"
#include "sema/checked.h"

namespace clause::ir {

// Cannot fail: everything it needs was checked. `file` gives the lines and
// columns quoted in reasons; `revision` identifies the source text.
std::shared_ptr<const Program> lower(const sema::Checked& checked, const diag::SourceFile& file,
                                     const std::string& revision);

}  // namespace clause::ir
