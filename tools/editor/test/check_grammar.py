#!/usr/bin/env python3
"""Checks the Clause TextMate grammar (tools/editor/syntaxes/clause.tmLanguage.json).

Standard library only; run from the repository root:

    python3 tools/editor/test/check_grammar.py

What it does:

1. Loads the grammar, package.json and language-configuration.json, checks
   they are valid JSON, that the grammar has its top-level keys, that the
   manifest points at the grammar with the same scopeName, and that every
   `#name` include resolves to a repository entry.
2. Compiles every `match` / `begin` / `end` / `while` regex with Python's `re`
   after translating the few Oniguruma-only escapes (`\\h`, `\\H`, `\\z`,
   `(?<name>`, `\\k<name>`). Patterns that need Oniguruma features Python lacks
   (`\\G`, `\\p{..}`, variable-width look-behind, ...) are skipped and counted;
   any other compile error is a failure.
3. Tokenizes every line of policies/*.policy (and a built-in sample policy
   that covers constructs the seed policies do not use) with a small TextMate
   engine: match rules, begin/end rules carried across lines, captures,
   `contentName`, `#repository` / `$self` includes. External grammars (the
   `source.json` include) are not available here, so the grammar's own JSON
   fallback is what gets tested, as in an editor without a JSON grammar.
4. Compares the scopes with what an independent, much simpler reading of the
   same lines says must be there: every `//` comment is a comment, every
   string is a string, every keyword outside strings, comments and test JSON
   is a keyword, every HH:MM time is numeric, and the other literals
   (dates, money, percentages, zones, weekdays, `24/7`, operators, declared
   names) have their scopes.

Exits 1 with one line per failure, or prints a one-line summary.
"""

import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EDITOR = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(EDITOR))
GRAMMAR_PATH = os.path.join(EDITOR, "syntaxes", "clause.tmLanguage.json")
PACKAGE_PATH = os.path.join(EDITOR, "package.json")
LANGCONF_PATH = os.path.join(EDITOR, "language-configuration.json")
POLICY_GLOB = os.path.join(ROOT, "policies", "*.policy")

# External grammars the Clause grammar may include; missing here, present in
# VS Code. Any other external include is an error.
KNOWN_EXTERNAL = {"source.json"}

NAME = r"[A-Za-z_][A-Za-z0-9_]*"
RESERVED = {"and", "or", "not", "in", "has", "to", "when", "none", "true", "false"}

# The keyword words, by group, as the brief for the grammar lists them.
KEYWORD_GROUPS = {
    "declaration": "policy currency zones urgency case hours holidays entitlements "
                   "communication base registers plan default guarantee rules otherwise test",
    "plan term": "price registers talks hours registration contacts respond within no target "
                 "for includes extends free of per year month yearly monthly",
    "guarantee term": "starts after lasts by below above from to covers excludes promptly",
    "rule action": "reject not_covered limited lower outside",
    "condition word": "when and or not in has none true false",
    "test word": "expect case by priority due rule error response",
    "type": "set of money date timestamp bool",
    "clock": "working calendar hours hour minutes minute days day",
    "extra": "except time_and_materials",
}
KEYWORDS = {w for ws in KEYWORD_GROUPS.values() for w in ws.split()}
# Words that are keywords only inside a test block: outside one, `priority`,
# `error` and the outcomes are ordinary names (fields, enum values).
TEST_ONLY = {"expect", "priority", "due", "rule", "error", "response",
             "covered", "billable", "rejected", "invalid"}
OUTCOMES = {"covered", "limited", "billable", "not_covered", "rejected", "invalid"}
KEYWORDS |= OUTCOMES
TYPE_WORDS = set(KEYWORD_GROUPS["type"].split())
WEEKDAYS = "Mon Tue Wed Thu Fri Sat Sun".split()

