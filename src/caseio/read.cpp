#include "caseio/read.h"

#include <cstring>

#include "caseio/lines.h"
#include "caseio/reading.h"
#include "support/text.h"

namespace clause::caseio {
namespace {

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
  const auto i = static_cast<std::size_t>(index);
  eval::Case& c = r.cases_[i];
  c.reset(*r.programs_[i]);
  r.result_.program = index;
  od::object obj;
  if (auto code = doc.get_object().get(obj)) {
    r.result_.errors.push_back({"$", json_error(code)});
    return false;
  }
  CaseReader::Impl& impl = *r.impl_;
  if (!read_fields(obj, CaseTarget{*r.programs_[i], impl.vocabularies[i], index, r.programs_.size(), c, r.result_,
                                   impl.zones, impl.seen, impl.policies})) {
    return false;
  }
  // The whole line is one object: after its closing brace, nothing but
  // spaces (the parser reports no position when it is at the end).
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    r.result_.errors.push_back({"$", "unexpected text after the case's closing `}`: expected one case per line"});
  }
  return true;
}

void ReadSteps::no_policy(CaseReader& r, od::document& doc) {
  ReadResult& result_ = r.result_;
  std::vector<std::string> names;
  for (const auto& p : r.programs_) names.push_back(p->name);
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
  } else if (found == simdjson::SUCCESS) {
    od::json_type given = od::json_type::null;
    if (auto error = policy_value.type().get(given)) return fail_whole(json_error(error));
    result_.errors.push_back({"policy", "expected a policy name as text, got " + std::string(type_name(given))});
    echo_id(doc, result_);
    return result_;
  } else if (found != simdjson::NO_SUCH_FIELD) {
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