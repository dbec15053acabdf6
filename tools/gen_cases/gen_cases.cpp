// gen-cases: a deterministic generator of realistic, mixed help-desk cases for
// Clause's two seed policies (beesender, aimaras), one JSON object per line as
// CONTRACT.md sections 1, 5 and 6 describe them, with a share of broken lines.
// For benchmarks (millions of lines) and tests. The same arguments give
// byte-identical output on any machine: every draw comes from our own
// splitmix64 and integer arithmetic, never from std:: distributions.
//
//   gen-cases [--count N] [--seed S] [--invalid-share P]
//             [--policy beesender|aimaras|both] [--output FILE]
//
// Line N (counted from 1, id "cN") depends only on the seed and N, and its
// case is drawn before anything else: a longer run starts with the lines of a
// shorter one, and changing --invalid-share only changes which lines break.
#include <fmt/compile.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <string_view>

namespace {

using u32 = std::uint32_t;
using u64 = std::uint64_t;
using i64 = std::int64_t;
using Buf = fmt::memory_buffer;
using std::string_view;

// ---------------------------------------------------------------- randomness

constexpr u64 mix64(u64 z) {  // splitmix64's finalizer
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

struct Rng {
  u64 s;
  u64 next() { return mix64(s += 0x9e3779b97f4a7c15ULL); }
  // Uniform in [0, n) by multiply-shift: the same on every platform.
  u32 below(u32 n) { return static_cast<u32>(((next() >> 32) * n) >> 32); }
  int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<u32>(hi - lo + 1))); }
  bool percent(u32 p) { return below(100) < p; }
};

template <class T>
struct W {
  T v;
  u32 w;
};

template <class T>
const T& pick(Rng& r, std::initializer_list<W<T>> xs) {
  u32 total = 0;
  for (const auto& x : xs) total += x.w;
  u32 k = r.below(total);
  for (const auto& x : xs) {
    if (k < x.w) return x.v;
    k -= x.w;
  }
  return xs.begin()->v;  // not reached
}

using S = W<string_view>;

// ---------------------------------------------------------------- dates

struct Ymd {
  int y;
  int m;
  int d;
};