# Constructs the seed policies do not use. Highlighting only: this text is not
# run through `clause check`.
SAMPLE = r'''// Sample for the grammar check: constructs the seeds do not use.
policy sample "Escapes: \"quoted\", a \\ backslash,\ta tab and\na new line" {
  currency EUR
  zones Europe/Kyiv, Asia/Shanghai, UTC-02:00, UTC+05:30, GMT, America/Argentina/Buenos_Aires
  case {
    tier:       gold > silver
    vip:        bool
    opened:     timestamp
    tags:       set of urgent | billing = {}
    error:      none_yet | some
  }
  urgency tier
  holidays public_holidays {
    2026-12-25 "Christmas",
    2027-01-01 "New year"
  }
  hours office = Mon-Fri 09:00-13:00, 14:00-18:00; Sat 10:00-14:00 except public_holidays
  hours night = 24/7 except public_holidays
  plan gold "Gold" {
    price 99.50 EUR per month
    hours Mon-Sun 08:00-20:00
    registration office
    respond gold..silver within 30 working minutes
    no target for silver
  }
  plan silver extends gold {
    price 500 EUR yearly
    respond silver within 2 calendar days
  }
  guarantee {
    starts after project.completed_on
    lasts by project.budget {
      below 1000 EUR: 1 calendar day
      from 1000 EUR to 5000 EUR: 10 calendar days
      above 5000 EUR: 20 calendar days
    }
    covers everything "All of it" when vip = true or (tier != gold and not vip)
    excludes nothing when tags has urgent and opened <= 2026-01-01 and opened >= 2025-01-01
  }
  rules {
    outside guarantee old_cases "Old" when project.budget < 10 EUR or project.budget > 9000 EUR
    reject none_tier "No tier" when tier = none
    limited nights "At night" when tier in gold, silver
  }
  otherwise not_covered
  test "A case whose JSON starts on the next line" {
    case
      {"opened_at": "2026-11-25T10:00:00Z", "vip": null, "n": -1.5e3, "tags": [], "s": "a\"b\u00e9"}
    expect rejected, rule none_tier, no response, error "tier \"x\""
  }
  test "Due in another zone" {
    case {"opened_at": "2026-11-25T10:00:00.250-02:00"}
    expect covered, by plan gold, priority gold, within 30 working minutes, due 2026-11-25T10:30:00.250-02:00
  }
}
'''


class CheckFailure(Exception):
    pass


# ---- 1. JSON files ------------------------------------------------------------

def load_json(path, problems):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        problems.append("%s: missing" % os.path.relpath(path, ROOT))
    except json.JSONDecodeError as e:
        problems.append("%s: invalid JSON: %s" % (os.path.relpath(path, ROOT), e))
    return None


def check_files(problems):
    grammar = load_json(GRAMMAR_PATH, problems)
    package = load_json(PACKAGE_PATH, problems)
    langconf = load_json(LANGCONF_PATH, problems)
    if grammar is None:
        return None
    for key, kind in (("name", str), ("scopeName", str), ("patterns", list), ("repository", dict)):
        if not isinstance(grammar.get(key), kind):
            problems.append("grammar: top-level key `%s` missing or not a %s" % (key, kind.__name__))
    if grammar.get("scopeName") != "source.clause":
        problems.append("grammar: scopeName is %r, expected 'source.clause'" % grammar.get("scopeName"))
    if package is not None:
        contributes = package.get("contributes", {})
        langs = [l for l in contributes.get("languages", []) if l.get("id") == "clause"]
        if not langs:
            problems.append("package.json: no contributes.languages entry with id `clause`")
        else:
            if ".policy" not in langs[0].get("extensions", []):
                problems.append("package.json: language `clause` does not claim `.policy`")
            conf = langs[0].get("configuration")
            if not conf or not os.path.isfile(os.path.join(EDITOR, conf)):
                problems.append("package.json: language configuration %r not found" % conf)
        grams = [g for g in contributes.get("grammars", []) if g.get("language") == "clause"]
        if not grams:
            problems.append("package.json: no contributes.grammars entry for `clause`")
        else:
            if grams[0].get("scopeName") != grammar.get("scopeName"):
                problems.append("package.json: grammar scopeName %r differs from the grammar's %r"
                                % (grams[0].get("scopeName"), grammar.get("scopeName")))
            path = os.path.normpath(os.path.join(EDITOR, grams[0].get("path", "")))
            if path != os.path.normpath(GRAMMAR_PATH):
                problems.append("package.json: grammar path %r is not syntaxes/clause.tmLanguage.json"
                                % grams[0].get("path"))
        if package.get("name") != "clause-policy":
            problems.append("package.json: name is %r, expected 'clause-policy'" % package.get("name"))
    if langconf is not None:
        if langconf.get("comments", {}).get("lineComment") != "//":
            problems.append("language-configuration.json: lineComment is not `//`")
    return grammar


