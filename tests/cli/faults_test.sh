#!/usr/bin/env bash
# Nothing lost, nothing half-written (docs/reliability.md): memory with many
# lines, write errors, signals, `fmt --write` through links, owners and
# concurrent runs, and every command on a full disk.
# Usage: faults_test.sh PATH/TO/clause PATH/TO/gen-cases (from the source folder).
set -u
clause="$1"
gen="$2"
failures=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# Under the sanitizers (CLAUSE_FAULTS_SMALL=1) the runs are smaller and
# memory is not measured (the sanitizers' own memory would be).
small="${CLAUSE_FAULTS_SMALL:-}"
lines_many=$([ -n "$small" ] && echo 100000 || echo 1000000)
cases_many=$([ -n "$small" ] && echo 200000 || echo 1500000)

# The last byte of a file is a newline (or the file is empty).
ends_whole() { [ ! -s "$1" ] || [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' ]; }
# Peak resident memory of a command, in KB.
peak_kb() { /usr/bin/time -f '%M' -o "$scratch/time" "$@" >/dev/null 2>&1; tail -n 1 "$scratch/time"; }

# ---- 1. memory with two jobs stays bounded whatever the lines are
yes '' | head -n "$lines_many" >"$scratch/blank.jsonl"
yes '{}' | head -n "$lines_many" >"$scratch/empty.jsonl"
for input in blank empty; do
  if [ -z "$small" ]; then
    for jobs in 1 2; do
      kb=$(peak_kb "$clause" eval policies/ --jobs "$jobs" --cases "$scratch/$input.jsonl")
      [ "$kb" -lt 40000 ] || fail "1M $input lines, --jobs $jobs: peak $kb KB (at most 40 MB)"
    done
  fi
  n=$("$clause" eval policies/ --jobs 2 --cases "$scratch/$input.jsonl" | wc -l)
  [ "$n" -eq "$lines_many" ] || fail "$lines_many $input lines give $n decisions"
done
# With leading blank lines, the first decision comes before the input ends:
# a writer that keeps its end of the pipe open still gets answers.
mkfifo "$scratch/fifo"
( head -n 200000 "$scratch/blank.jsonl"; sleep 5 ) >"$scratch/fifo" &
feeder=$!
first=$(timeout 4 "$clause" eval policies/ --jobs 2 <"$scratch/fifo" | head -n 1)
kill "$feeder" 2>/dev/null; wait "$feeder" 2>/dev/null
case "$first" in *'"outcome":"invalid"'*) ;; *) fail "the first decision of a waiting stream was not written before the input ended";; esac

# ---- 3. a write error leaves whole lines only
"$gen" --count 20000 --seed 3 --output "$scratch/cases.jsonl"
for jobs in 1 2; do
  rm -f "$scratch/limited.jsonl"
  ( ulimit -f 100; "$clause" eval policies/ --jobs "$jobs" --cases "$scratch/cases.jsonl" >"$scratch/limited.jsonl" 2>"$scratch/err" )
  code=$?
  [ "$code" -eq 3 ] || fail "file-size limit, --jobs $jobs: exit $code, expected 3"
  grep -q "cannot write the decisions: File too large" "$scratch/err" || fail "file-size limit: the error says why ($(cat "$scratch/err"))"
  ends_whole "$scratch/limited.jsonl" || fail "file-size limit, --jobs $jobs: the output ends mid-line"
  [ -s "$scratch/limited.jsonl" ] || fail "file-size limit: the whole lines before the limit are kept"
done

# ---- 4. SIGINT and SIGTERM: whole lines, and 130 / 143
# Job control on: background jobs would otherwise start with SIGINT ignored.
set -m
"$gen" --count "$cases_many" --seed 4 --output "$scratch/many.jsonl"
for round in $(seq 1 16); do
  signal=$([ $((round % 2)) -eq 0 ] && echo INT || echo TERM)
  want=$([ "$signal" = INT ] && echo 130 || echo 143)
  jobs=$(( round % 2 + 1 ))
  # Half the runs write to a file, half to a slow reader through a pipe (a
  # write the signal interrupts half-way).
  rm -f "$scratch/pid" "$scratch/code"
  if [ $((round % 4)) -ge 2 ]; then
    ( "$clause" eval policies/ --jobs "$jobs" --cases "$scratch/many.jsonl" 2>/dev/null &
      echo $! >"$scratch/pid"; wait $!; echo $? >"$scratch/code" ) | ( sleep 0.3; cat >"$scratch/signalled.jsonl" ) &
  else
    ( "$clause" eval policies/ --jobs "$jobs" --cases "$scratch/many.jsonl" >"$scratch/signalled.jsonl" 2>/dev/null &
      echo $! >"$scratch/pid"; wait $!; echo $? >"$scratch/code" ) &
  fi
  group=$!
  while [ ! -s "$scratch/pid" ]; do sleep 0.01; done
  sleep "0.$((RANDOM % 9 + 1))"
  kill -s "$signal" "$(cat "$scratch/pid")" 2>/dev/null
  wait "$group"
  code=$(cat "$scratch/code")
  # A run that ended before the signal is fine too.
  if [ "$code" -ne 1 ]; then
    [ "$code" -eq "$want" ] || fail "SIG$signal (round $round, --jobs $jobs): exit $code, expected $want"
  fi
  ends_whole "$scratch/signalled.jsonl" || fail "SIG$signal (round $round, --jobs $jobs): the output ends mid-line"
  # What was written is the start of the full output.
  lines=$(wc -l <"$scratch/signalled.jsonl")
  if [ "$lines" -gt 0 ]; then
    head -n "$lines" "$scratch/many.jsonl" | "$clause" eval policies/ --jobs 1 >"$scratch/prefix.jsonl" 2>/dev/null
    cmp -s "$scratch/prefix.jsonl" "$scratch/signalled.jsonl" || fail "SIG$signal (round $round): the output is not the decisions of the first $lines cases"
  fi
