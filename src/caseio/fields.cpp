#include "calendar/timestamp.h"
#include "caseio/reading.h"
#include "money/decimal.h"
#include "support/text.h"

namespace clause::caseio {

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

Vocabulary::Vocabulary(const ir::Program& program) : members(program.fields.size()), values(program.fields.size()) {
  for (int i = 0; i < builtin_count; ++i) top.add(builtin_keys[i], i);
  for (int f : program.top_fields) top.add(program.fields[static_cast<std::size_t>(f)].key, builtin_count + f);
  for (std::size_t f = 0; f < program.fields.size(); ++f) {
    const ir::Field& field = program.fields[f];
    for (int m : field.members) members[f].add(program.fields[static_cast<std::size_t>(m)].key, m);
    for (std::size_t v = 0; v < field.values.size(); ++v) values[f].add(field.values[v], static_cast<int>(v));
  }
  for (std::size_t p = 0; p < program.plans.size(); ++p) plans.add(program.plans[p].id, static_cast<int>(p));
}

void note_policy(ReadResult& result, const NameTable& policies, std::string_view name) {
  result.policy_given = true;
  result.policy_named = policies.find(name);
  if (result.policy_named < 0) result.policy_seen.assign(name);
}

namespace {

constexpr std::size_t max_errors = 20;

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

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

bool read_fields(od::object& object, const CaseTarget& t) {
  Reading reading(t.program, t.vocabulary, t.program_index, t.c, t.result, t.zones, t.program_count, t.seen, t.policies);
  reading.object(object);
  return !reading.broken();
}

}  // namespace clause::caseio