# ---- 2. Regexes -----------------------------------------------------------------

# Oniguruma escapes with no Python equivalent: a pattern using one is skipped.
UNSUPPORTED = {
    "G": "\\G anchor", "p": "\\p{...} property", "P": "\\P{...} property", "K": "\\K",
    "R": "\\R", "X": "\\X", "y": "\\y", "Y": "\\Y", "O": "\\O",
}


def translate(pattern):
    """Oniguruma pattern -> (Python pattern, whether it changed).

    Raises KeyError(reason) for a feature Python's `re` does not have."""
    out = []
    changed = False
    in_class = False
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            d = pattern[i + 1]
            if d == "h":
                out.append("0-9a-fA-F" if in_class else "[0-9a-fA-F]")
                changed = True
            elif d == "H" and not in_class:
                out.append("[^0-9a-fA-F]")
                changed = True
            elif d == "H":
                raise KeyError("\\H inside a character class")
            elif d == "z" and not in_class:
                out.append("\\Z")
                changed = True
            elif d == "Z" and not in_class:
                out.append("(?=\\n?\\Z)")
                changed = True
            elif d == "k" and pattern.startswith("<", i + 2) and ">" in pattern[i + 2:]:
                j = pattern.index(">", i + 2)
                out.append("(?P=%s)" % pattern[i + 3:j])
                changed = True
                i = j + 1
                continue
            elif d == "x" and pattern.startswith("{", i + 2):
                raise KeyError("\\x{...} code point")
            elif d in UNSUPPORTED:
                raise KeyError(UNSUPPORTED[d])
            else:
                out.append(c + d)
            i += 2
            continue
        if in_class:
            if re.match(r"\[:\^?[a-z]+:\]", pattern[i:]):
                raise KeyError("POSIX bracket expression")
            if c == "[":
                raise KeyError("nested character class")
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            out.append(c)
            # A `]` or `^]` right after `[` is a literal.
            j = i + 1
            if pattern.startswith("^", j):
                out.append("^")
                j += 1
            if pattern.startswith("]", j):
                out.append("\\]")
                j += 1
                changed = True
            i = j
            continue
        elif pattern.startswith("(?<", i) and i + 3 < n and pattern[i + 3] not in "=!":
            out.append("(?P<")
            changed = True
            i += 3
            continue
        elif pattern.startswith("(?~", i):
            raise KeyError("absent operator (?~...)")
        out.append(c)
        i += 1
    return "".join(out), changed


class Regexes:
    def __init__(self):
        self.cache = {}
        self.compiled = 0
        self.translated = 0
        self.skipped = []      # (where, reason)
        self.errors = []       # (where, message)

    def get(self, pattern, where):
        if pattern in self.cache:
            return self.cache[pattern]
        rx = None
        try:
            py, changed = translate(pattern)
            rx = re.compile(py)
            self.compiled += 1
            self.translated += changed
        except KeyError as e:
            self.skipped.append((where, e.args[0]))
        except re.error as e:
            if "look-behind" in str(e):
                self.skipped.append((where, "variable-width look-behind"))
            elif "global flags not at the start" in str(e):
                self.skipped.append((where, "inline flags inside the pattern"))
            else:
                self.errors.append((where, "%s: %r" % (e, pattern)))
        self.cache[pattern] = rx
        return rx


