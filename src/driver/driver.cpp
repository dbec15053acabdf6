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

// Each stage reads what the earlier ones left in the unit and returns false
// when it reported errors.
bool parse_stage(Unit& unit, diag::Sink& sink) {
  unit.ast = syntax::parse(unit.file, sink);
  return unit.ast.has_value();
}

bool check_stage(Unit& unit, diag::Sink& sink) {
  unit.checked = sema::check(*unit.ast, unit.file, sink);
  return unit.checked.has_value();
}

bool lower_stage(Unit& unit, diag::Sink& /*sink*/) {
  // INVARIANT: a checked policy always lowers; lowering reports nothing.
  unit.program = ir::lower(*unit.checked, *unit.file, unit.revision);
  return true;
}

struct StageEntry {
  Stage stage;
  bool (*run)(Unit&, diag::Sink&);
};

// In order: parse needs the text, check the tree, lower the checked policy.
constexpr StageEntry stages[] = {
    {Stage::parse, parse_stage},
    {Stage::check, check_stage},
    {Stage::lower, lower_stage},
};

void run_stages(Unit& unit, Stage until, diag::Sink& sink) {
  unit.revision = sha256_hex(unit.file->text()).substr(0, 12);
  unit.ok = true;
  for (const auto& entry : stages) {
    if (entry.stage > until) break;
    if (!entry.run(unit, sink)) {
      unit.ok = false;
      return;
    }
    unit.reached = entry.stage;
  }
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
  Unit unit;
  unit.path = path;
  unit.file = std::make_shared<diag::SourceFile>(path, std::move(text));
  run_stages(unit, until, sink);
  return unit;
}

Unit load(const std::string& path, Stage until, diag::Sink& sink) {
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
  return load_text(path, text.str(), until, sink);
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
