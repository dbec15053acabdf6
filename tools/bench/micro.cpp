// Micro-benchmarks of each pass on the seed policies and generated cases.
// Run through tools/bench/run, which builds Release and reports medians.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "calendar/timestamp.h"
#include "calendar/working_hours.h"
#include "caseio/evaluate.h"
#include "caseio/write.h"
#include "driver/driver.h"
#include "money/decimal.h"

using namespace clause;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string source(const char* name) { return read_file(std::string(CLAUSE_SOURCE_DIR) + "/policies/" + name + ".policy"); }

std::vector<std::shared_ptr<const ir::Program>> seeds() {
  static std::vector<std::shared_ptr<const ir::Program>> programs;
  if (programs.empty()) {
    diag::Sink sink;
    for (const char* name : {"beesender", "aimaras"}) {
      programs.push_back(driver::load_text(name, source(name), driver::Stage::lower, sink).program);
    }
  }
  return programs;
}

// Cases for the benchmarks: the example cases, repeated (tools/bench/run
// passes generated ones in CLAUSE_BENCH_CASES).
std::vector<std::string> case_lines() {
  const char* file = std::getenv("CLAUSE_BENCH_CASES");
  std::istringstream in(read_file(file ? file : std::string(CLAUSE_SOURCE_DIR) + "/policies/examples/cases.jsonl"));
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line) && lines.size() < 20000) lines.push_back(line);
  return lines;
}

void BM_ParseCheckCompile(benchmark::State& state) {
  std::string b = source("beesender"), a = source("aimaras");
  for (auto _ : state) {
    diag::Sink sink;
    benchmark::DoNotOptimize(driver::load_text("b", b, driver::Stage::lower, sink));
    benchmark::DoNotOptimize(driver::load_text("a", a, driver::Stage::lower, sink));
  }
}
BENCHMARK(BM_ParseCheckCompile)->Unit(benchmark::kMicrosecond);

void BM_Parse(benchmark::State& state) {
  std::string b = source("beesender");
  for (auto _ : state) {
    diag::Sink sink;
    benchmark::DoNotOptimize(driver::load_text("b", b, driver::Stage::parse, sink));
  }
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMicrosecond);

// Read every case once, keep the typed ones, then decide them in turn.
struct ReadCases {
  std::unique_ptr<caseio::CaseReader> reader;
  std::vector<std::pair<int, eval::Case>> cases;
};

ReadCases read_cases(const std::string& only) {
  ReadCases r;
  r.reader = std::make_unique<caseio::CaseReader>(seeds());
  for (auto line : case_lines()) {
    std::size_t size = line.size();
    line.resize(size + caseio::CaseReader::padding());
    const auto& result = r.reader->read(std::string_view(line.data(), size), line.size());
    if (!result.errors.empty()) continue;
    if (!only.empty() && r.reader->program(result.program).name != only) continue;
    r.cases.emplace_back(result.program, r.reader->case_for(result.program));
  }
  return r;
}