def walk_rules(grammar, regexes, problems):
    repo = grammar.get("repository", {})

    def visit(rule, where):
        if not isinstance(rule, dict):
            problems.append("grammar: %s is not an object" % where)
            return
        for key in ("match", "begin", "end", "while"):
            if key in rule:
                regexes.get(rule[key], "%s.%s" % (where, key))
        if "begin" in rule and "end" not in rule and "while" not in rule:
            problems.append("grammar: %s has `begin` without `end`" % where)
        inc = rule.get("include")
        if inc is not None:
            if inc.startswith("#"):
                if inc[1:] not in repo:
                    problems.append("grammar: %s includes unknown repository entry %s" % (where, inc))
            elif inc not in ("$self", "$base") and inc.split("#")[0] not in KNOWN_EXTERNAL:
                problems.append("grammar: %s includes unknown grammar %s" % (where, inc))
        for i, p in enumerate(rule.get("patterns", [])):
            visit(p, "%s.patterns[%d]" % (where, i))
        for key in ("captures", "beginCaptures", "endCaptures", "whileCaptures"):
            for k, cap in rule.get(key, {}).items():
                if not k.isdigit():
                    problems.append("grammar: %s.%s has non-numeric key %r" % (where, key, k))
                for i, p in enumerate(cap.get("patterns", [])):
                    visit(p, "%s.%s.%s.patterns[%d]" % (where, key, k, i))

    for i, p in enumerate(grammar.get("patterns", [])):
        visit(p, "patterns[%d]" % i)
    for name, rule in repo.items():
        visit(rule, "repository.%s" % name)


# ---- 3. A small TextMate engine ---------------------------------------------------

