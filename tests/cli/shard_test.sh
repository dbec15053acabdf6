#!/usr/bin/env bash
# A sharded evaluation with GNU parallel (4 shards, kept in order) gives the
# same bytes as one process. Usage: shard_test.sh clause gen-cases
set -u
clause="$1"
gen="$2"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$gen" --count 20000 --seed 11 --output "$scratch/cases.jsonl" || exit 1
"$clause" eval policies/ --jobs 1 --cases "$scratch/cases.jsonl" >"$scratch/one.jsonl" 2>/dev/null
# 20,000 lines in blocks of 5,000 lines: four shards, four processes.
parallel --will-cite --pipe --keep-order -N 5000 -j 4 "$clause" eval policies/ --jobs 1 \
  <"$scratch/cases.jsonl" >"$scratch/sharded.jsonl" 2>/dev/null
if ! cmp -s "$scratch/one.jsonl" "$scratch/sharded.jsonl"; then
  echo "FAIL: the sharded output differs from one process's"
  exit 1
fi
[ "$(wc -l <"$scratch/sharded.jsonl")" -eq 20000 ] || { echo "FAIL: not one decision per case"; exit 1; }
echo "sharded output equals the single-process output byte for byte (20000 cases, 4 shards)"
