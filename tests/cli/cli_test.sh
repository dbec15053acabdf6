#!/usr/bin/env bash
# The command line as an integrator calls it: exit codes, streams, files,
# pipes. Usage: cli_test.sh PATH/TO/clause (run from the source folder).
set -u
clause="$1"
failures=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_code() {  # expected-code description command...
  local want="$1" what="$2"; shift 2
  "$@" >"$scratch/out" 2>"$scratch/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want ($(head -c 300 "$scratch/err"))"
}
contains() {  # file text description
  grep -qF -- "$2" "$1" || fail "$3: output lacks: $2"
}

good='{"id":"a","policy":"beesender","opened_at":"2026-11-27T17:30:00+03:00","zone":"GMT+3","plan":"business","channel":"email","contact":{"role":"admin","authorized":true},"category":"incident","priority":"P2","topic":"product"}'

# check
expect_code 0 "check the seed policies" "$clause" check policies/
contains "$scratch/out" "checked 2 policies: no errors" "check summary"
expect_code 1 "check a broken policy" "$clause" check tests/diagnostics/error.weekday-typo.policy
contains "$scratch/out" "error.weekday-typo.policy:13:24" "check names file:line:col"
expect_code 2 "check a missing file" "$clause" check no/such.policy
contains "$scratch/out" "cannot read" "unreadable file"
expect_code 2 "no subcommand" "$clause"
expect_code 2 "unknown option" "$clause" check --bogus policies/
expect_code 1 "check --format json exit" "$clause" check --format json tests/diagnostics/error.weekday-typo.policy
contains "$scratch/out" '"code":"E0001"' "json diagnostics"
expect_code 1 "check --format github" "$clause" check --format github tests/diagnostics/error.weekday-typo.policy
contains "$scratch/out" "::error file=tests/diagnostics/error.weekday-typo.policy,line=13,col=24" "github annotation"
expect_code 1 "check --format sarif" "$clause" check --format sarif tests/diagnostics/error.weekday-typo.policy
contains "$scratch/out" '"version":"2.1.0"' "sarif"

# eval: files, standard input, exit codes
echo "$good" >"$scratch/one.jsonl"
expect_code 0 "eval one valid case" "$clause" eval policies/ --cases "$scratch/one.jsonl"
contains "$scratch/out" '"due":"2026-11-28T12:30:00+03:00"' "the contract's worked example"
expect_code 0 "eval from standard input" sh -c "echo '$good' | '$clause' eval policies/"
contains "$scratch/out" '"outcome":"covered"' "stdin"
expect_code 0 "eval --cases -" sh -c "echo '$good' | '$clause' eval policies/ --cases -"
printf '%s\n\n%s\n' "$good" "$good" >"$scratch/blank.jsonl"
expect_code 1 "a blank line is an invalid case" "$clause" eval policies/ --cases "$scratch/blank.jsonl"
[ "$(wc -l <"$scratch/out")" -eq 3 ] || fail "three lines in, three decisions out"
expect_code 2 "eval with a missing cases file" "$clause" eval policies/ --cases "$scratch/none.jsonl"
expect_code 2 "eval with a broken policy" "$clause" eval tests/diagnostics/error.weekday-typo.policy --cases "$scratch/one.jsonl"
expect_code 2 "eval --policy naming no policy" "$clause" eval policies/ --policy acme --cases "$scratch/one.jsonl"
echo "${good/\"policy\":\"beesender\",/}" >"$scratch/nopolicy.jsonl"
expect_code 1 "several policies, the case names none" "$clause" eval policies/ --cases "$scratch/nopolicy.jsonl"
expect_code 0 "--policy decides it" "$clause" eval policies/ --policy beesender --cases "$scratch/nopolicy.jsonl"
expect_code 0 "one policy file needs no policy field" "$clause" eval policies/beesender.policy --cases "$scratch/nopolicy.jsonl"

# A last line without a newline, and one cut off, are cases too.
printf '%s\n%s' "$good" "${good:0:50}" >"$scratch/cut.jsonl"
expect_code 1 "a cut-off last line" "$clause" eval policies/ --cases "$scratch/cut.jsonl"
[ "$(wc -l <"$scratch/out")" -eq 2 ] || fail "a cut-off last line is one invalid decision"

# A pretty-printed single case in a file.
python3 -c "import json,sys; print(json.dumps(json.loads(sys.argv[1]), indent=2))" "$good" >"$scratch/pretty.json"
expect_code 0 "one pretty-printed case" "$clause" eval policies/ --cases "$scratch/pretty.json"
[ "$(wc -l <"$scratch/out")" -eq 1 ] || fail "one pretty-printed case gives one decision"