void decide_bench(benchmark::State& state, const std::string& only) {
  static std::map<std::string, ReadCases> cache;
  auto& r = cache[only];
  if (!r.reader) r = read_cases(only);
  auto programs = seeds();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& [program, c] = r.cases[i];
    benchmark::DoNotOptimize(eval::decide(*programs[static_cast<std::size_t>(program)], c));
    if (++i == r.cases.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
void BM_DecideMix(benchmark::State& state) { decide_bench(state, ""); }
void BM_DecideVendor(benchmark::State& state) { decide_bench(state, "beesender"); }
void BM_DecidePartner(benchmark::State& state) { decide_bench(state, "aimaras"); }
BENCHMARK(BM_DecideMix);
BENCHMARK(BM_DecideVendor);
BENCHMARK(BM_DecidePartner);

// due_after for Mon-Fri 09:00-18:00 with `holidays` holidays a year over
// ten years, targets of 1 to 1000 hours, from spread-out starts.
void BM_DueAfter(benchmark::State& state) {
  auto hours_target = std::chrono::hours(state.range(0));
  int per_year = static_cast<int>(state.range(1));
  std::vector<calendar::Window> windows;
  for (int d = 0; d < 5; ++d) windows.push_back({d, 9 * 60, 18 * 60});
  std::vector<date::local_days> holidays;
  for (int y = 2026; y < 2036; ++y) {
    for (int k = 0; k < per_year; ++k) {
      holidays.push_back(date::local_days(date::year(y) / 1 / 1) + date::days(k * 365 / std::max(1, per_year)));
    }
  }
  auto hours = *calendar::WorkingHours::make(windows, holidays);
  auto zone = *calendar::Zone::parse("GMT+3");
  auto start = *calendar::parse_rfc3339("2026-11-27T17:30:00+03:00");
  std::int64_t step = 0;
  for (auto _ : state) {
    auto at = start + std::chrono::minutes((step++ * 7919) % (60 * 24 * 365));
    benchmark::DoNotOptimize(hours.due_after(zone, at, hours_target));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_DueAfter)->ArgsProduct({{1, 10, 100, 1000}, {0, 20}});

void BM_DueAfterKyiv(benchmark::State& state) {
  std::vector<calendar::Window> windows;
  for (int d = 0; d < 7; ++d) windows.push_back({d, 0, 24 * 60});
  auto hours = *calendar::WorkingHours::make(windows);
  auto zone = *calendar::Zone::parse("Europe/Kyiv");
  auto start = *calendar::parse_rfc3339("2026-03-20T10:00:00+02:00");
  for (auto _ : state) benchmark::DoNotOptimize(hours.due_after(zone, start, std::chrono::hours(state.range(0))));
}
BENCHMARK(BM_DueAfterKyiv)->Arg(1)->Arg(1000);

void BM_Money(benchmark::State& state) {
  auto limit = *money::Decimal::parse_plain("75000");
  for (auto _ : state) {
    auto amount = money::parse_money_number("75000.000000000001");
    benchmark::DoNotOptimize(amount->amount > limit);
    benchmark::DoNotOptimize(amount->amount.percent(*money::Decimal::parse_plain("12")).rounded(2));
  }
}
BENCHMARK(BM_Money);

void BM_ReadCase(benchmark::State& state) {
  auto lines = case_lines();
  caseio::CaseReader reader(seeds());
  for (auto& line : lines) line.reserve(line.size() + caseio::CaseReader::padding());
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& line = lines[i];
    benchmark::DoNotOptimize(reader.read(line, line.capacity()));
    if (++i == lines.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ReadCase);

void BM_WriteDecision(benchmark::State& state) {
  auto r = read_cases("");
  auto programs = seeds();
  std::vector<caseio::DecisionWriter> writers;
  for (const auto& p : programs) writers.emplace_back(*p);
  std::vector<eval::Decision> decisions;
  for (const auto& [program, c] : r.cases) decisions.push_back(eval::decide(*programs[static_cast<std::size_t>(program)], c));
  std::string out;
  std::size_t i = 0;
  for (auto _ : state) {
    out.clear();
    const auto& [program, c] = r.cases[i];
    writers[static_cast<std::size_t>(program)].write(out, c, decisions[i]);
    benchmark::DoNotOptimize(out.data());
    if (++i == r.cases.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_WriteDecision);

void BM_EvaluateLine(benchmark::State& state) {
  auto lines = case_lines();
  caseio::Evaluator evaluator(seeds());
  for (auto& line : lines) line.reserve(line.size() + caseio::CaseReader::padding());
  std::string out;
  std::size_t i = 0;
  for (auto _ : state) {
    out.clear();
    evaluator.decide_in_place(lines[i], lines[i].capacity(), out);
    benchmark::DoNotOptimize(out.data());
    if (++i == lines.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_EvaluateLine);

}  // namespace

BENCHMARK_MAIN();
