#include "space/space.h"

#include <algorithm>
#include <map>
#include <set>

#include "calendar/timestamp.h"
#include "support/text.h"

namespace clause::space {
namespace {

using sema::FieldType;

void collect(const sema::Cond& c, const sema::Checked& policy, std::set<std::string>& fields,
             std::vector<money::Decimal>& amounts, std::vector<int>& days) {
  if (c.field >= 0) fields.insert(policy.fields[static_cast<std::size_t>(c.field)].path);
  if (c.kind == sema::Cond::Kind::money_cmp) amounts.push_back(c.amount);
  if (c.kind == sema::Cond::Kind::date_cmp) days.push_back(c.days);
  if (c.kind == sema::Cond::Kind::channel_registered && policy.channel_field >= 0) {
    fields.insert(policy.fields[static_cast<std::size_t>(policy.channel_field)].path);
  }
  for (const auto& child : c.children) collect(child, policy, fields, amounts, days);
}

std::string day_text(int days) { return calendar::format_date(date::local_days(date::days(days))); }

// splitmix64's finalizer: a fixed, well-spread hash.
std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

CaseSpace::CaseSpace(const std::vector<const sema::Checked*>& versions, const SpaceOptions& options) {
  const sema::Checked& first = *versions.front();
  policy_ = first.name;
  // A zone every version serves, when there is one.
  zone_ = first.zone_texts.empty() ? "UTC+00:00" : first.zone_texts.front();
  calendar::Zone zone = first.zones.empty() ? calendar::Zone() : first.zones.front();
  for (const auto& text : first.zone_texts) {
    bool everywhere = std::all_of(versions.begin(), versions.end(), [&](const sema::Checked* v) {
      return v->zone_texts.empty() || std::find(v->zone_texts.begin(), v->zone_texts.end(), text) != v->zone_texts.end();
    });
    if (everywhere) {
      zone_ = text;
      zone = *calendar::Zone::parse(text);
      break;
    }
  }

  // What the versions look at: those fields vary, the others keep one value.
  std::set<std::string> varied;
  std::vector<money::Decimal> amounts;
  std::vector<int> days;
  std::set<int> periods;
  std::vector<date::local_days> holiday_days;   // of the hours the plans count on, for opening times
  for (const sema::Checked* v : versions) {
    for (const auto& rule : v->rules) collect(rule.when, *v, varied, amounts, days);
    for (const auto& plan : v->plans) {
      for (const auto& by_urgency : plan.lines) {
        for (const auto& lines : by_urgency) {
          for (const auto& line : lines) {
            if (line.when) collect(*line.when, *v, varied, amounts, days);
          }
        }
      }
    }
    for (const auto& hours : v->hours) {
      // The first holidays after the week the times below sample.
      auto from = date::local_days(date::year(2027) / 3 / 1);
      auto it = std::lower_bound(hours.holidays.begin(), hours.holidays.end(), from);
      for (int n = 0; n < 3 && it != hours.holidays.end(); ++n, ++it) holiday_days.push_back(*it);
    }
    if (v->urgency()) varied.insert(v->urgency()->path);
    if (v->channel_field >= 0) varied.insert(v->fields[static_cast<std::size_t>(v->channel_field)].path);
    if (const auto& g = v->guarantee) {
      for (const auto& c : g->covers) collect(c.when, *v, varied, amounts, days);
      for (const auto& c : g->excludes) collect(c.when, *v, varied, amounts, days);
      for (const auto& band : g->bands) {
        if (band.kind != lang::BandKind::below) amounts.push_back(band.low);
        if (band.kind != lang::BandKind::above) amounts.push_back(band.high);
        periods.insert(band.days);
      }
      if (g->fixed_days >= 0) periods.insert(g->fixed_days);
      if (g->amount_field >= 0) varied.insert(v->fields[static_cast<std::size_t>(g->amount_field)].path);
      if (g->start_field >= 0) start_field_ = v->fields[static_cast<std::size_t>(g->start_field)].path;
    }
  }

  // Amounts at each limit and a cent either side; dates a day either side.
  std::vector<std::string> amount_values;
  {
    std::vector<money::Decimal> points;
    money::Decimal cent = *money::Decimal::parse_plain("0.01");
    for (const auto& a : amounts) {
      for (const auto& p : {a - cent, a, a + cent}) {
        if (!p.is_negative() && std::find(points.begin(), points.end(), p) == points.end()) points.push_back(p);
      }
    }
    std::sort(points.begin(), points.end());
    for (const auto& p : points) amount_values.push_back(p.to_string());
    if (amount_values.empty()) amount_values.push_back("1000");
  }
  std::vector<std::string> date_values;
  for (int d : days) {
    for (int k : {d - 1, d, d + 1}) date_values.push_back("\"" + day_text(k) + "\"");
  }
  std::sort(date_values.begin(), date_values.end());
  date_values.erase(std::unique(date_values.begin(), date_values.end()), date_values.end());
  if (date_values.empty()) date_values.push_back("\"2026-10-01\"");

  // Every field of every version, once, in the first version's order.
  std::vector<std::string> paths;
  std::map<std::string, const sema::Field*> field_of;
  std::map<std::string, std::vector<std::string>> values_of;
  for (const sema::Checked* v : versions) {
    for (const auto& f : v->fields) {
      if (f.type == FieldType::record) continue;
      if (!field_of.count(f.path)) {
        paths.push_back(f.path);
        field_of[f.path] = &f;
      }
      auto& values = values_of[f.path];
      for (const auto& value : f.values) {
        if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
      }
    }
  }

  dims_.push_back({"@plan", {"null"}, {}});
  for (const sema::Checked* v : versions) {
    for (const auto& p : v->plans) {
      std::string json = json_quote(p.id);
      if (std::find(dims_[0].json.begin(), dims_[0].json.end(), json) == dims_[0].json.end()) dims_[0].json.push_back(json);
    }
  }
  for (const auto& path : paths) {
    if (path == start_field_) continue;   // set with the opening time
    const sema::Field& f = *field_of[path];
    Dimension dim{path, {}, {}};
    const auto& values = values_of[path];
    bool vary = varied.count(path) > 0;
    switch (f.type) {
      case FieldType::enumeration:
      case FieldType::ordered:
        for (const auto& value : values) {
          dim.json.push_back(json_quote(value));
          if (!vary) break;
        }
        if (path == "contact.role" && !vary) dim.json = {"\"admin\""};
        break;
      case FieldType::boolean:
        dim.json = vary ? std::vector<std::string>{"true", "false"} : std::vector<std::string>{"true"};
        break;
      case FieldType::set: {
        if (!vary || values.empty()) {
          dim.json = {"[]"};
          break;
        }
        if (values.size() <= 4) {
          for (std::size_t mask = 0; mask < (std::size_t{1} << values.size()); ++mask) {
            std::string json = "[";
            for (std::size_t b = 0; b < values.size(); ++b) {
              if ((mask >> b) & 1) json += (json.size() > 1 ? "," : "") + json_quote(values[b]);
            }
            dim.json.push_back(json + "]");
          }
        } else {
          dim.json.push_back("[]");
          for (const auto& value : values) dim.json.push_back("[" + json_quote(value) + "]");
        }
        break;
      }
      case FieldType::money:
        dim.json = vary ? amount_values : std::vector<std::string>{amount_values.front()};
        break;
      case FieldType::date:
        dim.json = vary ? date_values : std::vector<std::string>{date_values.front()};
        break;
      case FieldType::timestamp:
        dim.json = {"\"2026-10-01T10:00:00Z\""};
        break;
      case FieldType::record:
        break;
    }
    dims_.push_back(std::move(dim));
  }
  for (auto& dim : dims_) {
    if (auto pin = options.pins.find(dim.path); pin != options.pins.end()) dim.json = {pin->second};
  }

  // Opening times: at the edges of each guarantee period, then at the edges
  // of working hours (long after any period).
  Dimension time{"@time", {}, {}};
  const int completed = static_cast<int>(date::sys_days(date::year(2026) / 10 / 1).time_since_epoch().count());
  auto at = [&](int day, int hour, int minute) {
    auto local = date::local_days(date::days(day)) + std::chrono::hours(hour) + std::chrono::minutes(minute);
    // The zone's offset near that time, then the instant.
    calendar::Instant guess(std::chrono::duration_cast<std::chrono::microseconds>(local.time_since_epoch()));
    auto offset = zone.offset_at(guess);
    calendar::Instant instant = guess - offset;
    return "\"" + calendar::format_rfc3339(instant, zone) + "\"";
  };
  std::string completed_json = "\"" + day_text(completed) + "\"";
  if (!options.vary_times) {
    time.json.push_back(at(completed + 55, 10, 0));
    time.extra.push_back(completed_json);
  } else {
    std::set<int> offsets = {-1};
    for (int n : periods) {
      offsets.insert(n);
      offsets.insert(n + 1);
    }
    for (int k : offsets) {
      time.json.push_back(at(completed + k, 10, 0));
      time.extra.push_back(completed_json);
    }
    // 2027-03-03 is a Wednesday: a plain working day, then the week's edges.
    const int wednesday = static_cast<int>(date::sys_days(date::year(2027) / 3 / 3).time_since_epoch().count());
    const std::pair<int, std::pair<int, int>> samples[] = {
        {0, {10, 0}}, {2, {17, 30}}, {3, {12, 0}}, {4, {23, 30}}, {5, {8, 59}}, {5, {9, 0}}, {2, {18, 0}}};
    for (const auto& [day, hm] : samples) {
      time.json.push_back(at(wednesday + day, hm.first, hm.second));
      time.extra.push_back(completed_json);
    }
    // Holidays: the evening before one, and the day itself.
    std::sort(holiday_days.begin(), holiday_days.end());
    holiday_days.erase(std::unique(holiday_days.begin(), holiday_days.end()), holiday_days.end());
    for (std::size_t i = 0; i < holiday_days.size() && i < 4; ++i) {
      int day = static_cast<int>(holiday_days[i].time_since_epoch().count());
      time.json.push_back(at(day - 1, 17, 30));
      time.extra.push_back(completed_json);
      time.json.push_back(at(day, 10, 0));
      time.extra.push_back(completed_json);
    }
  }
  dims_.push_back(std::move(time));

  for (const auto& d : dims_) {
    // Saturate rather than overflow: the count only decides the sampling.
    full_ = full_ > (std::uint64_t{1} << 40) / std::max<std::size_t>(1, d.json.size()) ? (std::uint64_t{1} << 40)
                                                                                       : full_ * d.json.size();
  }
  count_ = full_ <= options.limit ? full_ : std::min(options.limit, options.sample);
}

std::vector<std::size_t> CaseSpace::choose(std::uint64_t i) const {
  std::vector<std::size_t> choice(dims_.size());
  if (count_ == full_) {
    // Every case: i in mixed radix, the last dimension fastest.
    for (std::size_t d = dims_.size(); d-- > 0;) {
      choice[d] = static_cast<std::size_t>(i % dims_[d].json.size());
      i /= dims_[d].json.size();
    }
    return choice;
  }
  std::size_t widest = 1;
  for (const auto& dim : dims_) widest = std::max(widest, dim.json.size());
  for (std::size_t d = 0; d < dims_.size(); ++d) {
    std::uint64_t size = dims_[d].json.size();
    choice[d] = static_cast<std::size_t>(i < widest ? i % size : mix(i * 0x9E3779B97F4A7C15ULL + d) % size);
  }
  return choice;
}

std::string CaseSpace::case_json(std::uint64_t i) const { return render(choose(i)); }

std::string CaseSpace::render(const std::vector<std::size_t>& choice) const {
  const Dimension& time = dims_.back();
  std::size_t t = choice.back();
  std::string out = "{\"opened_at\":" + time.json[t] + ",\"zone\":" + json_quote(zone_);
  if (dims_[0].json[choice[0]] != "null") out += ",\"plan\":" + dims_[0].json[choice[0]];
  // Fields in order; members of a group together.
  std::string open_group;
  auto close_group = [&] {
    if (!open_group.empty()) out += "}";
    open_group.clear();
  };
  auto value_for = [&](const std::string& path, const std::string& json) {
    auto dot = path.find('.');
    std::string group = dot == std::string::npos ? "" : path.substr(0, dot);
    std::string key = dot == std::string::npos ? path : path.substr(dot + 1);
    if (group != open_group) {
      close_group();
      if (!group.empty()) {
        out += ",\"" + group + "\":{";
        open_group = group;
        out += "\"" + key + "\":" + json;
        return;
      }
    } else if (!group.empty()) {
      out += ",\"" + key + "\":" + json;
      return;
    }
    out += ",\"" + key + "\":" + json;
  };
  bool start_written = start_field_.empty();
  for (std::size_t d = 1; d + 1 < dims_.size(); ++d) {
    const std::string& path = dims_[d].path;
    // The start date sits with its group, just before the group closes.
    if (!start_written && !open_group.empty() && path.rfind(open_group + ".", 0) != 0 &&
        start_field_.rfind(open_group + ".", 0) == 0) {
      value_for(start_field_, time.extra[t]);
      start_written = true;
    }
    value_for(path, dims_[d].json[choice[d]]);
  }
  if (!start_written) value_for(start_field_, time.extra[t]);
  close_group();
  return out + "}";
}

}  // namespace clause::space
