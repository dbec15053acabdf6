#!/usr/bin/env bash
# The pre-commit hook on a scratch repository: a good change passes, a bad
# one is refused with the finding, a change in decisions is shown.
# Usage: hook_test.sh PATH/TO/clause (from the source folder)
set -u
clause="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
root=$(pwd)
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cd "$repo"
git init -q . && git config user.email t@example.com && git config user.name test
mkdir -p policies && cp "$root/policies/beesender.policy" policies/
cp "$root/tools/ci/pre-commit" "$root/tools/ci/check-policies" .git/hooks/
git add policies && git commit -qm "the policy" --no-verify

# A clean change: Premium allows more contacts; no case is decided differently.
sed -i 's/contacts 15$/contacts 20/' policies/beesender.policy
git add policies
CLAUSE="$clause" .git/hooks/pre-commit >"$repo/out1" 2>&1 || fail "a clean change was refused: $(tail -5 "$repo/out1")"
grep -q "plan premium contacts: 15 -> 20" "$repo/out1" || fail "the hook shows the changed term"
grep -q "no decision changes" "$repo/out1" || fail "the hook says no decision changes"
git commit -qm "more contacts" --no-verify

# A bad change: a rule without its sentence, a stray indent, and a slower
# Business P1 target that the policy's own tests catch.
python3 - <<'PY'
p = "policies/beesender.policy"
s = open(p).read()
s = s.replace('''    reject unauthorized
      "Only the account's authorized contacts can submit support cases"
''', '''    reject unauthorized
''', 1).replace("  currency USD", "    currency USD", 1)
s = s.replace("respond P1 within 1 working hour\n", "respond P1 within 1.5 working hours\n", 1)
open(p, "w").write(s)
PY
git add policies
if CLAUSE="$clause" .git/hooks/pre-commit >"$repo/out2" 2>&1; then fail "a bad change passed the hook"; fi
grep -q "L0502" "$repo/out2" || fail "the hook names the lint finding L0502: $(head -20 "$repo/out2")"
grep -q "is not formatted" "$repo/out2" || fail "the hook reports the layout"
grep -q "check-policies: FAILED" "$repo/out2" || fail "the hook says it failed"
grep -qE " [1-9][0-9]* failed" "$repo/out2" || fail "the hook runs the policy's tests"
grep -q "decided differently" "$repo/out2" || fail "the hook shows the cases decided differently"

# GitHub annotations from the same script.
CLAUSE="$clause" .git/hooks/check-policies --staged --format github >"$repo/out3" 2>&1
grep -q "::error file=.*title=L0502" "$repo/out3" || fail "github annotations: $(grep '::' "$repo/out3" | head -3)"

# A changed case file runs against the policies beside it, as staged; a
# broken policy kept elsewhere (a test fixture) does not stop it.
git reset -q --hard HEAD
mkdir -p fixtures && echo "policy broken {" >fixtures/broken.policy
git add fixtures && git commit -qm "a fixture" --no-verify
good='{"case": {"id": "c1", "policy": "beesender", "opened_at": "2026-08-11T14:05:00+02:00", "zone": "GMT+2", "plan": "business", "channel": "email", "contact": {"role": "admin", "authorized": true}, "category": "incident", "priority": "P2", "topic": "product"}, "expect": {"outcome": "covered"}}'
echo "$good" >policies/sample.cases.jsonl
git add policies/sample.cases.jsonl
echo "$good" | sed 's/"covered"/"rejected"/' >policies/sample.cases.jsonl   # only in the working tree
CLAUSE="$clause" .git/hooks/pre-commit >"$repo/out4" 2>&1 || fail "a good staged case file was refused: $(tail -5 "$repo/out4")"
grep -q "== case files: policies/sample.cases.jsonl" "$repo/out4" || fail "the hook runs the changed case file"
grep -qE " 0 failed" "$repo/out4" || fail "the staged case passes: $(tail -3 "$repo/out4")"
git add policies/sample.cases.jsonl
if CLAUSE="$clause" .git/hooks/pre-commit >"$repo/out5" 2>&1; then fail "a failing case file passed the hook"; fi
grep -qE " 1 failed" "$repo/out5" || fail "the failing case is reported: $(tail -3 "$repo/out5")"

[ "$failures" -eq 0 ] && echo "all hook checks passed" && exit 0
echo "$failures hook checks failed"
exit 1
