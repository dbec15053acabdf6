// Reachability for policies too large to decide every kind of case: each
// condition becomes a disjunction of conjunctions of tests on single
// fields, and each conjunction a set of allowed values per field. A
// conjunction with an empty set never holds; a rule whose every conjunction
// fits inside one conjunction of an earlier deciding rule never decides.
// A rule covered only by several earlier rules together is found by cutting
// its conjunctions along the earlier ones until every piece fits inside one
// (within a budget of pieces). Sound: what it reports is so; past the budget,
// or where plans and channels are tied together, it says nothing.
#include "lint/structure.h"

#include <algorithm>
#include <map>
#include <span>

namespace clause::lint {
namespace {

using sema::Cond;
using Op = syntax::Expr::Op;

struct Atom {
  const Cond* leaf;
  bool negated;
};
using Term = std::vector<Atom>;
using Dnf = std::vector<Term>;
constexpr std::size_t max_terms = 64;

// False when the condition has too many terms to reason about.
bool to_dnf(const Cond& c, bool negated, Dnf& out) {
  using K = Cond::Kind;
  bool conjunction = (c.kind == K::all) != negated;
  if (c.kind == K::negation) return to_dnf(c.children.at(0), !negated, out);
  if (c.kind != K::all && c.kind != K::any) {
    out = {{Atom{&c, negated}}};
    return true;
  }
  if (!conjunction) {
    out.clear();
    for (const auto& child : c.children) {
      Dnf part;
      if (!to_dnf(child, negated, part)) return false;
      out.insert(out.end(), part.begin(), part.end());
      if (out.size() > max_terms) return false;
    }
    return true;
  }
  out = {{}};
  for (const auto& child : c.children) {
    Dnf part;
    if (!to_dnf(child, negated, part)) return false;
    Dnf product;
    for (const auto& a : out) {
      for (const auto& b : part) {
        Term t = a;
        t.insert(t.end(), b.begin(), b.end());
        product.push_back(std::move(t));
      }
    }
    if (product.size() > max_terms) return false;
    out = std::move(product);
  }
  return true;
}

// An interval of amounts or days; bounds absent are unbounded.
struct Interval {
  bool has_low = false, low_open = false, has_high = false, high_open = false;
  money::Decimal low, high;

  void cut(Op op, const money::Decimal& v, bool negated) {
    if (negated) {
      switch (op) {
        case Op::lt: op = Op::ge; break;
        case Op::le: op = Op::gt; break;
        case Op::gt: op = Op::le; break;
        case Op::ge: op = Op::lt; break;
        case Op::eq: return;   // `!= v` removes one point: ignored (sound)
        case Op::ne: op = Op::eq; break;
      }
    }
    auto raise_low = [&](bool open) {
      if (!has_low || v > low || (v == low && open && !low_open)) {
        has_low = true;
        low = v;
        low_open = open;
      }
    };
    auto lower_high = [&](bool open) {
      if (!has_high || v < high || (v == high && open && !high_open)) {
        has_high = true;
        high = v;
        high_open = open;
      }
    };
    switch (op) {
      case Op::gt: raise_low(true); break;
      case Op::ge: raise_low(false); break;
      case Op::lt: lower_high(true); break;
      case Op::le: lower_high(false); break;
      case Op::eq: raise_low(false); lower_high(false); break;
      case Op::ne: break;
    }
  }
  // Narrows this interval to `other`'s bounds.
  void intersect(const Interval& other) {
    if (other.has_low) cut(other.low_open ? Op::gt : Op::ge, other.low, false);
    if (other.has_high) cut(other.high_open ? Op::lt : Op::le, other.high, false);
  }
  bool overlaps(Interval other) const {
    other.intersect(*this);
    return !other.empty();
  }
  bool empty() const {
    if (!has_low || !has_high) return false;
    return low > high || (low == high && (low_open || high_open));
  }
  // Whether every point of this interval is in `outer`.
  bool within(const Interval& outer) const {
    if (outer.has_low && (!has_low || low < outer.low || (low == outer.low && outer.low_open && !low_open))) return false;
    if (outer.has_high && (!has_high || high > outer.high || (high == outer.high && outer.high_open && !high_open))) return false;
    return true;
  }
};

// The values a conjunction allows, field by field.
struct Domains {
  std::map<int, std::uint64_t> enums;                 // field -> allowed value bits
  std::map<int, std::pair<std::uint64_t, std::uint64_t>> sets;   // field -> (must have, must not have)
  std::map<int, Interval> amounts;                    // money and date fields
  std::vector<char> plans;                            // allowed plans, last = no plan; empty: any
  std::vector<char> pairs;                            // allowed (plan, channel) pairs; empty: any
  bool contradiction = false;
};

class Analyzer {
 public:
  explicit Analyzer(const sema::Checked& policy) : policy_(policy), plan_count_(policy.plans.size() + 1) {}

