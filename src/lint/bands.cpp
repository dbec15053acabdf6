// Banded tables (the guarantee's length by budget) must give every amount
// exactly one band: a gap or an overlap, even at one exact boundary, is a
// policy nobody can apply.
#include <algorithm>

#include "lint/rules.h"

namespace clause::lint {
namespace {

bool contains(const sema::Band& b, const money::Decimal& x) {
  switch (b.kind) {
    case syntax::Band::Kind::below: return x < b.high;
    case syntax::Band::Kind::above: return x > b.low;
    case syntax::Band::Kind::between: return b.low <= x && x <= b.high;
  }
  return false;
}

std::string text_of(const diag::SourceFile& file, const sema::Band& b) {
  std::string_view line = file.slice(b.span);
  return std::string(line.substr(0, line.find(':')));
}

}  // namespace

void check_bands(Context& context) {
  const auto& guarantee = context.policy.guarantee;
  if (!guarantee || guarantee->bands.empty()) return;
  const auto& bands = guarantee->bands;
  const std::string& currency = context.policy.currency;
  // Every limit, every point between two limits, and the ends: where the
  // count of bands can change, and where it is constant.
  std::vector<money::Decimal> limits = {money::Decimal()};
  for (const auto& b : bands) {
    if (b.kind != syntax::Band::Kind::below) limits.push_back(b.low);
    if (b.kind != syntax::Band::Kind::above) limits.push_back(b.high);
  }
  std::sort(limits.begin(), limits.end());
  limits.erase(std::unique(limits.begin(), limits.end()), limits.end());
  money::Decimal half = *money::Decimal::parse_plain("0.5");
  std::vector<money::Decimal> probes;
  for (std::size_t i = 0; i < limits.size(); ++i) {
    probes.push_back(limits[i]);
    if (i + 1 < limits.size()) probes.push_back((limits[i] + limits[i + 1]) * half);
  }
  probes.push_back(limits.back() + money::Decimal::from_integer(1));

  bool gap_reported = false;
  std::vector<std::pair<std::size_t, std::size_t>> overlaps_reported;
  for (const auto& x : probes) {
    std::vector<std::size_t> in;
    for (std::size_t i = 0; i < bands.size(); ++i) {
      if (contains(bands[i], x)) in.push_back(i);
    }
    bool at_limit = std::find(limits.begin(), limits.end(), x) != limits.end();
    std::string amount = x.to_string() + " " + currency;
    if (in.empty() && !gap_reported) {
      // Point at the band just below the gap, or the first band.
      std::size_t near = 0;
      for (std::size_t i = 0; i < bands.size(); ++i) {
        if (bands[i].kind != syntax::Band::Kind::above && bands[i].high <= x) near = i;
      }
      auto& d = context.report(codes::band_gap, bands[near].span,
                               "no band gives a period for an amount of " + amount);
      d.label = "the nearest band";
      d.notes.push_back(at_limit ? "the limit itself falls between the bands: `below` and `above` exclude it, `A to B` includes both ends"
                                 : "the amounts between two bands have no period");
      d.help = "make the bands meet: `below X`, then `X to Y`, then `above Y`";
      gap_reported = true;
    }
    if (in.size() >= 2) {
      std::pair<std::size_t, std::size_t> pair{in[0], in[1]};
      if (std::find(overlaps_reported.begin(), overlaps_reported.end(), pair) != overlaps_reported.end()) continue;
      overlaps_reported.push_back(pair);
      auto& d = context.report(codes::band_overlap, bands[in[1]].span,
                               "an amount of " + amount + " falls in two bands: `" + text_of(*context.unit.file, bands[in[0]]) +
                                   "` and `" + text_of(*context.unit.file, bands[in[1]]) + "`");
      d.label = "also contains " + amount;
      d.related.push_back({bands[in[0]].span, "contains " + amount});
      if (at_limit) d.notes.push_back("`A to B` includes both of its ends; `below` and `above` exclude their limit");
      d.help = "give each amount one band: end one band where the next begins, with `below` or `above` on one side";
    }
  }
}

}  // namespace clause::lint
