"""Parse suppression comments into line ranges.

    <!-- factcheck-disable rule.id: reason -->        from this line ...
    <!-- factcheck-enable -->                          ... to this one (or the end of the file)
    <!-- factcheck-disable-next-line rule.id: reason -->   the next non-blank line only

Several ids may be given (``a.b, c.d: reason``); ``family.*`` or ``*`` cover many rules;
``factcheck-enable rule.id`` ends only that rule's range. A reason is required: a directive without
one suppresses nothing and is reported as a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENER = re.compile(r"<!--\s*factcheck-(disable-next-line|disable|enable)\b")
_CLOSER = "-->"


@dataclass(frozen=True)
class Suppression:
    rules: tuple[str, ...]
    reason: str
    first_line: int
    last_line: int  # inclusive; a very large number for "to the end"
    line: int = 0  # where the directive itself is (1-based line and column)
    column: int = 0

    def covers(self, rule: str, line: int) -> bool:
        return self.first_line <= line <= self.last_line and any(rule_matches(rule, r) for r in self.rules)


@dataclass(frozen=True)
class Directive:
    """A malformed directive (no rule id or no reason), for the report."""

    line: int
    column: int
    problem: str


def rule_matches(rule: str, pattern: str) -> bool:
    if pattern == "*":
        return True
    if pattern.endswith("*"):
        return rule.startswith(pattern[:-1])
    return rule == pattern


def _line_col(starts: list[int], offset: int) -> tuple[int, int]:
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def _comments(source: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, kind, body)`` of each ``<!-- factcheck-KIND body -->``, in linear time.

    The obvious ``<!--\\s*factcheck-...(.*?)-->`` is quadratic: from every opener without a closer the
    lazy group scans to the end of the text (300 KB of openers took 32 s). Here each opener looks for
    the next ``-->`` once, and the scan resumes after it; with no ``-->`` left, nothing later can close.
    """
    out: list[tuple[int, int, str, str]] = []
    pos = 0
    while (m := _OPENER.search(source, pos)) is not None:
        close = source.find(_CLOSER, m.end())
        if close < 0:
            break
        out.append((m.start(), close + len(_CLOSER), m.group(1), source[m.end() : close]))
        pos = close + len(_CLOSER)
    return out


def parse_directives(source: str) -> tuple[list[Suppression], list[Directive]]:
    """Suppressions (by 1-based line of ``source``) and malformed directives."""
    if "factcheck-" not in source:
        return [], []
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    lines = source.split("\n")
    end_of_file = len(lines)
    done: list[Suppression] = []
    bad: list[Directive] = []
    open_ranges: list[tuple[tuple[str, ...], str, int, int]] = []
    for start, end, kind, raw in _comments(source):
        body = " ".join(raw.split())
        line, col = _line_col(starts, start)
        end_line, _ = _line_col(starts, end)
        if kind == "enable":
            ids = tuple(i.strip() for i in body.split(",") if i.strip())
            keep = []
            for rules, reason, first, first_col in open_ranges:
                closing = tuple(r for r in rules if not ids or r in ids)
                if closing:
                    done.append(Suppression(closing, reason, first, end_line, first, first_col))
                rest = tuple(r for r in rules if ids and r not in ids)
                if rest:
                    keep.append((rest, reason, first, first_col))
            open_ranges = keep
            continue
        ids_part, sep, reason = body.partition(":")
        ids = tuple(i.strip() for i in ids_part.split(",") if i.strip())
        if not ids or not sep or not reason.strip():
            what = "a rule id" if not ids else "a reason (factcheck-disable RULE: REASON)"
            bad.append(Directive(line, col, f"factcheck-{kind} needs {what}; nothing suppressed"))
            continue
        if kind == "disable":
            open_ranges.append((ids, reason.strip(), line, col))
        else:
            target = end_line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            done.append(Suppression(ids, reason.strip(), target, target, line, col))
    done.extend(Suppression(rules, reason, first, end_of_file, first, col)
                for rules, reason, first, col in open_ranges)
    return done, bad
