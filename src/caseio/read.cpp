#include "caseio/read.h"

#include "caseio/lines.h"
#include "caseio/names.h"

#include <simdjson.h>

#include <cstring>
#include <unordered_map>

#include "calendar/timestamp.h"
#include "money/decimal.h"
#include "support/text.h"

namespace clause::caseio {
namespace {

namespace od = simdjson::ondemand;
using lang::FieldType;

constexpr std::size_t max_errors = 20;

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

std::string_view type_name(od::json_type type) {
  switch (type) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "text";
    case od::json_type::boolean: return "true or false";
    case od::json_type::null: return "null";
  }
  return "a value";
}

std::string json_error(simdjson::error_code code) {
  using simdjson::error_code;
  switch (code) {
    case error_code::EMPTY: return "the line is empty: expected a case as a JSON object";
    case error_code::INCOMPLETE_ARRAY_OR_OBJECT:
    case error_code::UNCLOSED_STRING:
      return "the JSON is cut off: expected the whole case, ending with `}`, on one line";
    case error_code::UTF8_ERROR: return "the line is not valid UTF-8 text";
    case error_code::DEPTH_ERROR: return "the JSON nests too deeply";
    case error_code::CAPACITY: return "the line is too long to read";
    case error_code::NUMBER_ERROR: return "malformed number";
    case error_code::TAPE_ERROR:
      return "malformed or cut-off JSON: expected the whole case as one JSON object on one line "
             "(look for a missing or extra comma, brace, quote or key)";
    default: return std::string("malformed JSON: expected a case as a JSON object (") + simdjson::error_message(code) + ")";
  }
}

std::string one_of(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += i + 1 == values.size() ? " or " : ", ";
    out += values[i];
  }
  return out;
}

// A time zone as the case wrote it, parsed once and remembered.
struct ZoneEntry {
  bool ok = false;
  calendar::Zone zone;
  std::string error;
  std::vector<bool> served;   // per program: listed in its zones (or it lists none)
};

// The keys every case may give, before the policy's own fields.
constexpr std::string_view builtin_keys[] = {"id", "policy", "opened_at", "zone", "plan"};
constexpr int builtin_count = 5;
constexpr int builtin_opened_at = 2, builtin_zone = 3, builtin_plan = 4;

// The words one policy's cases use, looked up by NameTable while reading.
struct Vocabulary {
  NameTable top;                    // builtin key i -> i; top field f -> builtin_count + f
  std::vector<NameTable> members;   // per field: a record's member keys -> field index
  std::vector<NameTable> values;    // per field: the values of an enum or set -> value index
  NameTable plans;                  // plan id -> plan index

  explicit Vocabulary(const ir::Program& program) : members(program.fields.size()), values(program.fields.size()) {
    for (int i = 0; i < builtin_count; ++i) top.add(builtin_keys[i], i);
    for (int f : program.top_fields) top.add(program.fields[static_cast<std::size_t>(f)].key, builtin_count + f);
    for (std::size_t f = 0; f < program.fields.size(); ++f) {
      const ir::Field& field = program.fields[f];
      for (int m : field.members) members[f].add(program.fields[static_cast<std::size_t>(m)].key, m);
      for (std::size_t v = 0; v < field.values.size(); ++v) values[f].add(field.values[v], static_cast<int>(v));
    }
    for (std::size_t p = 0; p < program.plans.size(); ++p) plans.add(program.plans[p].id, static_cast<int>(p));
  }
};

// The case's own `policy`: the loaded policy it names, and its text only
// when it names none (for the error).
void note_policy(ReadResult& result, const NameTable& policies, std::string_view name) {
  result.policy_given = true;
  result.policy_named = policies.find(name);
  if (result.policy_named < 0) result.policy_seen.assign(name);
}

// Zones as cases write them, looked up without copying the text.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using ZoneCache = std::unordered_map<std::string, std::unique_ptr<ZoneEntry>, TextHash, std::equal_to<>>;

// A case that no policy can read still has its id echoed.
void echo_id(od::document& doc, ReadResult& result) {
  doc.rewind();
  od::value id_value;
  std::string_view id;
  if (doc.find_field_unordered("id").get(id_value) == simdjson::SUCCESS &&
      id_value.get_string().get(id) == simdjson::SUCCESS) {
    result.id = id;
    result.has_id = true;
  }
}

}  // namespace