class Tokenizer:
    """Enough of vscode-textmate to tokenize this grammar: match rules, begin/end
    rules (kept across lines), captures, name/contentName (space-separated scope
    lists), includes of #repository entries, $self and $base. At one position
    the end pattern wins over the rule's patterns; otherwise the earliest match
    wins, and on a tie the pattern listed first."""

    def __init__(self, grammar, regexes):
        self.grammar = grammar
        self.repo = grammar.get("repository", {})
        self.rx = regexes
        self.flat_cache = {}
        self.missing_external = set()

    def _resolve(self, include):
        if include in ("$self", "$base"):
            return self.grammar
        if include.startswith("#"):
            return self.repo.get(include[1:])
        self.missing_external.add(include)
        return None

    def candidates(self, rule):
        key = id(rule)
        if key not in self.flat_cache:
            out = []
            self._flatten(rule.get("patterns", []), out, set())
            self.flat_cache[key] = out
        return self.flat_cache[key]

    def _flatten(self, patterns, out, seen):
        for p in patterns:
            if "include" in p:
                target = self._resolve(p["include"])
                if target is None or id(target) in seen:
                    continue
                seen.add(id(target))
                if "match" in target or "begin" in target:
                    out.append(target)
                else:
                    self._flatten(target.get("patterns", []), out, seen)
            elif "match" in p or "begin" in p:
                out.append(p)
            elif "patterns" in p:
                self._flatten(p["patterns"], out, seen)

    @staticmethod
    def _names(name):
        return name.split() if name else []

    def start(self):
        # stack entries: (rule, scopes inside the rule incl. contentName,
        #                 scopes of the rule's own begin/end, compiled end)
        root = [self.grammar.get("scopeName", "source")]
        self.stack = [(self.grammar, root, root, None)]

    def _paint(self, scopes, m, base, captures):
        s, e = m.span()
        for i in range(s, e):
            scopes[i] = list(base)
        for k in sorted(captures, key=int):
            g = int(k)
            if g > (m.re.groups if g else 0):
                continue
            gs, ge = m.span(g)
            if gs < 0:
                continue
            extra = self._names(captures[k].get("name"))
            for i in range(gs, ge):
                scopes[i] = scopes[i] + extra

    def line(self, text):
        text += "\n"
        scopes = [None] * len(text)
        pos = 0
        guard = 0
        zero_width = set()
        while pos <= len(text):
            guard += 1
            if guard > 20 * len(text) + 100:
                raise CheckFailure("tokenizer stuck at column %d of %r" % (pos + 1, text))
            rule, inner, outer, end_rx = self.stack[-1]
            best = None  # (start, order, kind, rule, match)
            if end_rx is not None:
                m = end_rx.search(text, pos)
                if m:
                    order = 10 ** 6 if rule.get("applyEndPatternLast") else -1
                    best = (m.start(), order, "end", rule, m)
            for order, cand in enumerate(self.candidates(rule)):
                src = cand.get("match", cand.get("begin"))
                rx = self.rx.get(src, "?")
                if rx is None:
                    continue
                m = rx.search(text, pos)
                if m and (best is None or (m.start(), order) < best[:2]):
                    best = (m.start(), order, "match" if "match" in cand else "begin", cand, m)
            if best is None:
                break
            start, _, kind, cand, m = best
            for i in range(pos, start):
                scopes[i] = list(inner)
            if kind == "end":
                self._paint(scopes, m, outer, rule.get("endCaptures", rule.get("captures", {})))
                self.stack.pop()
                if len(self.stack) == 0:
                    raise CheckFailure("grammar popped its root rule")
            elif kind == "match":
                if m.end() == m.start():
                    raise CheckFailure("match pattern %r matches the empty string at column %d of %r"
                                       % (cand["match"], start + 1, text))
                self._paint(scopes, m, inner + self._names(cand.get("name")), cand.get("captures", {}))
            else:
                own = inner + self._names(cand.get("name"))
                self._paint(scopes, m, own, cand.get("beginCaptures", cand.get("captures", {})))
                end_src = re.sub(r"\\(\d+)",
                                 lambda b: re.escape(m.group(int(b.group(1))) or ""), cand["end"])
                end_rx = self.rx.get(end_src, "end of %r" % cand["begin"])
                if end_rx is None:
                    raise CheckFailure("end pattern of %r cannot be compiled" % cand["begin"])
                self.stack.append((cand, own + self._names(cand.get("contentName")), own, end_rx))
            if m.end() == pos:
                # A zero-width begin or end does not advance: the same rule
                # stack at the same column again means the grammar loops.
                state = tuple(id(entry[0]) for entry in self.stack)
                if state in zero_width:
                    raise CheckFailure("a zero-width %s loops at column %d of %r" % (kind, pos + 1, text))
                zero_width.add(state)
            else:
                zero_width = set()
            pos = m.end()
        rule, inner, _, _ = self.stack[-1]
        for i in range(len(text)):
            if scopes[i] is None:
                scopes[i] = list(inner)
        return scopes[:-1]


# ---- 4. An independent reading of the lines --------------------------------------

