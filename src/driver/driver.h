// The ordered stage table every subcommand and test uses to turn policy files
// into something to work with. Stages run in order; the driver stops a file
// after the first stage that reports errors.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "sema/checked.h"
#include "syntax/ast.h"

namespace clause::ir {
struct Program;
}

namespace clause::driver {

enum class Stage {
  read,    // the file's bytes
  parse,   // syntax tree; needs read
  check,   // checked policy; needs parse
  lower,   // compiled program; needs check
};

// One policy file and what the stages made of it.
struct Unit {
  std::string path;
  diag::SourcePtr file;
  std::optional<syntax::Policy> ast;
  std::optional<sema::Checked> checked;
  std::shared_ptr<const ir::Program> program;   // none for a library
  std::string revision;   // first 12 hex digits of the SHA-256 of the text (and of the texts it imports)
  Stage reached = Stage::read;
  bool ok = false;        // every requested stage ran without errors
  // The files it imports, each loaded and checked, those they import first
  // (every file once).
  std::vector<std::shared_ptr<const Unit>> imports;
};

// Files named on the command line: a `.policy` file, or a folder whose
// `.policy` files are taken in name order (not recursively). A path that
// cannot be read is an `unreadable` diagnostic.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, diag::Sink& sink);

// Runs the stages up to `until` on one file.
Unit load(const std::string& path, Stage until, diag::Sink& sink);
// The same for text already in memory (tests, the formatter's soundness check).
Unit load_text(const std::string& path, std::string text, Stage until, diag::Sink& sink);

// Loads every file, and reports two files that define the same policy.
std::vector<Unit> load_all(const std::vector<std::string>& paths, Stage until, diag::Sink& sink);

}  // namespace clause::driver