# --explain: the trace on standard error, decisions unchanged on standard output.
expect_code 0 "eval --explain" "$clause" eval policies/ --explain --cases "$scratch/one.jsonl"
contains "$scratch/err" "Fri 2026-11-27 17:30-18:00  0.5 h" "explain counts Friday"
contains "$scratch/err" "Sat 2026-11-28 09:00-12:30  3.5 h" "explain counts Saturday"
contains "$scratch/out" '"outcome":"covered"' "explain keeps the decision"

# A reader that goes away: quiet, status 0, no partial line.
for i in $(seq 1 20000); do echo "$good"; done >"$scratch/many.jsonl"
"$clause" eval policies/ --cases "$scratch/many.jsonl" 2>"$scratch/err" | head -1 >"$scratch/first"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || fail "closed pipe: exit $status"
[ ! -s "$scratch/err" ] || fail "closed pipe: stderr not quiet: $(head -c 200 "$scratch/err")"
python3 -c "import json,sys; json.loads(open(sys.argv[1]).read())" "$scratch/first" || fail "closed pipe: first line is not whole JSON"

# A full disk is an error.
if [ -w /dev/full ]; then
  expect_code 3 "output to a full disk" sh -c "'$clause' eval policies/ --cases '$scratch/many.jsonl' >/dev/full"
  contains "$scratch/err" "cannot write the decisions" "full disk message"
fi

# Same input, same output, byte for byte.
"$clause" eval policies/ --cases policies/examples/cases.jsonl >"$scratch/run1" 2>/dev/null
"$clause" eval policies/ --cases policies/examples/cases.jsonl >"$scratch/run2" 2>/dev/null
cmp -s "$scratch/run1" "$scratch/run2" || fail "two runs differ"
[ "$(wc -l <"$scratch/run1")" -eq "$(wc -l <policies/examples/cases.jsonl)" ] || fail "examples: one decision per case"

# --jobs: the same bytes, in the same order, whatever the number of threads.
for jobs in 1 2 3; do
  "$clause" eval policies/ --jobs $jobs --cases "$scratch/many.jsonl" >"$scratch/jobs$jobs" 2>/dev/null
done
cat policies/examples/cases.jsonl policies/examples/cases.jsonl "$scratch/blank.jsonl" >"$scratch/mixed.jsonl"
"$clause" eval policies/ --jobs 1 --cases "$scratch/mixed.jsonl" >"$scratch/mixed1" 2>/dev/null
"$clause" eval policies/ --jobs 2 --cases "$scratch/mixed.jsonl" >"$scratch/mixed2" 2>/dev/null
cmp -s "$scratch/jobs1" "$scratch/jobs2" && cmp -s "$scratch/jobs1" "$scratch/jobs3" && cmp -s "$scratch/mixed1" "$scratch/mixed2" \
  || fail "--jobs changes the output"
expect_code 1 "--jobs keeps the exit code" "$clause" eval policies/ --jobs 2 --cases "$scratch/mixed.jsonl"
expect_code 2 "--jobs 0" "$clause" eval policies/ --jobs 0 --cases "$scratch/one.jsonl"
"$clause" eval policies/ --jobs 2 --cases "$scratch/many.jsonl" 2>"$scratch/err" | head -1 >"$scratch/first2"
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "closed pipe with --jobs 2"

# quote
expect_code 0 "quote a percentage price" "$clause" quote policies/aimaras.policy --plan business --base 60000
contains "$scratch/out" "= 7200.00 USD per year" "12% of 60000"
expect_code 0 "quote json" "$clause" quote policies/aimaras.policy --plan basic --base "1234.565 USD" --format json
contains "$scratch/out" '"price":"74.07"' "6% of 1234.565 = 74.0739 -> 74.07"
expect_code 0 "quote a free plan" "$clause" quote policies/beesender.policy --plan basic
contains "$scratch/out" "free" "free plan"
expect_code 2 "quote without --base" "$clause" quote policies/aimaras.policy --plan premium
expect_code 2 "quote an unknown plan" "$clause" quote policies/aimaras.policy --plan gold --base 1
expect_code 2 "quote in another currency" "$clause" quote policies/aimaras.policy --plan basic --base "100 EUR"