class Reader:
    """Splits lines into code / string / comment spans, and marks the JSON of
    test cases and the inside of test blocks, by counting braces (nothing
    taken from the grammar)."""

    def __init__(self):
        self.depth = 0
        self.pending_test = False
        self.test_depth = None     # depth inside a test block's braces
        self.pending_json = False
        self.json_depth = None     # depth outside the test case's JSON object

    def read(self, line):
        spans = []                 # (kind, start, end)
        in_json = [False] * len(line)
        in_test = [False] * len(line)
        i = 0
        n = len(line)
        code_start = 0
        while i < n:
            c = line[i]
            if self.json_depth is not None:
                in_json[i] = True
            if self.test_depth is not None:
                in_test[i] = True
            if c == '"':
                if code_start < i:
                    spans.append(("code", code_start, i))
                j = i + 1
                while j < n and line[j] != '"':
                    j += 2 if line[j] == "\\" else 1
                j = min(j + 1, n)
                for k in range(i, j):
                    in_json[k] = self.json_depth is not None
                    in_test[k] = self.test_depth is not None
                spans.append(("string", i, j))
                i = code_start = j
                continue
            if line.startswith("//", i) and self.json_depth is None:
                if code_start < i:
                    spans.append(("code", code_start, i))
                spans.append(("comment", i, n))
                i = code_start = n
                break
            m = re.compile(NAME).match(line, i)
            if m and (i == 0 or not (line[i - 1].isalnum() or line[i - 1] == "_")):
                word = m.group()
                if word == "test" and self.depth == 1 and self.json_depth is None:
                    self.pending_test = True
                elif word == "case" and self.test_depth is not None and self.depth == self.test_depth:
                    self.pending_json = True
                for k in range(i, m.end()):
                    in_json[k] = self.json_depth is not None
                    in_test[k] = self.test_depth is not None
                i = m.end()
                continue
            if c == "{":
                if self.pending_json:
                    self.json_depth = self.depth
                    self.pending_json = False
                    in_json[i] = True
                elif self.pending_test:
                    self.test_depth = self.depth + 1
                    self.pending_test = False
                    in_test[i] = True
                self.depth += 1
            elif c == "}":
                self.depth -= 1
                if self.json_depth is not None and self.depth == self.json_depth:
                    self.json_depth = None
                elif self.test_depth is not None and self.depth < self.test_depth:
                    self.test_depth = None
            i += 1
        if code_start < n:
            spans.append(("code", code_start, n))
        return spans, in_json, in_test


def has_scope(scopes, prefix):
    return any(s == prefix or s.startswith(prefix + ".") for s in scopes)


class Checker:
    def __init__(self):
        self.failures = []
        self.counts = {}

    def count(self, what):
        self.counts[what] = self.counts.get(what, 0) + 1

    def expect(self, where, what, text, scopes, start, end, prefix, negate=False):
        bad = [i for i in range(start, end) if has_scope(scopes[i], prefix) == negate]
        self.count(what)
        if bad:
            i = bad[0]
            self.failures.append("%s:%d: %s `%s` %s a `%s*` scope (scopes at column %d: %s)"
                                 % (where, start + 1, what, text[start:end],
                                    "has" if negate else "lacks", prefix, i + 1,
                                    " ".join(scopes[i])))


LITERAL_CHECKS = [
    # (what, regex, group, scope prefix)
    # A time of day; the `02:00` of the zone `UTC-02:00` is part of the zone.
    ("time", r"(?<!GMT[+-])(?<!UTC[+-])\d\d:\d\d", 0, "constant.numeric"),
    ("date", r"\b\d{4}-\d\d-\d\d\b", 0, "constant.numeric"),
    ("timestamp", r"\b\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d)", 0, "constant.numeric"),
    ("money amount", r"\b(\d+(?:\.\d+)?)\s+[A-Z]{3}\b", 1, "constant.numeric"),
    ("currency", r"\b\d+(?:\.\d+)?\s+([A-Z]{3})\b", 1, "support.constant.currency"),
    ("currency", r"\bcurrency\s+([A-Z]{3})\b", 1, "support.constant.currency"),
    ("percentage", r"\b\d+(?:\.\d+)?%", 0, "constant.numeric"),
    ("duration", r"\b(\d+(?:\.\d+)?)\s+(?:working|calendar)\b", 1, "constant.numeric"),
    ("number", r"(?<![\w.:+/-])\d+(?![\w.:%/-])", 0, "constant.numeric"),
    ("zone", r"\b(?:GMT|UTC)(?:[+-]\d\d?(?::\d\d)?)?(?![\w:+-])", 0, "constant.other"),
    ("zone", r"\b[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)+", 0, "constant.other"),
    ("weekday", r"\b(?:%s)\b" % "|".join(WEEKDAYS), 0, "constant.language"),
    ("24/7", r"24/7", 0, "constant.language"),
    ("range operator", r"\.\.", 0, "keyword.operator"),
    ("operator", r"!=|<=|>=|(?<![<>!])=|<(?!=)|>(?!=)|\||(?<!\d):(?!\d)|,", 0, "keyword.operator"),
    ("plan name", r"\bplan\s+(%s)\b(?!\.)" % NAME, 1, "entity.name"),
    ("rule name", r"\b(?:reject|not_covered|limited|lower)\s+(%s)\b" % NAME, 1, "entity.name"),
    ("rule name", r"\boutside\s+(?:plan|guarantee)\s+(%s)\b" % NAME, 1, "entity.name"),
    ("hours name", r"\bhours\s+(%s)\s*=" % NAME, 1, "entity.name"),
    ("holidays name", r"\bholidays\s+(%s)\b" % NAME, 1, "entity.name"),
]
LITERAL_RX = [(w, re.compile(r), g, p) for w, r, g, p in LITERAL_CHECKS]
JSON_CHECKS = [
    ("JSON number", re.compile(r"-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b"), "constant.numeric"),
    ("JSON constant", re.compile(r"\b(?:true|false|null)\b"), "constant.language"),
]
WORD_RX = re.compile(r"(?<![A-Za-z0-9_])%s(?![A-Za-z0-9_])" % NAME)