struct CaseReader::Impl {
  od::parser parser;
  std::vector<char> seen;   // which fields a case gave, reused from case to case
  ZoneCache zones;
  std::vector<Vocabulary> vocabularies;   // per program
  NameTable policies;                     // policy name -> program
};

CaseReader::CaseReader(std::vector<std::shared_ptr<const ir::Program>> programs, std::string forced_policy)
    : impl_(std::make_unique<Impl>()), programs_(std::move(programs)) {
  cases_.resize(programs_.size());
  for (std::size_t i = 0; i < programs_.size(); ++i) {
    cases_[i].reset(*programs_[i]);
    impl_->vocabularies.emplace_back(*programs_[i]);
    impl_->policies.add(programs_[i]->name, static_cast<int>(i));
  }
  if (!forced_policy.empty()) {
    for (std::size_t i = 0; i < programs_.size(); ++i) {
      if (programs_[i]->name == forced_policy) forced_ = static_cast<int>(i);
    }
    if (forced_ < 0) {
      std::vector<std::string> names;
      for (const auto& p : programs_) names.push_back(p->name);
      setup_error_ = "--policy `" + forced_policy + "` names no loaded policy; loaded: " + one_of(names);
    }
  }
}

CaseReader::~CaseReader() = default;

std::size_t CaseReader::padding() { return simdjson::SIMDJSON_PADDING; }

namespace {

// Reads the fields of one case into `c` for `program`, collecting errors.
class Reading {
 public:
  Reading(const ir::Program& program, const Vocabulary& vocabulary, int program_index, eval::Case& c,
          ReadResult& result, ZoneCache& zones, std::size_t program_count, std::vector<char>& seen,
          const NameTable& policies)
      : program_(program), vocabulary_(vocabulary), index_(program_index), case_(c), result_(result), zones_(zones),
        program_count_(program_count), seen_(seen), policies_(policies) {
    seen_.assign(program_.fields.size(), 0);
  }

  void fail(std::string_view field, std::string message) {
    if (result_.errors.size() < max_errors) result_.errors.push_back({std::string(field), std::move(message)});
  }

  // A JSON error leaves the document unusable: report it and stop.
  bool check(simdjson::error_code code, std::string_view field) {
    if (code == simdjson::SUCCESS) [[likely]] return true;
    broke(code, field);
    return false;
  }

  [[gnu::noinline, gnu::cold]] void broke(simdjson::error_code code, std::string_view field) {
    fail(field.empty() ? "$" : field, json_error(code));
    broken_ = true;
  }

  bool broken() const { return broken_; }

  void object(od::object& obj) {
    std::uint64_t seen_builtin = 0;   // id, policy, opened_at, zone, plan
    std::vector<char>& seen = seen_;
    for (auto field_result : obj) {
      od::field field;
      if (!check(std::move(field_result).get(field), "")) return;
      std::string_view key;
      if (!check(field.unescaped_key().get(key), "")) return;
      od::value value = field.value();
      const int entry = vocabulary_.top.find(key);
      if (entry >= 0 && entry < builtin_count) {
        const int builtin = entry;
        if (seen_builtin & (1u << builtin)) {
          fail(key, "duplicate key: `" + std::string(key) + "` is given twice");
          continue;
        }
        seen_builtin |= 1u << builtin;
        if (!read_builtin(builtin, value)) return;
        continue;
      }
      const int index = entry < 0 ? -1 : entry - builtin_count;
      if (index < 0) {
        unknown(std::string(key), key, -1);
        continue;
      }
      if (seen[index]) {
        fail(key, "duplicate key: `" + std::string(key) + "` is given twice");
        continue;
      }
      seen[index] = 1;
      if (!read_field(index, value, program_.fields[index].path, seen)) return;
    }
    if (!(seen_builtin & (1u << builtin_opened_at))) fail("opened_at", "missing required field: expected an RFC 3339 timestamp like 2026-11-27T17:30:00+03:00");
    if (!(seen_builtin & (1u << builtin_zone))) fail("zone", "missing required field: expected a time zone like GMT+3");
    require(seen, -1);
  }

  // Reports required fields that were not given (below `parent`), and fills defaults.
  void require(const std::vector<char>& seen, int parent) {
    const auto& members = parent < 0 ? program_.top_fields : program_.fields[static_cast<std::size_t>(parent)].members;
    for (int i : members) {
      const ir::Field& f = program_.fields[static_cast<std::size_t>(i)];
      if (seen[static_cast<std::size_t>(i)]) continue;
      if (f.required) {
        fail(f.path, "missing required field" + expected_suffix(f));
      } else if (f.default_value >= 0) {
        case_.enums[f.slot.index] = static_cast<std::uint8_t>(f.default_value);
      } else if (f.type == FieldType::set) {
        case_.sets[f.slot.index] = 0;
      }
    }
  }