# lint, fmt and test on the seed policies: what CI runs on a policy repository.
expect_code 0 "lint the seeds, warnings denied" "$clause" lint --deny warnings policies/ policies/examples/
expect_code 0 "the seeds are formatted" "$clause" fmt --check policies/ policies/examples/
expect_code 0 "the seeds' tests pass" "$clause" test policies/
contains "$scratch/out" " passed, 0 failed" "test summary"
cp policies/beesender.policy "$scratch/messy.policy"
sed -i 's/^  currency USD/currency    USD/' "$scratch/messy.policy"
expect_code 1 "fmt --check finds a layout change" "$clause" fmt --check "$scratch/messy.policy"
contains "$scratch/out" "+  currency USD" "fmt --check prints a unified diff"
expect_code 0 "fmt --write" "$clause" fmt --write "$scratch/messy.policy"
cmp -s "$scratch/messy.policy" policies/beesender.policy || fail "fmt --write gives the canonical text"
expect_code 2 "fmt of a broken policy" "$clause" fmt --check tests/diagnostics/error.weekday-typo.policy
sed 's/expect covered, by plan business, priority P2/expect covered, by plan premium, priority P2/' policies/beesender.policy >"$scratch/failing.policy"
expect_code 1 "a failing test" "$clause" test "$scratch/failing.policy"
contains "$scratch/out" 'basis: expected plan:premium, got plan:business' "test failure names the field"
grep -qE " [1-9][0-9]* failed" "$scratch/out" || fail "test failure counted"
echo '{"case": '"$good"', "expect": {"outcome": "covered", "response": {"due": "2026-11-28T12:30:00+03:00"}, "rule": "plan.business"}}' >"$scratch/ok.cases.jsonl"
echo '{"case": '"$good"', "expect": {"outcome": "limited"}}' >"$scratch/bad.cases.jsonl"
expect_code 0 "a passing cases file" "$clause" test policies/ "$scratch/ok.cases.jsonl"
expect_code 1 "a failing cases file" "$clause" test policies/ "$scratch/bad.cases.jsonl"
contains "$scratch/out" 'outcome: expected "limited", got "covered"' "cases file failure"
expect_code 1 "lint --deny finds" "$clause" lint --deny rule-without-sentence tests/lint/rule-without-sentence.policy
expect_code 0 "lint a finding below the deny level" "$clause" lint tests/lint/rule-without-sentence.policy
expect_code 1 "lint --format sarif" "$clause" lint --format sarif --deny warnings tests/lint/rule-without-sentence.policy
contains "$scratch/out" '"ruleId":"L0502"' "lint sarif"

# The examples in docs/cli.md are real: each `$ clause ...` line, run, prints
# exactly the lines under it. (docs/lint.md is checked by tools/gen-doc.)
python3 - "$clause" docs/cli.md <<'PY' || fail "docs/cli.md examples"
import subprocess, sys, shlex
clause, doc = sys.argv[1], sys.argv[2]
lines = open(doc).read().split("\n")
bad = 0
for i, line in enumerate(lines):
    if not line.startswith("$ clause "):
        continue
    expected = []
    for following in lines[i + 1:]:
        if following.startswith("$ ") or following.startswith("```"):
            break
        expected.append(following)
    args = shlex.split(line[2:])
    out = subprocess.run([clause] + args[1:], capture_output=True, text=True).stdout.rstrip("\n").split("\n")
    if out != expected:
        print("docs/cli.md:%d: %s\n  expected %r\n  got      %r" % (i + 1, line, expected, out))
        bad += 1
sys.exit(1 if bad else 0)
PY

# Decisions and traces quoted in docs/ name the current seed policies: the
# revision is the file's, and every `at` points at the rule it names.
python3 - docs/*.md <<'PY' || fail "docs quote stale revisions or lines"
import hashlib, re, sys
bad = 0
revision = {p: hashlib.sha256(open("policies/%s.policy" % p, "rb").read()).hexdigest()[:12] for p in ("beesender", "aimaras")}
for doc in sys.argv[1:]:
    text = open(doc).read()
    for policy, rev in re.findall(r'"policy":"(beesender|aimaras)","revision":"([0-9a-f]{12})"', text):
        if rev != revision[policy]:
            print("%s: revision %s of %s is stale (now %s)" % (doc, rev, policy, revision[policy])); bad += 1
    refs = re.findall(r'"rule":"([a-z_.]+)","at":"(policies/[a-z]+\.policy):(\d+):(\d+)"', text)
    refs += [(r, f, l, c) for r, f, l, c in re.findall(r'rule ([a-z_]+) \((policies/[a-z]+\.policy):(\d+):(\d+)\)', text)]
    for rule, path, line, col in refs:
        source = open(path).read().split("\n")[int(line) - 1][int(col) - 1:]
        word = {"default_plan": "default", "guarantee": "guarantee", "otherwise": "otherwise"}.get(rule, rule.split(".")[-1])
        if not source.startswith(word):
            print("%s: %s at %s:%s:%s points at %r" % (doc, rule, path, line, col, source[:30])); bad += 1
sys.exit(1 if bad else 0)
PY

if [ "$failures" -gt 0 ]; then
  echo "$failures CLI checks failed"
  exit 1
fi
echo "all CLI checks passed"