  Domains domains(const Term& term) const {
    Domains d;
    for (const Atom& atom : term) apply(*atom.leaf, atom.negated, d);
    if (!d.contradiction) d.contradiction = empty(d);
    return d;
  }

  // Whether every case `inner` allows is one `outer` allows.
  bool within(const Domains& inner, const Domains& outer) const {
    for (const auto& [field, bits] : outer.enums) {
      if ((enum_bits(inner, field) & ~bits) != 0) return false;
    }
    for (const auto& [field, constraint] : outer.sets) {
      auto it = inner.sets.find(field);
      std::pair<std::uint64_t, std::uint64_t> mine = it == inner.sets.end() ? std::pair<std::uint64_t, std::uint64_t>{0, 0} : it->second;
      if ((constraint.first & ~mine.first) != 0 || (constraint.second & ~mine.second) != 0) return false;
    }
    for (const auto& [field, interval] : outer.amounts) {
      auto it = inner.amounts.find(field);
      if (!(it == inner.amounts.end() ? Interval{} : it->second).within(interval)) return false;
    }
    if (!outer.plans.empty()) {
      for (std::size_t p = 0; p < plan_count_; ++p) {
        if (allows_plan(inner, p) && !outer.plans[p]) return false;
      }
    }
    if (!outer.pairs.empty()) {
      std::uint64_t channels = policy_.channel_field >= 0 ? enum_bits(inner, policy_.channel_field) : 1;
      for (std::size_t p = 0; p < plan_count_; ++p) {
        for (std::size_t ch = 0; ch < 64; ++ch) {
          if (!((channels >> ch) & 1) || !allows_plan(inner, p)) continue;
          if ((inner.pairs.empty() || inner.pairs[p * 64 + ch]) && !outer.pairs[p * 64 + ch]) return false;
        }
      }
    }
    return true;
  }

  // Whether some case could be allowed by both. May say yes when none is
  // (plans tied to channels are not looked at): callers only lose precision.
  bool may_overlap(const Domains& a, const Domains& b) const {
    for (const auto& [field, bits] : b.enums) {
      if ((enum_bits(a, field) & bits) == 0) return false;
    }
    for (const auto& [field, constraint] : b.sets) {
      auto it = a.sets.find(field);
      if (it != a.sets.end() && ((it->second.first & constraint.second) || (it->second.second & constraint.first))) return false;
    }
    for (const auto& [field, interval] : b.amounts) {
      auto it = a.amounts.find(field);
      if (it != a.amounts.end() && !it->second.overlaps(interval)) return false;
    }
    if (!a.plans.empty() && !b.plans.empty()) {
      bool any = false;
      for (std::size_t p = 0; p < plan_count_ && !any; ++p) any = a.plans[p] && b.plans[p];
      if (!any) return false;
    }
    return true;
  }