 private:
  std::string expected_suffix(const ir::Field& f) const {
    switch (f.type) {
      case FieldType::enumeration:
      case FieldType::ordered: return ": expected one of " + one_of(f.values);
      case FieldType::money: return ": expected an amount like \"60000.00 " + program_.currency + "\"";
      case FieldType::date: return ": expected a date like \"2026-10-01\"";
      case FieldType::boolean: return ": expected true or false";
      case FieldType::record: {
        std::vector<std::string> keys;
        for (int m : f.members) keys.push_back(program_.fields[m].key);
        return ": expected an object with " + one_of(keys);
      }
      default: return "";
    }
  }

  void unknown(const std::string& path, std::string_view key, int parent) {
    std::vector<std::string> known;
    if (parent < 0) {
      known.assign(std::begin(builtin_keys), std::end(builtin_keys));
      for (int i : program_.top_fields) known.push_back(program_.fields[static_cast<std::size_t>(i)].key);
    } else {
      for (int m : program_.fields[static_cast<std::size_t>(parent)].members) known.push_back(program_.fields[m].key);
    }
    std::string message = "unknown field `" + std::string(key) + "`";
    if (auto guess = closest_match(key, known)) message += ": did you mean `" + *guess + "`?";
    else message += ": expected one of " + one_of(known);
    fail(path, message);
  }

  bool get_type(od::value& value, od::json_type& type, std::string_view path) {
    return check(value.type().get(type), path);
  }

  // A string value: `value` when read; `wrong_type` when reported and
  // skipped; `stop` when the JSON itself is broken.
  enum class Got { stop, wrong_type, value };

  // `expected` makes the words for the error: only called when there is one.
  // The type is asked only when the value is not text (asking costs as much
  // as reading a short string, and most values are text).
  template <typename Expected>
  Got expect_string(od::value& value, std::string_view path, std::string_view& out, Expected expected) {
    const auto code = value.get_string().get(out);
    if (code != simdjson::INCORRECT_TYPE) return check(code, path) ? Got::value : Got::stop;
    od::json_type type = od::json_type::null;
    if (!get_type(value, type, path)) return Got::stop;
    fail(path, "expected " + std::string(expected()) + ", got " + std::string(type_name(type)));
    return Got::wrong_type;
  }

  bool read_builtin(int which, od::value& value) {
    const std::string_view path = builtin_keys[which];
    std::string_view text;
    if (which == builtin_plan) {   // plan: null = none held
      bool null = false;
      const auto code = value.is_null().get(null);
      if (code == simdjson::INCORRECT_TYPE) {   // a word starting with n that is not null
        fail(path, "expected a plan id as text, or null, got " + std::string(trim_right(value.raw_json_token())));
        return true;
      }
      if (!check(code, path)) return false;
      if (null) {
        case_.plan = -1;
        return true;
      }
    }
    static constexpr std::string_view expected[] = {
        "text", "a policy name as text", "an RFC 3339 timestamp like \"2026-11-27T17:30:00+03:00\"",
        "a time zone like \"GMT+3\"", "a plan id as text, or null"};
    Got got = expect_string(value, path, text, [&] { return expected[which]; });
    if (got != Got::value) return got != Got::stop;
    switch (which) {
      case 0:
        case_.id.assign(text);
        case_.has_id = true;
        result_.id = case_.id;
        result_.has_id = true;
        break;
      case 1:   // chosen before reading; CaseReader::read checks the choice against it
        note_policy(result_, policies_, text);
        break;
      case 2: {
        auto t = calendar::parse_rfc3339(text);
        if (!t) fail(path, t.error());
        else case_.opened_at = *t;
        break;
      }
      case 3: zone(text); break;
      case builtin_plan: {
        case_.plan = vocabulary_.plans.find(text);
        if (case_.plan < 0) {
          std::vector<std::string> ids;
          for (const auto& p : program_.plans) ids.push_back(p.id);
          fail(path, "unknown plan " + json_quote(text) + ": expected " + one_of(ids) + ", or null for none");
        }
        break;
      }
      default: break;
    }
    return true;
  }