def name_positions(code):
    """Columns of words that the grammar of the language puts in a name
    position although they are spelled like keywords: field names and the
    values of a field declaration (`priority: P1 > P2`, `cause: bug | error`),
    enum values after `|`, the field after `urgency`."""
    names = set()
    m = re.match(r"\s*(%s)\s*:" % NAME, code)
    if m and m.group(1) not in RESERVED:
        names.add(m.start(1))
        for w in WORD_RX.finditer(code, m.end()):
            if w.group() not in TYPE_WORDS and w.group() not in RESERVED:
                names.add(w.start())
    for m in re.finditer(r"\|\s*(%s)" % NAME, code):
        names.add(m.start(1))
    for m in re.finditer(r"\burgency\s+(%s)" % NAME, code):
        names.add(m.start(1))
    return names


def reason_ids(code):
    """Columns of the reason id after `rule` in a test's expectation
    (`rule guarantee`): an id, scoped as a rule's name, whatever it spells."""
    return {m.start(1) for m in re.finditer(r"\brule\s+(%s)" % NAME, code)}


def check_lines(where, lines, tok, checker):
    reader = Reader()
    tok.start()
    for lineno, line in enumerate(lines, 1):
        loc = "%s:%d" % (where, lineno)
        scopes = tok.line(line)
        spans, in_json, in_test = reader.read(line)
        # Blank out strings and comments so regexes over the line see code only.
        code = list(line)
        for kind, s, e in spans:
            if kind != "code":
                for i in range(s, e):
                    code[i] = " "
        code = "".join(code)
        for kind, s, e in spans:
            if kind == "comment":
                checker.expect(loc, "comment", line, scopes, s, len(line.rstrip()), "comment.line.double-slash")
            elif kind == "string":
                checker.expect(loc, "string", line, scopes, s, e, "string")
                if in_json[s]:
                    m = re.match(r'"(?:[^"\\]|\\.)*"(?=\s*:)', line[s:])
                    if m:
                        checker.expect(loc, "JSON key", line, scopes, s, e, "support.type.property-name")
                else:
                    for m in re.finditer(r'\\["\\nt]', line[s:e]):
                        checker.expect(loc, "escape", line, scopes, s + m.start(), s + m.end(),
                                       "constant.character.escape")
        # Code outside test JSON: keywords, name positions, literals.
        plain = "".join(" " if in_json[i] else code[i] for i in range(len(line)))
        names = name_positions(plain)
        ids = reason_ids(plain)
        dotted = set()
        for m in re.finditer(r"(?<![\w.])%s(?:\.%s)+" % (NAME, NAME), plain):
            dotted.update(range(m.start(), m.end()))
            for part in re.finditer(NAME, m.group()):
                checker.expect(loc, "reference", line, scopes, m.start() + part.start(),
                               m.start() + part.end(), "variable")
        for m in WORD_RX.finditer(plain):
            word, s, e = m.group(), m.start(), m.end()
            if s in ids:
                checker.expect(loc, "reason id", line, scopes, s, e, "entity.name")
                continue
            if s in names:
                if word in KEYWORDS:
                    checker.expect(loc, "name spelled like a keyword", line, scopes, s, e, "keyword", negate=True)
                checker.expect(loc, "name", line, scopes, s, e, "variable")
                continue
            if word not in KEYWORDS or s in dotted:
                continue
            if word in TEST_ONLY and not in_test[s]:
                continue
            checker.expect(loc, "keyword", line, scopes, s, e, "keyword")
        for what, rx, group, prefix in LITERAL_RX:
            for m in rx.finditer(plain):
                checker.expect(loc, what, line, scopes, m.start(group), m.end(group), prefix)
        # Test JSON: numbers and constants (strings and keys checked above).
        json_code = "".join(code[i] if in_json[i] else " " for i in range(len(line)))
        for what, rx, prefix in JSON_CHECKS:
            for m in rx.finditer(json_code):
                checker.expect(loc, what, line, scopes, m.start(), m.end(), prefix)
    if len(tok.stack) != 1:
        checker.failures.append("%s: the file ends inside `%s` (a begin/end rule never closed)"
                                % (where, tok.stack[-1][0].get("begin")))