  // Cuts `t` (not within `e`) along one field where `e` allows less: the
  // piece inside `e` on that field, and the pieces outside it. False when
  // the only difference is in plans tied to channels, which are not cut.
  bool cut(const Domains& t, const Domains& e, std::vector<Domains>& pieces) const {
    auto piece = [&](auto&& narrow) {
      Domains d = t;
      narrow(d);
      d.contradiction = empty(d);
      pieces.push_back(std::move(d));
    };
    // (Plain loop variables, not structured bindings: clang before 16 cannot
    // capture those, and the fuzz build uses clang.)
    for (const auto& entry : e.enums) {
      const int field = entry.first;
      const std::uint64_t bits = entry.second;
      const std::uint64_t mine = enum_bits(t, field);
      if ((mine & ~bits) == 0) continue;
      piece([&](Domains& d) { d.enums[field] = mine & bits; });
      piece([&](Domains& d) { d.enums[field] = mine & ~bits; });
      return true;
    }
    for (const auto& entry : e.sets) {
      const int field = entry.first;
      const auto& constraint = entry.second;
      auto it = t.sets.find(field);
      const auto mine = it == t.sets.end() ? std::pair<std::uint64_t, std::uint64_t>{0, 0} : it->second;
      for (int side = 0; side < 2; ++side) {
        const std::uint64_t missing = (side == 0 ? constraint.first & ~mine.first : constraint.second & ~mine.second);
        if (!missing) continue;
        const std::uint64_t value = missing & (~missing + 1);   // the lowest
        piece([&](Domains& d) { (side == 0 ? d.sets[field].first : d.sets[field].second) |= value; });
        piece([&](Domains& d) { (side == 0 ? d.sets[field].second : d.sets[field].first) |= value; });
        return true;
      }
    }
    for (const auto& entry : e.amounts) {
      const int field = entry.first;
      const Interval& interval = entry.second;
      auto it = t.amounts.find(field);
      const Interval mine = it == t.amounts.end() ? Interval{} : it->second;
      if (mine.within(interval)) continue;
      piece([&](Domains& d) { d.amounts[field].intersect(interval); });
      if (interval.has_low) {   // below e: x < low, or x <= low when e excludes low
        piece([&](Domains& d) { d.amounts[field].cut(interval.low_open ? Op::le : Op::lt, interval.low, false); });
      }
      if (interval.has_high) {
        piece([&](Domains& d) { d.amounts[field].cut(interval.high_open ? Op::ge : Op::gt, interval.high, false); });
      }
      return true;
    }
    if (!e.plans.empty()) {
      bool outside = false;
      for (std::size_t p = 0; p < plan_count_; ++p) outside = outside || (allows_plan(t, p) && !e.plans[p]);
      if (outside) {
        std::vector<char> others(plan_count_);
        for (std::size_t p = 0; p < plan_count_; ++p) others[p] = !e.plans[p];
        piece([&](Domains& d) { restrict_plans(d, e.plans); });
        piece([&](Domains& d) { restrict_plans(d, others); });
        return true;
      }
    }
    return false;
  }

  // A case the conjunction allows, as "field = value" facts.
  std::string example(const Domains& d) const {
    std::string out;
    auto add = [&](const std::string& fact) { out += (out.empty() ? "" : ", ") + fact; };
    for (const auto& [field, bits] : d.enums) {
      const auto& f = policy_.fields[static_cast<std::size_t>(field)];
      for (std::size_t v = 0; v < f.values.size(); ++v) {
        if ((bits >> v) & 1) {
          add(f.path + " = " + f.values[v]);
          break;
        }
      }
    }
    for (const auto& [field, constraint] : d.sets) {
      const auto& f = policy_.fields[static_cast<std::size_t>(field)];
      for (std::size_t v = 0; v < f.values.size(); ++v) {
        if ((constraint.first >> v) & 1) add(f.path + " has " + f.values[v]);
      }
    }
    for (const auto& [field, interval] : d.amounts) {
      const auto& f = policy_.fields[static_cast<std::size_t>(field)];
      if (interval.has_low) add(f.path + (interval.low_open ? " > " : " >= ") + interval.low.to_string());
      if (interval.has_high) add(f.path + (interval.high_open ? " < " : " <= ") + interval.high.to_string());
    }
    if (!d.plans.empty()) {
      for (std::size_t p = 0; p < plan_count_; ++p) {
        if (d.plans[p]) {
          add(p + 1 == plan_count_ ? "no plan" : "plan = " + policy_.plans[p].id);
          break;
        }
      }
    }
    return out.empty() ? "any case" : out;
  }

 private:
  std::uint64_t all_values(int field) const {
    const auto& f = policy_.fields[static_cast<std::size_t>(field)];
    if (f.type == sema::FieldType::boolean) return 3;   // false, true
    std::size_t n = f.values.size();
    return n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
  }
  std::uint64_t enum_bits(const Domains& d, int field) const {
    auto it = d.enums.find(field);
    return it == d.enums.end() ? all_values(field) : it->second;
  }
  bool allows_plan(const Domains& d, std::size_t p) const { return d.plans.empty() || d.plans[p]; }

  void restrict_plans(Domains& d, const std::vector<char>& allowed) const {
    if (d.plans.empty()) d.plans.assign(plan_count_, 1);
    for (std::size_t p = 0; p < plan_count_; ++p) d.plans[p] = d.plans[p] && allowed[p];
  }

  std::uint64_t registers(std::size_t p) const {
    std::uint64_t mask = 0;
    const auto& list = p + 1 == plan_count_ ? policy_.registers : policy_.plans[p].registers;
    if (p + 1 == plan_count_ && !policy_.has_registers) return ~std::uint64_t{0};
    for (int ch : list) mask |= std::uint64_t{1} << ch;
    return mask;
  }