constexpr i64 days_from_civil(i64 y, int m, int d) {  // H. Hinnant's algorithm
  y -= m <= 2;
  const i64 era = (y >= 0 ? y : y - 399) / 400;
  const i64 yoe = y - era * 400;
  const i64 doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const i64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr Ymd civil_from_days(i64 z) {
  z += 719468;
  const i64 era = (z >= 0 ? z : z - 146096) / 146097;
  const i64 doe = z - era * 146097;
  const i64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const i64 y = yoe + era * 400;
  const i64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const i64 mp = (5 * doy + 2) / 153;
  const i64 d = doy - (153 * mp + 2) / 5 + 1;
  const i64 m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

constexpr i64 kJan1st2026 = days_from_civil(2026, 1, 1);
static_assert(civil_from_days(kJan1st2026 + 364).m == 12 && civil_from_days(kJan1st2026 + 364).d == 31);

// ---------------------------------------------------------------- zones

struct Zone {
  int hours;
  string_view spellings[4];  // canonical, UTC+HH:MM, GMT+HH, UTC+H
};

constexpr Zone kZones[] = {
    {1, {"GMT+1", "UTC+01:00", "GMT+01", "UTC+1"}},
    {2, {"GMT+2", "UTC+02:00", "GMT+02", "UTC+2"}},
    {3, {"GMT+3", "UTC+03:00", "GMT+03", "UTC+3"}},
    {8, {"GMT+8", "UTC+08:00", "GMT+08", "UTC+8"}},
    {10, {"GMT+10", "UTC+10:00", "GMT+10", "UTC+10"}},
    {-2, {"GMT-2", "UTC-02:00", "GMT-02", "UTC-2"}},
};

// ---------------------------------------------------------------- a case

enum Field : int {
  F_NONE,
  F_ID,
  F_POLICY,
  F_OPENED,
  F_ZONE,
  F_PLAN,
  F_CHANNEL,
  F_CONTACT,
  F_ROLE,
  F_AUTH,
  F_CATEGORY,
  F_PRIORITY,
  F_TOPIC,
  F_FACTS,
  F_SEVERITY,
  F_CAUSE,
  F_PROJECT,
  F_BUDGET,
  F_COMPLETED,
};

enum class PlanMode { absent, null, named };
enum class Facts { absent, empty, modified };

struct Case {
  u64 n = 0;
  bool bee = true;
  // opened_at, as local wall-clock time in the case's zone
  i64 day = 0;  // days since 1970-01-01
  int hh = 0, mm = 0, ss = 0;
  string_view frac;  // "" or ".250" ...
  int offset = 0;    // hours
  string_view zone;
  PlanMode plan_mode = PlanMode::absent;
  string_view plan, channel, role;
  bool authorized = true;
  // beesender
  string_view category, priority, topic;
  Facts facts = Facts::absent;
  // aimaras
  string_view severity, cause;
  char budget[48] = {};  // JSON text of the budget (number or quoted string)
  int budget_len = 0;
  i64 completed_day = 0;

  string_view budget_text() const { return {budget, static_cast<std::size_t>(budget_len)}; }
};

// The plan field: left out, null or named, weighted by `modes` in that order;
// a named plan is one of `plans`.
struct PlanModeWeights {
  u32 absent, null, named;
};

void pick_plan(Rng& r, Case& c, PlanModeWeights modes, std::initializer_list<W<string_view>> plans) {
  c.plan_mode = pick<PlanMode>(
      r, {{PlanMode::absent, modes.absent}, {PlanMode::null, modes.null}, {PlanMode::named, modes.named}});
  if (c.plan_mode == PlanMode::named) c.plan = pick<string_view>(r, plans);
}

// How a broken line differs from its case: one field dropped or replaced by raw
// JSON text, an extra member after a field, the line cut short, or a blank line.
struct Mutation {
  Field target = F_NONE;
  bool drop = false;
  string_view raw;
  Field extra_after = F_NONE;
  string_view extra_key;
  string_view extra_raw;
  bool cut = false;
  bool blank = false;
};

void append(Buf& b, string_view s) { b.append(s.data(), s.data() + s.size()); }

void append_date(Buf& b, i64 day) {
  const Ymd d = civil_from_days(day);
  fmt::format_to(fmt::appender(b), FMT_COMPILE("{:04}-{:02}-{:02}"), d.y, d.m, d.d);
}

void append_offset(Buf& b, int hours) {
  fmt::format_to(fmt::appender(b), FMT_COMPILE("{}{:02}:00"), hours < 0 ? '-' : '+', hours < 0 ? -hours : hours);
}

void append_opened_at(Buf& b, const Case& c) {
  append_date(b, c.day);
  fmt::format_to(fmt::appender(b), FMT_COMPILE("T{:02}:{:02}:{:02}"), c.hh, c.mm, c.ss);
  append(b, c.frac);
  append_offset(b, c.offset);
}

int guarantee_days(i64 cents) { return cents < 2500000 ? 30 : cents <= 7500000 ? 60 : 90; }

// ---------------------------------------------------------------- the generator

class Generator {
 public:
  Generator(u64 seed, u64 invalid_ppb, int policy) : seed_(seed), invalid_ppb_(invalid_ppb), policy_(policy) {}

  // Appends line number n (from 1), with its newline, to out.
  void line(Buf& out, u64 n) {
    Rng r{mix64(seed_ ^ mix64(n * 0xd1b54a32d192ed03ULL + 0x8cb92ba72f3d8dd7ULL))};
    const bool broken = (r.next() % 1000000000ULL) < invalid_ppb_;
    Case c = make_case(r, n);
    const bool compact = r.percent(25);
    Mutation m;
    if (broken) m = break_case(r, c);
    if (m.blank) {
      out.push_back('\n');
      return;
    }
    const std::size_t start = out.size();
    Writer w{out, m, compact};
    w.write(c);
    if (m.cut) {
      const std::size_t len = out.size() - start;  // at least 1 kept, at least the closing brace dropped
      out.resize(start + 1 + r.below(static_cast<u32>(len - 1)));
    }
    out.push_back('\n');
  }

 private:
  u64 seed_;
  u64 invalid_ppb_;
  int policy_;  // 0 both, 1 beesender, 2 aimaras
  Buf scratch_;

  // ------------------------------------------------------------ valid cases

  Case make_case(Rng& r, u64 n) {
    Case c;
    c.n = n;
    c.bee = policy_ == 1 || (policy_ == 0 && r.percent(55));

    // Zone and its spelling; opened_at with the zone's own offset.
    const Zone& z = kZones[pick<int>(r, {{2, 30}, {1, 20}, {0, 15}, {3, 13}, {4, 10}, {5, 12}})];
    c.offset = z.hours;
    c.zone = z.spellings[pick<int>(r, {{0, 75}, {1, 12}, {2, 8}, {3, 5}})];
    c.day = kJan1st2026 + r.below(365);  // every weekday of 2026
    switch (pick<int>(r, {{0, 12}, {1, 8}, {2, 6}, {3, 74}})) {
      case 0: c.hh = 9; break;   // exactly at opening
      case 1: c.hh = 18; break;  // exactly at closing
      case 2:                    // just before opening or closing
        c.hh = r.percent(50) ? 8 : 17;
        c.mm = r.range(30, 59);
        c.ss = r.percent(50) ? 0 : r.range(0, 59);
        break;
      default:
        c.hh = r.range(0, 23);
        c.mm = r.range(0, 59);
        c.ss = r.percent(50) ? 0 : r.range(0, 59);
        break;
    }
    if (r.percent(3)) c.frac = pick<string_view>(r, {{".5", 1}, {".250", 2}, {".123456", 1}, {".000", 1}});

    const string_view contact = pick<string_view>(r, {{"admin", 72}, {"user", 22}, {"!admin", 4}, {"!user", 2}});
    c.authorized = contact[0] != '!';
    c.role = c.authorized ? contact : contact.substr(1);

    if (c.bee) {
      pick_plan(r, c, {12, 6, 82}, {{"basic", 30}, {"business", 32}, {"premium", 20}});
      c.channel = pick<string_view>(r, {{"email", 45}, {"portal", 28}, {"chatbot", 27}});
      const bool request = r.percent(55);
      c.category = request ? "request" : "incident";
      c.priority = request ? pick<string_view>(r, {{"P1", 5}, {"P2", 10}, {"P3", 45}, {"P4", 40}})
                           : pick<string_view>(r, {{"P1", 15}, {"P2", 30}, {"P3", 35}, {"P4", 20}});
      c.topic = pick<string_view>(r, {{"product", 45},
                                      {"chatbot_scenario", 15},
                                      {"business_process", 10},
                                      {"licensing", 15},
                                      {"server_license", 8},
                                      {"developer_meeting", 7}});
      c.facts = pick<Facts>(r, {{Facts::absent, 93}, {Facts::empty, 3}, {Facts::modified, 4}});
    } else {
      pick_plan(r, c, {30, 6, 64}, {{"basic", 20}, {"business", 26}, {"premium", 18}});
      c.channel = pick<string_view>(r, {{"portal", 45}, {"email", 35}, {"chatbot", 20}});
      c.severity = pick<string_view>(r, {{"A", 10}, {"B", 25}, {"C", 40}, {"D", 25}});
      c.cause = pick<string_view>(r, {{"bug", 30},
                                      {"error", 15},
                                      {"technical_issue", 15},
                                      {"question", 15},
                                      {"client_error", 7},
                                      {"client_change", 6},
                                      {"third_party_change", 4},
                                      {"third_party_software", 5},
                                      {"third_party_hardware", 3}});
      c.topic = r.percent(85) ? "general" : "developer_consultation";
      const int band = make_budget(r, c);
      // completed_on: the case's local opening date minus `back` days; inside
      // the guarantee when back <= band (and when opened before completion).
      int back = 0;
      switch (pick<int>(r, {{0, 35}, {1, 8}, {2, 12}, {3, 45}})) {
        case 0: back = r.range(1, band); break;                    // inside
        case 1: back = r.range(-10, 0); break;                     // opened before or on completion
        case 2: back = band + r.range(0, 1); break;                // the last day, or the day after
        default: back = band + 1 + r.range(0, 599); break;         // outside
      }
      c.completed_day = c.day - back;
    }
    return c;
  }

  // Writes the budget's JSON text into c.budget; returns its guarantee days.
  static int make_budget(Rng& r, Case& c) {
    auto put = [&c](auto&&... args) {
      const auto res = fmt::format_to_n(c.budget, sizeof c.budget - 1, args...);
      c.budget_len = static_cast<int>(res.out - c.budget);
    };
    const int kind = pick<int>(r, {{0, 45}, {1, 50}, {2, 5}});
    if (kind == 2) {  // written oddly, but valid
      struct Edge {
        string_view text;
        int band;
      };
      static constexpr Edge kEdges[] = {
          {"75000.000000000001", 90}, {"\"75000.000000000001 USD\"", 90}, {"24999.999", 30}, {"\"25000.0\"", 60},
          {"75000.00", 60},           {"7.5E+4", 60},                     {"2.5e4", 60},     {"\"120000.00 USD\"", 90},
          {"6e4", 60},                {"1.2e5", 90},                      {"2e4", 30},       {"75000.010", 90},
      };
      const Edge& e = kEdges[r.below(sizeof kEdges / sizeof kEdges[0])];
      put(FMT_COMPILE("{}"), e.text);
      return e.band;
    }
    i64 cents = 0;
    if (kind == 0) {  // around the band limits, and the examples' budgets
      cents = pick<i64>(r, {{2000000, 10},
                            {2499999, 10},
                            {2500000, 10},
                            {6000000, 10},
                            {7500000, 10},
                            {7500001, 10},
                            {12000000, 10},
                            {1850000, 3},
                            {2200000, 3},
                            {2400000, 3},
                            {3200000, 3},
                            {4800000, 3},
                            {8000000, 3}});
    } else {
      const int bucket = pick<int>(r, {{0, 30}, {1, 45}, {2, 25}});
      const int lo = bucket == 0 ? 30 : bucket == 1 ? 250 : 751;  // hundreds of dollars
      const int hi = bucket == 0 ? 249 : bucket == 1 ? 750 : 3000;
      cents = static_cast<i64>(r.range(lo, hi)) * 10000;
      if (r.percent(15)) cents += r.range(-9999, -1);  // cents too: 24999.37
    }
    const i64 dollars = cents / 100;
    const int rest = static_cast<int>(cents % 100);
    switch (pick<int>(r, {{0, 35}, {1, 20}, {2, 25}, {3, 15}, {4, 5}})) {
      case 0:  // number
        if (rest == 0)
          put(FMT_COMPILE("{}"), dollars);
        else
          put(FMT_COMPILE("{}.{:02}"), dollars, rest);
        break;
      case 1:  // "60000"
        if (rest == 0)
          put(FMT_COMPILE("\"{}\""), dollars);
        else
          put(FMT_COMPILE("\"{}.{:02}\""), dollars, rest);
        break;
      case 2: put(FMT_COMPILE("\"{}.{:02} USD\""), dollars, rest); break;  // "60000.00 USD"
      case 3:                                                               // "60000 USD"
        if (rest == 0)
          put(FMT_COMPILE("\"{} USD\""), dollars);
        else
          put(FMT_COMPILE("\"{}.{:02} USD\""), dollars, rest);
        break;
      default: put(FMT_COMPILE("{}.{:02}"), dollars, rest); break;  // 60000.00 as a number
    }
    return guarantee_days(cents);
  }

  // ------------------------------------------------------------ broken lines

  // Makes a raw JSON string value "text" in the given scratch buffer.
  static string_view quoted(Buf& b, string_view text) {
    b.clear();
    b.push_back('"');
    append(b, text);
    b.push_back('"');
    return {b.data(), b.size()};
  }

  Mutation break_case(Rng& r, Case& c) {
    Mutation m;
    switch (pick<int>(r, {{0, 15}, {1, 15}, {2, 12}, {3, 12}, {4, 14}, {5, 12}, {6, 6}, {7, 14}})) {
      case 0: unknown_field(r, c, m); break;
      case 1: missing_field(r, c, m); break;
      case 2: bad_zone(r, c); break;
      case 3: bad_timestamp(r, c, m); break;
      case 4: wrong_type(r, c, m); break;
      case 5: m.cut = true; break;
      case 6: m.blank = true; break;
      default: not_listed(r, c, m); break;
    }
    return m;
  }

  void unknown_field(Rng& r, const Case& c, Mutation& m) {
    switch (r.below(7)) {
      case 0:
        m.extra_after = F_CHANNEL;
        m.extra_key = "customer_ref";
        m.extra_raw = "\"ACME-1042\"";
        break;
      case 1:
        m.extra_after = F_TOPIC;
        m.extra_key = "subject";
        m.extra_raw = "\"The bot stopped answering in the web widget\"";
        break;
      case 2:  // a typo: the right key is gone, a misspelt one is there
        m.target = c.bee ? F_PRIORITY : F_SEVERITY;
        m.drop = true;
        m.extra_after = m.target;
        m.extra_key = c.bee ? string_view("prority") : string_view("severty");
        m.extra_raw = quoted(scratch_, c.bee ? c.priority : c.severity);
        break;
      case 3:  // the other policy's field
        m.extra_after = F_TOPIC;
        m.extra_key = c.bee ? string_view("severity") : string_view("facts");
        m.extra_raw = c.bee ? string_view("\"B\"") : string_view("[\"modified_package\"]");
        break;
      case 4:  // inside contact
        m.extra_after = F_AUTH;
        m.extra_key = pick<string_view>(r, {{"email", 1}, {"name", 1}});
        m.extra_raw = m.extra_key == "email" ? string_view("\"it-desk@example.com\"") : string_view("\"Olena K.\"");
        break;
      case 5:  // inside project (beesender: an unknown top-level "project")
        if (c.bee) {
          m.extra_after = F_TOPIC;
          m.extra_key = "project";
          m.extra_raw = "{\"budget\": \"60000 USD\", \"completed_on\": \"2026-10-01\"}";
        } else {
          m.extra_after = F_COMPLETED;
          m.extra_key = pick<string_view>(r, {{"currency", 1}, {"name", 1}});
          m.extra_raw = m.extra_key == "currency" ? string_view("\"USD\"") : string_view("\"CRM rollout\"");
        }
        break;
      default: {  // a duplicate key
        m.extra_after = F_ZONE;
        m.extra_key = "zone";
        const Zone& z = kZones[r.below(6)];
        m.extra_raw = quoted(scratch_, z.spellings[0]);
        break;
      }
    }
  }

  void missing_field(Rng& r, Case& c, Mutation& m) {
    m.drop = true;
    if (c.bee)
      m.target = pick<Field>(r, {{F_OPENED, 3},
                                 {F_ZONE, 3},
                                 {F_CHANNEL, 2},
                                 {F_CONTACT, 1},
                                 {F_ROLE, 1},
                                 {F_AUTH, 1},
                                 {F_CATEGORY, 2},
                                 {F_PRIORITY, 2},
                                 {F_TOPIC, 2}});
    else
      m.target = pick<Field>(r, {{F_OPENED, 3},
                                 {F_ZONE, 3},
                                 {F_CHANNEL, 2},
                                 {F_CONTACT, 1},
                                 {F_ROLE, 1},
                                 {F_AUTH, 1},
                                 {F_SEVERITY, 2},
                                 {F_CAUSE, 2},
                                 {F_TOPIC, 2},
                                 {F_PROJECT, 1},
                                 {F_BUDGET, 2},
                                 {F_COMPLETED, 2}});
  }

  static void bad_zone(Rng& r, Case& c) {
    switch (pick<int>(r, {{0, 55}, {1, 12}, {2, 10}, {3, 8}, {4, 8}, {5, 7}})) {
      case 0: c.zone = "GMT+5"; c.offset = 5; break;
      case 1: c.zone = "UTC+05:00"; c.offset = 5; break;
      case 2: c.zone = "GMT+4"; c.offset = 4; break;
      case 3: c.zone = "Europe/Kyiv"; c.offset = 2; break;  // a name, not an offset: outside the list
      case 4: c.zone = "Asia/Shanghai"; c.offset = 8; break;
      default: c.zone = "GMT+3:30"; c.offset = 3; break;
    }
  }

  void bad_timestamp(Rng& r, const Case& c, Mutation& m) {
    auto& b = scratch_;
    b.clear();
    b.push_back('"');
    const Ymd d = civil_from_days(c.day);
    auto out = fmt::appender(b);
    switch (r.below(8)) {
      case 0:  // no seconds
        append_date(b, c.day);
        fmt::format_to(out, FMT_COMPILE("T{:02}:{:02}"), c.hh, c.mm);
        append_offset(b, c.offset);
        break;
      case 1:  // no offset
        append_date(b, c.day);
        fmt::format_to(out, FMT_COMPILE("T{:02}:{:02}:{:02}"), c.hh, c.mm, c.ss);
        break;
      case 2:  // a day that does not exist
        fmt::format_to(out, FMT_COMPILE("2026-{}T{:02}:{:02}:{:02}"),
                       pick<string_view>(r, {{"02-29", 1}, {"02-30", 1}, {"04-31", 1}, {"13-01", 1}, {"00-10", 1}}),
                       c.hh, c.mm, c.ss);
        append_offset(b, c.offset);
        break;
      case 3:  // an hour or minute that does not exist
        append_date(b, c.day);
        fmt::format_to(out, FMT_COMPILE("T{}:00"), pick<string_view>(r, {{"25:10", 1}, {"24:30", 1}, {"10:60", 1}}));
        append_offset(b, c.offset);
        break;
      case 4:  // a leap second
        append_date(b, c.day);
        append(b, "T23:59:60");
        append_offset(b, c.offset);
        break;
      case 5:  // a local habit
        fmt::format_to(out, FMT_COMPILE("{:02}/{:02}/{:04} {:02}:{:02}"), d.d, d.m, d.y, c.hh, c.mm);
        break;
      case 6: break;  // empty
      default: append(b, pick<string_view>(r, {{"yesterday", 1}, {"now", 1}, {"2026-11-26", 1}})); break;
    }
    b.push_back('"');
    m.target = F_OPENED;
    m.raw = {b.data(), b.size()};
  }

  static void wrong_type(Rng& r, const Case& c, Mutation& m) {
    switch (r.below(9)) {
      case 0:
        m.target = c.bee ? F_PRIORITY : F_SEVERITY;
        m.raw = c.bee ? string_view("2") : string_view("1");
        break;
      case 1:
        m.target = F_AUTH;
        m.raw = pick<string_view>(r, {{"\"yes\"", 1}, {"1", 1}, {"\"true\"", 1}});
        break;
      case 2:
        m.target = F_ID;
        m.raw = "42";
        break;
      case 3:
        m.target = F_PLAN;
        m.raw = pick<string_view>(r, {{"3", 1}, {"true", 1}, {"[\"basic\"]", 1}});
        break;
      case 4:
        if (c.bee) {
          m.target = F_FACTS;
          m.raw = "\"modified_package\"";
        } else {
          m.target = pick<Field>(r, {{F_PROJECT, 1}, {F_BUDGET, 1}, {F_COMPLETED, 1}});
          m.raw = m.target == F_PROJECT ? string_view("\"60000 USD\"")
                  : m.target == F_BUDGET ? string_view("true")
                                         : string_view("20261001");
        }
        break;
      case 5:
        m.target = F_OPENED;
        m.raw = "1764140400";
        break;
      case 6:
        m.target = F_CONTACT;
        m.raw = "\"admin\"";
        break;
      case 7:
        m.target = F_ZONE;
        m.raw = "3";
        break;
      default:
        m.target = F_CHANNEL;
        m.raw = "[\"email\"]";
        break;
    }
  }

  static void not_listed(Rng& r, const Case& c, Mutation& m) {
    switch (r.below(c.bee ? 8 : 9)) {
      case 0:
        m.target = F_CHANNEL;
        m.raw = pick<string_view>(r, {{"\"phone\"", 3}, {"\"telegram\"", 1}, {"\"fax\"", 1}});
        break;
      case 1:
        m.target = F_PLAN;
        m.raw = pick<string_view>(r, {{"\"gold\"", 1}, {"\"enterprise\"", 1}, {"\"free\"", 1}});
        break;
      case 2:
        m.target = F_ROLE;
        m.raw = pick<string_view>(r, {{"\"owner\"", 1}, {"\"guest\"", 1}});
        break;
      case 3:
        m.target = F_TOPIC;
        m.raw = pick<string_view>(r, {{"\"billing\"", 1}, {"\"training\"", 1}});
        break;
      case 4:
        m.target = c.bee ? F_PRIORITY : F_SEVERITY;
        m.raw = c.bee ? pick<string_view>(r, {{"\"P5\"", 1}, {"\"P0\"", 1}, {"\"high\"", 1}})
                      : pick<string_view>(r, {{"\"E\"", 1}, {"\"AA\"", 1}});
        break;
      case 5:
        m.target = c.bee ? F_CATEGORY : F_CAUSE;
        m.raw = c.bee ? string_view("\"question\"") : string_view("\"feature_request\"");
        break;
      case 6:
        if (c.bee) {
          m.target = F_FACTS;
          m.raw = "[\"custom_code\"]";
        } else {
          m.target = F_COMPLETED;
          m.raw = pick<string_view>(r, {{"\"2026-13-01\"", 1}, {"\"2026-02-29\"", 1}, {"\"01.10.2026\"", 1}});
        }
        break;
      default:  // money that is not money (aimaras), or a priority spelt differently (beesender)
        if (c.bee) {
          m.target = F_PRIORITY;
          m.raw = pick<string_view>(r, {{"\"p2\"", 1}, {"\"P 2\"", 1}});
        } else {
          m.target = F_BUDGET;
          m.raw = pick<string_view>(r, {{"\"60,000\"", 1},
                                        {"\"$60000\"", 1},
                                        {"\"60000 EUR\"", 1},
                                        {"\"-5000\"", 1},
                                        {"-5000", 1},
                                        {"\"7.5e4\"", 1},
                                        {"\"\"", 1}});
        }
        break;
    }
  }

  // ------------------------------------------------------------ writing

  struct Writer {
    Buf& out;
    const Mutation& m;
    bool compact;
    bool first = true;

    void key(string_view k) {
      if (!first) append(out, compact ? string_view(",") : string_view(", "));
      first = false;
      out.push_back('"');
      append(out, k);
      append(out, compact ? string_view("\":") : string_view("\": "));
    }
    void str(string_view v) {
      out.push_back('"');
      append(out, v);
      out.push_back('"');
    }
    template <class F>
    void field(Field id, string_view k, F&& value) {
      if (!(m.target == id && m.drop)) {
        key(k);
        if (m.target == id && !m.raw.empty())
          append(out, m.raw);
        else
          value();
      }
      if (m.extra_after == id) {
        key(m.extra_key);
        append(out, m.extra_raw);
      }
    }
    template <class F>
    void object(F&& members) {
      out.push_back('{');
      const bool outer = first;
      first = true;
      members();
      out.push_back('}');
      first = outer;
    }

    void write(const Case& c) {
      object([&] {
        field(F_ID, "id", [&] { fmt::format_to(fmt::appender(out), FMT_COMPILE("\"c{}\""), c.n); });
        field(F_POLICY, "policy", [&] { str(c.bee ? "beesender" : "aimaras"); });
        field(F_OPENED, "opened_at", [&] {
          out.push_back('"');
          append_opened_at(out, c);
          out.push_back('"');
        });
        field(F_ZONE, "zone", [&] { str(c.zone); });
        if (c.plan_mode != PlanMode::absent || m.target == F_PLAN)
          field(F_PLAN, "plan", [&] {
            if (c.plan_mode == PlanMode::named)
              str(c.plan);
            else
              append(out, "null");
          });
        field(F_CHANNEL, "channel", [&] { str(c.channel); });
        field(F_CONTACT, "contact", [&] {
          object([&] {
            field(F_ROLE, "role", [&] { str(c.role); });
            field(F_AUTH, "authorized", [&] { append(out, c.authorized ? "true" : "false"); });
          });
        });
        if (c.bee) {
          field(F_CATEGORY, "category", [&] { str(c.category); });
          field(F_PRIORITY, "priority", [&] { str(c.priority); });
          field(F_TOPIC, "topic", [&] { str(c.topic); });
          if (c.facts != Facts::absent || m.target == F_FACTS)
            field(F_FACTS, "facts", [&] {
              append(out, c.facts == Facts::modified ? string_view("[\"modified_package\"]") : string_view("[]"));
            });
        } else {
          field(F_SEVERITY, "severity", [&] { str(c.severity); });
          field(F_CAUSE, "cause", [&] { str(c.cause); });
          field(F_TOPIC, "topic", [&] { str(c.topic); });
          field(F_PROJECT, "project", [&] {
            object([&] {
              field(F_BUDGET, "budget", [&] { append(out, c.budget_text()); });
              field(F_COMPLETED, "completed_on", [&] {
                out.push_back('"');
                append_date(out, c.completed_day);
                out.push_back('"');
              });
            });
          });
        }
      });
    }
  };
};

// ---------------------------------------------------------------- command line

[[noreturn]] void usage_error(const char* fmt_text, string_view arg) {
  fmt::print(stderr, "gen-cases: ");
  fmt::print(stderr, fmt::runtime(fmt_text), arg);
  fmt::print(stderr, " (see gen-cases --help)\n");
  std::exit(2);
}

constexpr const char* kHelp =
    "gen-cases: deterministic, realistic help-desk cases for the beesender and aimaras policies (JSONL)\n"
    "usage: gen-cases [--count N] [--seed S] [--invalid-share P] [--policy beesender|aimaras|both] [--output FILE]\n"
    "  --count N          lines to write (default 1000)\n"
    "  --seed S           unsigned 64-bit seed (default 1); same arguments, same bytes\n"
    "  --invalid-share P  share of broken lines, 0 to 1 (default 0.02)\n"
    "  --policy NAME      beesender, aimaras or both (default both)\n"
    "  --output FILE      where to write (default standard output; - for standard output)\n"
    "exit status: 0 done, 1 the output cannot be written, 2 a bad argument\n";

bool parse_u64(string_view s, u64& v) {
  if (s.empty() || s.size() > 20) return false;
  u64 x = 0;
  for (const char ch : s) {
    if (ch < '0' || ch > '9') return false;
    const u64 d = static_cast<u64>(ch - '0');
    if (x > (UINT64_MAX - d) / 10) return false;
    x = x * 10 + d;
  }
  v = x;
  return true;
}

// A decimal in [0, 1] ("0.02", "1", ".5") as parts per billion, exactly (no
// floating point, so every machine draws the same broken lines).
bool parse_share(string_view s, u64& ppb) {
  std::size_t i = 0;
  u64 whole = 0;
  bool digits = false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    whole = whole * 10 + static_cast<u64>(s[i] - '0');
    if (whole > 1) return false;
    digits = true;
    ++i;
  }
  u64 frac = 0;
  u64 scale = 100000000;  // first decimal digit is worth 1e8 ppb
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (scale == 0 && s[i] != '0') return false;  // finer than 1e-9
      frac += static_cast<u64>(s[i] - '0') * scale;
      scale /= 10;
      digits = true;
      ++i;
    }
  }
  if (!digits || i != s.size()) return false;
  const u64 v = whole * 1000000000ULL + frac;
  if (v > 1000000000ULL) return false;
  ppb = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  u64 count = 1000;
  u64 seed = 1;
  u64 invalid_ppb = 20000000;  // 0.02
  int policy = 0;
  const char* output = nullptr;

  for (int i = 1; i < argc; ++i) {
    string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", kHelp);
      return 0;
    }
    string_view value;
    bool has_value = false;
    if (const auto eq = arg.find('='); arg.starts_with("--") && eq != string_view::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      has_value = true;
    }
    const bool known = arg == "--count" || arg == "--seed" || arg == "--invalid-share" || arg == "--policy" ||
                       arg == "--output";
    if (!known) usage_error("unknown argument '{}'", argv[i]);
    if (!has_value) {
      if (i + 1 >= argc) usage_error("{} needs a value", arg);
      value = argv[++i];
    }
    if (arg == "--count") {
      if (!parse_u64(value, count)) usage_error("--count wants a whole number, not '{}'", value);
    } else if (arg == "--seed") {
      if (!parse_u64(value, seed)) usage_error("--seed wants an unsigned 64-bit number, not '{}'", value);
    } else if (arg == "--invalid-share") {
      if (!parse_share(value, invalid_ppb)) usage_error("--invalid-share wants a decimal from 0 to 1 (at most 9 decimals), not '{}'", value);
    } else if (arg == "--policy") {
      if (value == "both")
        policy = 0;
      else if (value == "beesender")
        policy = 1;
      else if (value == "aimaras")
        policy = 2;
      else
        usage_error("--policy is beesender, aimaras or both, not '{}'", value);
    } else {
      if (value.empty()) usage_error("--output wants a file name{}", "");
      output = value == "-" ? nullptr : value.data();  // value points into argv: NUL-terminated
    }
  }

  std::FILE* f = stdout;
  if (output != nullptr) {
    f = std::fopen(output, "wb");
    if (f == nullptr) {
      fmt::print(stderr, "gen-cases: cannot open {} for writing: {}\n", output, std::strerror(errno));
      return 1;
    }
  }
  std::setvbuf(f, nullptr, _IONBF, 0);  // we write in large blocks ourselves
  const char* name = output != nullptr ? output : "standard output";
  auto write_failed = [&] {
    fmt::print(stderr, "gen-cases: cannot write to {}: {}\n", name, std::strerror(errno));
    return 1;
  };

  constexpr std::size_t kBlock = std::size_t{1} << 20;
  Generator gen(seed, invalid_ppb, policy);
  Buf out;
  out.reserve(kBlock + 4096);
  for (u64 n = 1; n <= count; ++n) {
    gen.line(out, n);
    if (out.size() >= kBlock) {
      if (std::fwrite(out.data(), 1, out.size(), f) != out.size()) return write_failed();
      out.clear();
    }
  }
  if (out.size() != 0 && std::fwrite(out.data(), 1, out.size(), f) != out.size()) return write_failed();
  if (std::fflush(f) != 0 || std::ferror(f) != 0) return write_failed();
  if (output != nullptr && std::fclose(f) != 0) return write_failed();
  return 0;
}