  void zone(std::string_view text) {
    auto it = zones_.find(text);
    if (it == zones_.end()) {
      // Bounded: a stream of made-up zones cannot grow memory without end.
      if (zones_.size() >= 4096) zones_.clear();
      auto entry = std::make_unique<ZoneEntry>();
      auto parsed = calendar::Zone::parse(text);
      entry->served.assign(program_count_, false);
      if (parsed) {
        entry->ok = true;
        entry->zone = *parsed;
      } else {
        entry->error = parsed.error();
      }
      it = zones_.emplace(std::string(text), std::move(entry)).first;
    }
    ZoneEntry& entry = *it->second;
    if (!entry.ok) {
      fail("zone", entry.error);
      return;
    }
    // Whether this policy serves the zone: computed once per zone and policy.
    if (!entry.served[static_cast<std::size_t>(index_)]) {
      bool listed = program_.zones.empty();
      for (const auto& z : program_.zones) listed = listed || z == entry.zone;
      if (!listed) {
        fail("zone", "zone " + json_quote(text) + " is not one this policy serves: expected " +
                         one_of(program_.zone_names));
        return;
      }
      entry.served[static_cast<std::size_t>(index_)] = true;
    }
    case_.zone = &entry.zone;
  }

  // `path` is the field's own path; errors inside arrays add the index.
  bool read_field(int index, od::value& value, const std::string& path, std::vector<char>& seen) {
    const ir::Field& f = program_.fields[static_cast<std::size_t>(index)];
    od::json_type type = od::json_type::null;
    // Text fields ask for the type only when the value is not text.
    const bool text_field = f.type == FieldType::enumeration || f.type == FieldType::ordered ||
                            f.type == FieldType::date || f.type == FieldType::timestamp;
    if (!text_field && !get_type(value, type, path)) return false;
    switch (f.type) {
      case FieldType::enumeration:
      case FieldType::ordered: {
        std::string_view text;
        Got got = expect_string(value, path, text, [&] { return "one of " + one_of(f.values); });
        if (got != Got::value) return got != Got::stop;
        const int v = vocabulary_.values[static_cast<std::size_t>(index)].find(text);
        if (v < 0) {
          std::string message = "expected one of " + one_of(f.values) + ", got " + json_quote(text);
          fail(path, message);
        } else {
          case_.enums[f.slot.index] = static_cast<std::uint8_t>(v);
        }
        return true;
      }
      case FieldType::set: {
        if (type != od::json_type::array) {
          fail(path, "expected an array of " + one_of(f.values) + ", got " + std::string(type_name(type)));
          return true;
        }
        od::array array;
        if (!check(value.get_array().get(array), path)) return false;
        std::uint64_t bits = 0;
        std::size_t i = 0;
        for (auto element_result : array) {
          std::size_t item = i++;
          auto item_path = [&] { return path + "[" + std::to_string(item) + "]"; };
          od::value element;
          if (auto code = std::move(element_result).get(element); code) return check(code, item_path());
          std::string_view text;
          od::json_type element_type = od::json_type::null;
          if (auto code = element.type().get(element_type); code) return check(code, item_path());
          if (element_type != od::json_type::string) {
            fail(item_path(), "expected one of " + one_of(f.values) + ", got " + std::string(type_name(element_type)));
            continue;
          }
          if (auto code = element.get_string().get(text); code) return check(code, item_path());
          const int v = vocabulary_.values[static_cast<std::size_t>(index)].find(text);
          if (v < 0) fail(item_path(), "expected one of " + one_of(f.values) + ", got " + json_quote(text));
          else bits |= std::uint64_t{1} << v;
        }
        case_.sets[f.slot.index] = bits;
        return true;
      }
      case FieldType::boolean: {
        if (type != od::json_type::boolean) {
          fail(path, "expected true or false, got " + std::string(type_name(type)));
          return true;
        }
        bool b = false;
        if (!check(value.get_bool().get(b), path)) return false;
        case_.bools[f.slot.index] = b ? 1 : 0;
        return true;
      }
      case FieldType::money: {
        Result<money::Money> amount = money::Money{};
        if (type == od::json_type::number) {
          amount = money::parse_money_number(trim_right(value.raw_json_token()));
        } else if (type == od::json_type::string) {
          std::string_view text;
          if (!check(value.get_string().get(text), path)) return false;
          amount = money::parse_money_string(text);
        } else {
          fail(path, "expected an amount like \"60000.00 " + program_.currency + "\" or 60000, got " +
                         std::string(type_name(type)));
          return true;
        }
        if (!amount) {
          fail(path, amount.error());
        } else if (!amount->currency.empty() && amount->currency != program_.currency) {
          fail(path, "expected an amount in " + program_.currency + ", got " + amount->currency);
        } else {
          case_.money[f.slot.index] = std::move(amount->amount);
        }
        return true;
      }
      case FieldType::date: {
        std::string_view text;
        Got got = expect_string(value, path, text, [] { return "a date like \"2026-10-01\""; });
        if (got != Got::value) return got != Got::stop;
        auto day = calendar::parse_date(text);
        if (!day) fail(path, day.error());
        else case_.dates[f.slot.index] = static_cast<std::int32_t>(day->time_since_epoch().count());
        return true;
      }
      case FieldType::timestamp: {
        std::string_view text;
        Got got = expect_string(value, path, text, [] { return "an RFC 3339 timestamp"; });
        if (got != Got::value) return got != Got::stop;
        auto t = calendar::parse_rfc3339(text);
        if (!t) fail(path, t.error());
        else case_.timestamps[f.slot.index] = *t;
        return true;
      }
      case FieldType::record: {
        if (type != od::json_type::object) {
          fail(path, "expected an object, got " + std::string(type_name(type)));
          return true;
        }
        od::object obj;
        if (!check(value.get_object().get(obj), path)) return false;
        for (auto field_result : obj) {
          od::field field;
          if (!check(std::move(field_result).get(field), path)) return false;
          std::string_view key;
          if (!check(field.unescaped_key().get(key), path)) return false;
          od::value member_value = field.value();
          const int member = vocabulary_.members[static_cast<std::size_t>(index)].find(key);
          if (member < 0) {
            std::string member_path = path + "." + std::string(key);
            unknown(member_path, key, index);
            continue;
          }
          const std::string& member_path = program_.fields[static_cast<std::size_t>(member)].path;
          if (seen[static_cast<std::size_t>(member)]) {
            fail(member_path, "duplicate key: `" + std::string(key) + "` is given twice");
            continue;
          }
          seen[static_cast<std::size_t>(member)] = 1;
          if (!read_field(member, member_value, member_path, seen)) return false;
        }
        require(seen, index);
        return true;
      }
    }
    return true;
  }