  void apply(const Cond& c, bool negated, Domains& d) const {
    using K = Cond::Kind;
    switch (c.kind) {
      case K::enum_in: {
        std::uint64_t bits = 0;
        for (int v : c.values) bits |= std::uint64_t{1} << v;
        if (negated) bits = all_values(c.field) & ~bits;
        d.enums[c.field] = enum_bits(d, c.field) & bits;
        break;
      }
      case K::ordered_cmp: {
        // Most urgent first: `> v` means a smaller index.
        std::uint64_t bits = 0;
        int n = static_cast<int>(policy_.fields[static_cast<std::size_t>(c.field)].values.size());
        for (int i = 0; i < n; ++i) {
          bool holds = c.op == Op::gt ? i < c.value : c.op == Op::ge ? i <= c.value : c.op == Op::lt ? i > c.value : i >= c.value;
          if (holds != negated) bits |= std::uint64_t{1} << i;
        }
        d.enums[c.field] = enum_bits(d, c.field) & bits;
        break;
      }
      case K::is_true:
        d.enums[c.field] = enum_bits(d, c.field) & (negated ? 1 : 2);   // as a two-value field: false, true
        break;
      case K::set_has: {
        auto& constraint = d.sets[c.field];
        (negated ? constraint.second : constraint.first) |= std::uint64_t{1} << c.value;
        break;
      }
      case K::money_cmp: d.amounts[c.field].cut(c.op, c.amount, negated); break;
      case K::date_cmp: d.amounts[c.field].cut(c.op, money::Decimal::from_integer(c.days), negated); break;
      case K::plan_in:
      case K::plan_cmp:
      case K::plan_includes: {
        std::vector<char> allowed(plan_count_, 0);
        for (std::size_t p = 0; p < plan_count_; ++p) {
          bool none = p + 1 == plan_count_;
          bool holds = false;
          if (c.kind == K::plan_in) {
            int index = none ? -1 : static_cast<int>(p);
            holds = std::find(c.values.begin(), c.values.end(), index) != c.values.end();
          } else if (c.kind == K::plan_cmp) {
            int i = static_cast<int>(p);
            holds = !none && (c.op == Op::gt ? i > c.value : c.op == Op::ge ? i >= c.value : c.op == Op::lt ? i < c.value : c.op == Op::le ? i <= c.value : c.op == Op::eq ? i == c.value : i != c.value);
          } else {
            const auto& inc = none ? std::vector<int>{} : policy_.plans[p].includes;
            holds = std::find(inc.begin(), inc.end(), c.value) != inc.end();
          }
          allowed[p] = holds != negated;
        }
        restrict_plans(d, allowed);
        break;
      }
      case K::channel_registered: {
        if (c.value >= 0) {
          std::vector<char> allowed(plan_count_, 0);
          for (std::size_t p = 0; p < plan_count_; ++p) allowed[p] = (((registers(p) >> c.value) & 1) != 0) != negated;
          restrict_plans(d, allowed);
        } else {
          if (d.pairs.empty()) d.pairs.assign(plan_count_ * 64, 1);
          for (std::size_t p = 0; p < plan_count_; ++p) {
            for (std::size_t ch = 0; ch < 64; ++ch) {
              bool holds = (registers(p) >> ch) & 1;
              d.pairs[p * 64 + ch] = d.pairs[p * 64 + ch] && holds != negated;
            }
          }
        }
        break;
      }
      default: break;
    }
  }

  bool empty(const Domains& d) const {
    for (const auto& [field, bits] : d.enums) {
      if (bits == 0) return true;
    }
    for (const auto& [field, constraint] : d.sets) {
      if (constraint.first & constraint.second) return true;
    }
    for (const auto& [field, interval] : d.amounts) {
      if (interval.empty()) return true;
    }
    bool any_plan = false;
    for (std::size_t p = 0; p < plan_count_; ++p) {
      if (!allows_plan(d, p)) continue;
      if (d.pairs.empty()) {
        any_plan = true;
        break;
      }
      std::uint64_t channels = policy_.channel_field >= 0 ? enum_bits(d, policy_.channel_field) : 1;
      for (std::size_t ch = 0; ch < 64 && !any_plan; ++ch) any_plan = ((channels >> ch) & 1) && d.pairs[p * 64 + ch];
    }
    return !any_plan;
  }