done

set +m

# ---- 5-7. fmt --write keeps links, refuses planted names, keeps owners
unformatted="policies/examples/worldwide.policy"
make_unformatted() { sed 's/^  //' "$unformatted" >"$1"; }
make_unformatted "$scratch/real.policy"
ln -s real.policy "$scratch/link.policy"
"$clause" fmt --write "$scratch/link.policy" || fail "fmt --write through a symlink"
[ -L "$scratch/link.policy" ] || fail "fmt --write replaced the symlink with a file"
"$clause" fmt --check "$scratch/real.policy" >/dev/null || fail "fmt --write through a symlink left its target unformatted"

make_unformatted "$scratch/target.policy"
echo "precious" >"$scratch/precious.txt"
ln -s precious.txt "$scratch/target.policy.clause-fmt-tmp"
ln -s precious.txt "$scratch/.target.policy.clause-fmt-tmp"
"$clause" fmt --write "$scratch/target.policy" || fail "fmt --write next to a planted link"
[ "$(cat "$scratch/precious.txt")" = "precious" ] || fail "fmt --write wrote through a link planted at a temporary name"
[ -f "$scratch/target.policy" ] && [ ! -L "$scratch/target.policy" ] || fail "fmt --write renamed a planted link over the policy"
"$clause" fmt --check "$scratch/target.policy" >/dev/null || fail "fmt --write next to a planted link did not format"

make_unformatted "$scratch/hard.policy"
ln "$scratch/hard.policy" "$scratch/hard-too.policy"
"$clause" fmt --write "$scratch/hard.policy" || fail "fmt --write on a file with two names"
[ "$(stat -c %h "$scratch/hard.policy")" -eq 2 ] || fail "fmt --write split a hard link"
cmp -s "$scratch/hard.policy" "$scratch/hard-too.policy" || fail "fmt --write: the two names differ"
"$clause" fmt --check "$scratch/hard-too.policy" >/dev/null || fail "fmt --write: the other name is not formatted"

if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
  make_unformatted "$scratch/owned.policy"
  chown nobody:nogroup "$scratch/owned.policy" 2>/dev/null || chown nobody "$scratch/owned.policy"
  chmod 640 "$scratch/owned.policy"
  before=$(stat -c '%U:%G %a' "$scratch/owned.policy")
  "$clause" fmt --write "$scratch/owned.policy" || fail "fmt --write on another user's file"
  after=$(stat -c '%U:%G %a' "$scratch/owned.policy")
  [ "$before" = "$after" ] || fail "fmt --write changed owner or mode: $before -> $after"
fi

make_unformatted "$scratch/busy.policy"
pids=()
for i in $(seq 1 40); do
  "$clause" fmt --write "$scratch/busy.policy" 2>>"$scratch/busy.err" &
  pids+=($!)
done
busy_failed=0
for pid in "${pids[@]}"; do wait "$pid" || busy_failed=$((busy_failed + 1)); done
[ "$busy_failed" -eq 0 ] || fail "$busy_failed of 40 concurrent fmt --write runs failed: $(head -c 300 "$scratch/busy.err")"
"$clause" fmt --check "$scratch/busy.policy" >/dev/null || fail "concurrent fmt --write left the file unformatted"
ls -a "$scratch" | grep -q 'clause-fmt-' && [ "$(ls -a "$scratch" | grep 'clause-fmt-' | grep -v 'target.policy.clause-fmt-tmp' | wc -l)" -gt 0 ] &&
  fail "fmt --write left temporary files: $(ls -a "$scratch" | grep clause-fmt-)"

# ---- every command reports a full disk (exit 3)
if [ -w /dev/full ]; then
  full() {  # description command...
    local what="$1"; shift
    "$@" >/dev/full 2>"$scratch/full.err"
    local code=$?
    [ "$code" -eq 3 ] || fail "$what to /dev/full: exit $code, expected 3"
    grep -q "No space left on device" "$scratch/full.err" || fail "$what to /dev/full: no message ($(cat "$scratch/full.err"))"
  }
  full "check" "$clause" check policies/
  full "lint --format json" "$clause" lint tests/lint/rule-without-sentence.policy --format json
  full "quote" "$clause" quote policies/aimaras.policy --plan business --base 60000
  full "fmt FILE" "$clause" fmt policies/beesender.policy
  full "test" "$clause" test policies/
  full "eval" "$clause" eval policies/ --cases "$scratch/cases.jsonl"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "faults: all passed"
