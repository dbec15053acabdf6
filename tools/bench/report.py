#!/usr/bin/env python3
"""Writes docs/performance.md from the measurements tools/bench/run made:
report.py WORK_DIR CASES MANY > docs/performance.md"""
import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

work = Path(sys.argv[1])
cases = int(sys.argv[2])
many = int(sys.argv[3])

micro = {}
for b in json.loads((work / "micro.json").read_text())["benchmarks"]:
    if b.get("aggregate_name") == "median":
        micro[b["run_name"]] = b
hyper = {}
for name in ("eval.json", "check.json"):
    for r in json.loads((work / name).read_text())["results"]:
        hyper[r["command"]] = r


def ns(name):
    b = micro[name]
    factor = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
    return b["real_time"] * factor


def rss(file):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", (work / file).read_text())
    return int(m.group(1)) / 1024 if m else float("nan")


def cpu():
    try:
        model = re.search(r"Model name:\s*(.*)", subprocess.run(["lscpu"], capture_output=True, text=True).stdout).group(1)
    except Exception:
        model = "unknown"
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return f"{model.strip()}, {cores} cores"


def mark(ok):
    return "met" if ok else "**not met**"


decide_mix = ns("BM_DecideMix")
due = [ns(f"BM_DueAfter/{h}/20") for h in (1, 10, 100, 1000)]
jobs1 = hyper["jobs1"]["median"]
jobs2 = hyper["jobs2"]["median"]
rate1 = cases / jobs1
rate2 = cases / jobs2
mem2 = rss("memory-jobs2.txt")
mem1 = rss("memory-jobs1.txt")
mem_small = rss("memory-small.txt")
check_seeds = hyper["check-seeds"]["median"] * 1000
check_big = hyper["check-big"]["median"] * 1000
lint_big = hyper["lint-big"]["median"]

rows = [
    ("`decide` on a read case, mix of both seeds, deadline included", "≤ 300 ns", f"{decide_mix:.0f} ns", decide_mix <= 300),
    ("`due_after`, Mon-Fri 09-18, 20 holidays a year, 1 h / 10 h / 100 h / 1000 h", "≤ 100 ns, flat",
     " / ".join(f"{d:.0f}" for d in due) + " ns", max(due) <= 100),
    (f"`clause eval`, {cases:,} cases, file in and out, `--jobs 1`", "≥ 1,000,000 cases/s",
     f"{rate1:,.0f} cases/s ({jobs1:.2f} s)", rate1 >= 1_000_000),
    (f"`clause eval --jobs 2` against `--jobs 1`", "≥ 1.7×", f"{jobs1 / jobs2:.2f}× ({rate2:,.0f} cases/s)", jobs1 / jobs2 >= 1.7),
    (f"peak memory, {many:,} cases streamed, `--jobs 2` / `--jobs 1`", "< 64 MB, flat",
     f"{mem2:.1f} MB / {mem1:.1f} MB ({mem_small:.1f} MB for {many // 10:,})", max(mem1, mem2) < 64),
    ("`clause check` on the seed policies, whole process", "< 10 ms", f"{check_seeds:.1f} ms", check_seeds < 10),
    ("check and compile a generated policy of ~10,000 lines (200 plans, 2,000 rules)", "< 200 ms",
     f"{check_big:.0f} ms", check_big < 200),
    ("`clause lint` on that policy", "< 1 s", f"{lint_big * 1000:.0f} ms", lint_big < 1),
]

out = []
w = out.append
w("# Performance")
w("")
w(f"Measured by `tools/bench/run` on {datetime.date.today().isoformat()}: {cpu()}; Release build (g++ 12, -O3).")
w("This machine is shared and noisy: every figure is the median of several runs; compare ratios rather than")
w("absolute times. Repeat with `tools/bench/run` (about five minutes); `BENCH_QUICK=1` for a shorter run.")
w("")
w("## Targets")
w("")
w("| target | goal | measured (median) | |")
w("|---|---|---|---|")
for what, goal, measured, ok in rows:
    w(f"| {what} | {goal} | {measured} | {mark(ok)} |")
w("")
w("## Micro-benchmarks")
w("")
w("Google Benchmark, `build-release/clause_bench`, medians of the repetitions.")
w("")
w("| benchmark | time | per second |")
w("|---|---|---|")
for name, b in micro.items():
    per = b.get("items_per_second")
    w(f"| `{name}` | {ns(name):,.0f} ns | {per:,.0f} |" if per else f"| `{name}` | {ns(name):,.0f} ns | |")
w("")
w((Path(__file__).parent / "notes.md").read_text().rstrip())
print("\n".join(out))