  const ir::Program& program_;
  const Vocabulary& vocabulary_;
  int index_;
  eval::Case& case_;
  ReadResult& result_;
  ZoneCache& zones_;
  std::size_t program_count_;
  std::vector<char>& seen_;
  const NameTable& policies_;   // policy name -> program
  bool broken_ = false;
};

}  // namespace

int CaseReader::program_named(std::string_view name) const { return impl_->policies.find(name); }

// The value of the first `"policy": "..."` in the text, if it is plain text:
// a guess that the reading confirms.
std::optional<std::string_view> CaseReader::guess_policy(std::string_view text) {
  // Searched from its first letter (a quote starts every key and value),
  // which is usually the first `p` of the line.
  constexpr std::string_view key = "policy\"";
  std::size_t at = 0;
  while (true) {
    const void* p = at + 1 < text.size() ? std::memchr(text.data() + at + 1, 'p', text.size() - at - 1) : nullptr;
    if (!p) return std::nullopt;
    at = static_cast<std::size_t>(static_cast<const char*>(p) - text.data());
    if (text.size() - at >= key.size() && text[at - 1] == '"' && std::memcmp(text.data() + at, key.data(), key.size()) == 0) break;
  }
  std::size_t i = at + key.size();
  auto skip = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  skip();
  if (i >= text.size() || text[i] != ':') return std::nullopt;
  ++i;
  skip();
  if (i >= text.size() || text[i] != '"') return std::nullopt;
  std::size_t start = ++i;
  while (i < text.size() && text[i] != '"' && text[i] != '\\') ++i;
  if (i >= text.size() || text[i] != '"') return std::nullopt;
  return text.substr(start, i - start);
}

void CaseReader::clear_result() {
  result_.program = -1;
  result_.errors.clear();
  result_.has_id = false;
  result_.id = {};
  result_.policy.clear();
  result_.policy_seen.clear();
  result_.policy_given = false;
  result_.policy_named = -1;
}

int CaseReader::wanted_program() const {
  return result_.policy_given ? result_.policy_named : (programs_.size() == 1 ? 0 : -1);
}

struct ReadSteps {
  // Reads the whole case with program `index`; false when the JSON is broken.
  static bool read_with(CaseReader& r, int index, od::document& doc);
  // The case names no loaded policy, or none when several are loaded.
  static void no_policy(CaseReader& r, od::document& doc);
};

