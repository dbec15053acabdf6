#include "driver/driver.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "ir/lower.h"
#include "sema/check.h"
#include "support/sha256.h"
#include "syntax/parse.h"

namespace clause::driver {
namespace {

namespace fs = std::filesystem;

// The files being loaded, outermost first: an import of one of them is a cycle.
using Chain = std::vector<std::string>;

Unit load_in(const std::string& path, Stage until, diag::Sink& sink, Chain& chain);
Unit load_text_in(const std::string& path, std::string text, Stage until, diag::Sink& sink, Chain& chain);

std::string canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

// Loads what the unit's `import` lines name, relative to its own folder, and
// the files they import in turn (each once, dependencies first).
bool import_stage(Unit& unit, diag::Sink& sink, Chain& chain) {
  bool ok = true;
  std::vector<std::string> seen;
  for (const auto& member : unit.ast->members) {
    const auto* import = std::get_if<syntax::ImportDecl>(&member);
    if (!import) continue;
    fs::path target = fs::path(unit.path).parent_path() / import->path.value;
    std::string key = canonical(target.string());
    if (std::find(chain.begin(), chain.end(), key) != chain.end()) {
      std::string loop;
      for (auto it = std::find(chain.begin(), chain.end(), key); it != chain.end(); ++it) loop += fs::path(*it).filename().string() + " imports ";
      auto& d = sink.error(&diag::codes::import_cycle, unit.file, import->span,
                           "files import each other in a cycle: " + loop + fs::path(key).filename().string());
      d.help = "move what both need into a library that imports neither";
      ok = false;
      continue;
    }
    std::error_code ec;
    if (!fs::is_regular_file(target, ec)) {
      auto& d = sink.error(&diag::codes::bad_import, unit.file, import->path.span,
                           "cannot import `" + import->path.value + "`: no such file (looked for " + target.string() + ")");
      d.help = "paths are relative to the folder of the file that imports";
      ok = false;
      continue;
    }
    auto loaded = std::make_shared<Unit>(load_in(target.string(), Stage::check, sink, chain));
    if (!loaded->ok) {
      sink.error(&diag::codes::bad_import, unit.file, import->path.span,
                 "`" + import->path.value + "` does not check: its errors are above")
          .help = "fix the imported file first";
      ok = false;
      continue;
    }
    for (const auto& inner : loaded->imports) {
      if (std::find(seen.begin(), seen.end(), canonical(inner->path)) != seen.end()) continue;
      seen.push_back(canonical(inner->path));
      unit.imports.push_back(inner);
    }
    if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
      seen.push_back(key);
      unit.imports.push_back(std::move(loaded));
    }
  }
  return ok;
}

// Each stage reads what the earlier ones left in the unit and returns false
// when it reported errors.
bool parse_stage(Unit& unit, diag::Sink& sink, Chain&) {
  unit.ast = syntax::parse(unit.file, sink);
  return unit.ast.has_value();
}

bool check_stage(Unit& unit, diag::Sink& sink, Chain& chain) {
  if (!import_stage(unit, sink, chain)) return false;
  std::vector<sema::Import> imports;
  for (const auto& imported : unit.imports) {
    syntax::Loc at;
    std::string written;
    for (const auto& member : unit.ast->members) {
      const auto* import = std::get_if<syntax::ImportDecl>(&member);
      if (import && canonical((fs::path(unit.path).parent_path() / import->path.value).string()) == canonical(imported->path)) {
        at = import->span;
        written = import->path.value;
      }
    }
    // Files imported by an import are named by their own path.
    imports.push_back({written.empty() ? imported->path : written, at, &*imported->ast});
  }
  unit.checked = sema::check(*unit.ast, unit.file, sink, imports);
  if (unit.checked && !unit.imports.empty()) {
    // The decisions depend on the imported texts too.
    std::string all = unit.file->text();
    for (const auto& imported : unit.imports) all += std::string(1, '\0') + imported->file->text();
    unit.revision = sha256_hex(all).substr(0, 12);
  }
  return unit.checked.has_value();
}

bool lower_stage(Unit& unit, diag::Sink&, Chain&) {
  // INVARIANT: a checked policy always lowers; lowering reports nothing.
  // A library decides no case: it has no program.
  if (!unit.checked->library) unit.program = ir::lower(*unit.checked, *unit.file, unit.revision);
  return true;
}

struct StageEntry {
  Stage stage;
  bool (*run)(Unit&, diag::Sink&, Chain&);
};

// In order: parse needs the text; check the tree and the files it imports;
// lower the checked policy.
constexpr StageEntry stages[] = {
    {Stage::parse, parse_stage},
    {Stage::check, check_stage},
    {Stage::lower, lower_stage},
};

void run_stages(Unit& unit, Stage until, diag::Sink& sink, Chain& chain) {
  unit.revision = sha256_hex(unit.file->text()).substr(0, 12);
  unit.ok = true;
  chain.push_back(canonical(unit.path));
  for (const auto& entry : stages) {
    if (entry.stage > until) break;
    if (!entry.run(unit, sink, chain)) {
      unit.ok = false;
      break;
    }
    unit.reached = entry.stage;
  }
  chain.pop_back();
}

Unit load_text_in(const std::string& path, std::string text, Stage until, diag::Sink& sink, Chain& chain) {
  Unit unit;
  unit.path = path;
  unit.file = std::make_shared<diag::SourceFile>(path, std::move(text));
  run_stages(unit, until, sink, chain);
  return unit;
}

Unit load_in(const std::string& path, Stage until, diag::Sink& sink, Chain& chain) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || fs::is_directory(path, ec)) {
    sink.error(&diag::codes::unreadable, nullptr, {}, "cannot read `" + path + "`: no such file, or not readable")
        .help = "pass a `.policy` file or a folder of them";
    Unit unit;
    unit.path = path;
    return unit;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_text_in(path, text.str(), until, sink, chain);
}

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, diag::Sink& sink) {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (entry.path().extension() == ".policy" && entry.is_regular_file()) found.push_back(entry.path().string());
      }
      if (ec) {
        auto& d = sink.error(&diag::codes::unreadable, nullptr, {}, "cannot read the folder `" + path + "`: " + ec.message());
        d.help = "check the path and its permissions";
        continue;
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        sink.error(&diag::codes::unreadable, nullptr, {}, "the folder `" + path + "` has no `.policy` files");
      }
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(path);
    }
  }
  return out;
}

Unit load_text(const std::string& path, std::string text, Stage until, diag::Sink& sink) {
  Chain chain;
  return load_text_in(path, std::move(text), until, sink, chain);
}

Unit load(const std::string& path, Stage until, diag::Sink& sink) {
  Chain chain;
  return load_in(path, until, sink, chain);
}

std::vector<Unit> load_all(const std::vector<std::string>& paths, Stage until, diag::Sink& sink) {
  std::vector<Unit> units;
  std::map<std::string, std::size_t> by_name;
  for (const auto& path : expand_paths(paths, sink)) {
    Unit unit = load(path, until, sink);
    if (unit.ast) {
      const auto& name = unit.ast->name;
      if (auto it = by_name.find(name.text); it != by_name.end()) {
        const Unit& first = units[it->second];
        auto& d = sink.error(&diag::codes::duplicate_policy, unit.file, name.span,
                             "policy `" + name.text + "` is also defined in " + first.path);
        d.help = "give each policy its own name, or load only one of the two files";
        unit.ok = false;
      } else {
        by_name.emplace(name.text, units.size());
      }
    }
    units.push_back(std::move(unit));
  }
  return units;
}

}  // namespace clause::driver
