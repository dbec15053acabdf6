// What reading one case's fields needs, shared by the reader (read.cpp)
// and the field-by-field typing (fields.cpp). Internal to src/caseio.
#pragma once

#include <simdjson.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "caseio/names.h"
#include "caseio/read.h"

namespace clause::caseio {

namespace od = simdjson::ondemand;
using lang::FieldType;

std::string_view type_name(od::json_type type);
std::string json_error(simdjson::error_code code);

// A time zone as the case wrote it, parsed once and remembered.
struct ZoneEntry {
  bool ok = false;
  calendar::Zone zone;
  std::string error;
  std::vector<bool> served;   // per program: listed in its zones (or it lists none)
};

// Zones as cases write them, looked up without copying the text.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using ZoneCache = std::unordered_map<std::string, std::unique_ptr<ZoneEntry>, TextHash, std::equal_to<>>;

// The keys every case may give, before the policy's own fields.
inline constexpr std::string_view builtin_keys[] = {"id", "policy", "opened_at", "zone", "plan"};
inline constexpr int builtin_count = 5;
inline constexpr int builtin_opened_at = 2, builtin_zone = 3, builtin_plan = 4;

// The words one policy's cases use, looked up by NameTable while reading.
struct Vocabulary {
  NameTable top;                    // builtin key i -> i; top field f -> builtin_count + f
  std::vector<NameTable> members;   // per field: a record's member keys -> field index
  std::vector<NameTable> values;    // per field: the values of an enum or set -> value index
  NameTable plans;                  // plan id -> plan index

  explicit Vocabulary(const ir::Program& program);
};

// The case's own `policy`: the loaded policy it names, and its text only
// when it names none (for the error).
void note_policy(ReadResult& result, const NameTable& policies, std::string_view name);

// Where one case is read into, and what for.
struct CaseTarget {
  const ir::Program& program;
  const Vocabulary& vocabulary;
  int program_index;
  std::size_t program_count;
  eval::Case& c;
  ReadResult& result;
  ZoneCache& zones;
  std::vector<char>& seen;        // which fields the case gave, reused from case to case
  const NameTable& policies;      // policy name -> program
};

// Reads the fields of one case object into target.c, collecting errors in
// target.result. False when the JSON itself is broken (the document is
// then unusable).
bool read_fields(od::object& object, const CaseTarget& target);

}  // namespace clause::caseio