bool ReadSteps::read_with(CaseReader& r, int index, od::document& doc) {
  auto& cases_ = r.cases_;
  auto& programs_ = r.programs_;
  auto& result_ = r.result_;
  auto& impl_ = r.impl_;
  eval::Case& c = cases_[static_cast<std::size_t>(index)];
  c.reset(*programs_[static_cast<std::size_t>(index)]);
  result_.program = index;
  od::object obj;
  if (auto code = doc.get_object().get(obj)) {
    result_.errors.push_back({"$", json_error(code)});
    return false;
  }
  Reading reading(*programs_[static_cast<std::size_t>(index)], impl_->vocabularies[static_cast<std::size_t>(index)],
                  index, c, result_, impl_->zones, programs_.size(), impl_->seen, impl_->policies);
  reading.object(obj);
  if (reading.broken()) return false;
  // The whole line is one object: after its closing brace, nothing but
  // spaces (the parser reports no position when it is at the end).
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    result_.errors.push_back({"$", "unexpected text after the case's closing `}`: expected one case per line"});
  }
  return true;
}

void ReadSteps::no_policy(CaseReader& r, od::document& doc) {
  auto& programs_ = r.programs_;
  auto& result_ = r.result_;
  std::vector<std::string> names;
  for (const auto& p : programs_) names.push_back(p->name);
  result_.program = -1;
  result_.errors.clear();
  if (result_.policy_given) {
    result_.policy = result_.policy_seen;
    result_.errors.push_back({"policy", "unknown policy " + json_quote(result_.policy_seen) + ": expected " + one_of(names)});
  } else {
    result_.errors.push_back({"policy", "missing required field: several policies are loaded, so the case must "
                                        "name one (or run with --policy NAME)"});
  }
  echo_id(doc, result_);
}

const ReadResult& CaseReader::read(std::string_view text, std::size_t capacity) {
  clear_result();
  auto fail_whole = [&](std::string message) {
    result_.errors.push_back({"$", std::move(message)});
    return std::cref(result_);
  };
  if (!setup_error_.empty()) return fail_whole(setup_error_);
  if (text == too_long_line) {
    return fail_whole("the line is longer than " + std::to_string(max_line_bytes >> 20) +
                      " MB and was not read: expected one case per line");
  }
  od::document doc;
  auto code = impl_->parser.iterate(text.data(), text.size(), capacity).get(doc);
  if (code) return fail_whole(json_error(code));
  od::json_type type;
  if ((code = doc.type().get(type))) return fail_whole(json_error(code));
  if (type != od::json_type::object) {
    return fail_whole("expected a case as a JSON object, got " + std::string(type_name(type)));
  }

  // Which policy decides: --policy, else the case's own `policy`, else the
  // only one loaded.
  int guess = forced_;
  if (guess < 0) {
    if (auto name = guess_policy(text)) guess = program_named(*name);
    if (guess < 0 && programs_.size() == 1) guess = 0;
  }
  if (guess >= 0) {
    // Fast path: read the case with the policy its text seems to name, in
    // one pass; the reading stands when the `policy` it read agrees (nearly
    // always). Otherwise read again, as the plain path would.
    if (!ReadSteps::read_with(*this, guess, doc) || forced_ >= 0) return result_;
    int wanted = wanted_program();
    if (wanted == guess) return result_;
    if (wanted < 0) {
      ReadSteps::no_policy(*this, doc);
      return result_;
    }
    doc.rewind();
    clear_result();
    ReadSteps::read_with(*this, wanted, doc);
    return result_;
  }
  // Plain path: find the case's `policy` first, then read with the policy it names.
  od::value policy_value;
  std::string_view name;
  auto found = doc.find_field_unordered("policy").get(policy_value);
  if (found == simdjson::SUCCESS && policy_value.get_string().get(name) == simdjson::SUCCESS) {
    note_policy(result_, impl_->policies, name);
  } else if (found != simdjson::SUCCESS && found != simdjson::NO_SUCH_FIELD) {
    return fail_whole(json_error(found));
  }
  int wanted = wanted_program();
  if (wanted < 0) {
    ReadSteps::no_policy(*this, doc);
    return result_;
  }
  doc.rewind();
  clear_result();
  ReadSteps::read_with(*this, wanted, doc);
  return result_;
}

}  // namespace clause::caseio