def main():
    problems = []
    grammar = check_files(problems)
    if grammar is None:
        return fail(problems)
    regexes = Regexes()
    walk_rules(grammar, regexes, problems)
    for where, message in regexes.errors:
        problems.append("grammar: %s does not compile: %s" % (where, message))
    if problems:
        return fail(problems)

    policies = sorted(glob.glob(POLICY_GLOB))
    if not policies:
        return fail(["no policies found at %s" % os.path.relpath(POLICY_GLOB, ROOT)])
    tok = Tokenizer(grammar, regexes)
    checker = Checker()
    nlines = 0
    try:
        for path in policies:
            with open(path, encoding="utf-8-sig") as f:
                lines = f.read().splitlines()
            nlines += len(lines)
            check_lines(os.path.relpath(path, ROOT), lines, tok, checker)
        sample = SAMPLE.splitlines()
        check_lines("<sample in check_grammar.py>", sample, tok, checker)
    except CheckFailure as e:
        return fail(["tokenizer: %s" % e])

    # The checks must have had something to check.
    for what in ("comment", "string", "keyword", "time", "escape", "date", "timestamp", "money amount",
                 "currency", "percentage", "zone", "weekday", "24/7", "range operator", "operator",
                 "plan name", "rule name", "hours name", "holidays name", "reference",
                 "JSON key", "JSON number", "JSON constant", "name spelled like a keyword"):
        if not checker.counts.get(what):
            checker.failures.append("nothing of kind `%s` was checked: the inputs or the checker changed" % what)
    if checker.failures:
        return fail(checker.failures)

    c = checker.counts
    print("check_grammar: OK: %d regexes compiled (%d translated, %d skipped%s), "
          "%d lines of %d policies + %d sample lines tokenized (external %s not available: JSON fallback used); "
          "checked %d comments, %d strings, %d keywords, %d times, %d other literals and names"
          % (regexes.compiled, regexes.translated, len(regexes.skipped),
             (": " + "; ".join("%s (%s)" % s for s in regexes.skipped)) if regexes.skipped else "",
             nlines, len(policies), len(sample),
             ", ".join(sorted(tok.missing_external)) or "grammars",
             c.get("comment", 0), c.get("string", 0), c.get("keyword", 0), c.get("time", 0),
             sum(v for k, v in c.items() if k not in ("comment", "string", "keyword", "time"))))
    return 0


def fail(problems):
    limit = 60
    for p in problems[:limit]:
        print("check_grammar: FAIL: %s" % p, file=sys.stderr)
    if len(problems) > limit:
        print("check_grammar: FAIL: ... and %d more" % (len(problems) - limit), file=sys.stderr)
    print("check_grammar: %d problem(s) in %s" % (len(problems), os.path.relpath(GRAMMAR_PATH, ROOT)),
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