  const sema::Checked& policy_;
  std::size_t plan_count_;
};

// Whether every case `piece` allows is allowed by one of `earlier` (each
// with the rule it belongs to), cutting `piece` as needed. Unknown when the
// budget of pieces runs out or a piece cannot be cut.
enum class Covered { yes, no, unknown };

struct Cover {
  const Analyzer& analyzer;
  std::span<const std::pair<const Domains*, int>> earlier;
  long budget;
  std::vector<int> used;   // the rules that took a piece

  Covered of(const Domains& piece) {
    if (piece.contradiction) return Covered::yes;
    if (--budget < 0) return Covered::unknown;
    for (const auto& [domains, rule] : earlier) {
      if (analyzer.within(piece, *domains)) {
        if (std::find(used.begin(), used.end(), rule) == used.end()) used.push_back(rule);
        return Covered::yes;
      }
    }
    for (const auto& [domains, rule] : earlier) {
      if (!analyzer.may_overlap(piece, *domains)) continue;
      std::vector<Domains> pieces;
      if (!analyzer.cut(piece, *domains, pieces)) return Covered::unknown;
      for (const auto& p : pieces) {
        if (Covered c = of(p); c != Covered::yes) return c;
      }
      return Covered::yes;
    }
    return Covered::no;
  }
};

// Pieces cut per rule, and for the whole policy: the analysis stays well
// under a second on a policy of thousands of rules.
constexpr long pieces_per_rule = 4'000;
constexpr long pieces_per_policy = 400'000;

}  // namespace

Structure analyze_structure(const sema::Checked& policy) {
  Analyzer analyzer(policy);
  Structure out;
  out.rules.resize(policy.rules.size());
  // Each rule's conjunctions, with their domains; the unsatisfiable dropped.
  std::vector<std::vector<Domains>> terms(policy.rules.size());
  std::vector<bool> known(policy.rules.size(), false);
  for (std::size_t r = 0; r < policy.rules.size(); ++r) {
    Dnf dnf;
    if (!to_dnf(policy.rules[r].when, false, dnf)) continue;
    known[r] = true;
    for (const auto& term : dnf) {
      Domains d = analyzer.domains(term);
      if (!d.contradiction) terms[r].push_back(std::move(d));
    }
    out.rules[r].never_true = terms[r].empty();
  }
  using A = syntax::Rule::Action;
  auto deciding = [&](std::size_t r) {
    A a = policy.rules[r].action;
    return a == A::reject || a == A::not_covered || a == A::limited;
  };
  for (std::size_t j = 0; j < policy.rules.size(); ++j) {
    if (!known[j] || !deciding(j) || terms[j].empty()) continue;
    // Every conjunction of j inside one conjunction of a single earlier rule.
    for (std::size_t i = 0; i < j && out.rules[j].beaten_by < 0; ++i) {
      if (!known[i] || !deciding(i)) continue;
      bool covered = std::all_of(terms[j].begin(), terms[j].end(), [&](const Domains& tj) {
        return std::any_of(terms[i].begin(), terms[i].end(), [&](const Domains& ti) { return analyzer.within(tj, ti); });
      });
      if (covered) {
        out.rules[j].beaten_by = static_cast<int>(i);
        out.rules[j].example = analyzer.example(terms[j].front());
      }
    }
  }
  // Rules no single earlier rule covers: are they covered by several together?
  long policy_budget = pieces_per_policy;
  std::vector<std::pair<const Domains*, int>> earlier;   // the conjunctions of the deciding rules before j
  for (std::size_t j = 0; j < policy.rules.size() && policy_budget > 0; ++j) {
    if (!known[j] || !deciding(j)) continue;
    const std::size_t before = earlier.size();
    for (const auto& d : terms[j]) earlier.emplace_back(&d, static_cast<int>(j));
    if (terms[j].empty() || out.rules[j].beaten_by >= 0) continue;
    const std::span<const std::pair<const Domains*, int>> others(earlier.data(), before);
    Cover cover{analyzer, others, std::min(pieces_per_rule, policy_budget), {}};
    bool all = std::all_of(terms[j].begin(), terms[j].end(), [&](const Domains& t) { return cover.of(t) == Covered::yes; });
    policy_budget -= std::min(pieces_per_rule, policy_budget) - std::max(cover.budget, 0L);
    if (!all || cover.used.empty()) continue;
    std::sort(cover.used.begin(), cover.used.end());
    // One rule whose conjunctions only together hold this one's is still one rule.
    if (cover.used.size() == 1) out.rules[j].beaten_by = cover.used.front();
    else out.rules[j].beaten_together = cover.used;
    out.rules[j].example = analyzer.example(terms[j].front());
  }
  return out;
}

}  // namespace clause::lint
