"""Differential testing of the two rule engines: random rule sets and facts, run in a subprocess.

A *case* is JSON: ``{"rules": [{"id", "when", "tree"}], "docs": [[fact, ...], ...]}``. ``tree`` is the
``where`` expression as a small JSON tree (so that failing cases can be shrunk); :func:`render` turns it
into the text the rule file carries. Cases run in a worker process (:mod:`diffworker`) under a time limit
because durable-rules can crash (SIGSEGV) or spin; a disagreement between the engines, an exception, a
crash or a hang is a failure, and :func:`shrink` reduces a failing case before it is saved.

Used by ``tests/hardening/test_differential.py`` (bounded) and ``bench/differential.py`` (≥10,000 cases).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import random
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.evaluate.fieldtypes import FieldType, fields_of
from factcheck.model.facts import FACT_TYPES

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SAVED = HERE / "differential"

Case = dict[str, Any]
Tree = list[Any]

# Kinds used for rules: the ones with numbers, strings, bools and choices between them.
KINDS = ("quantity", "timeline_shift", "sequence", "reference_tenure", "tenure_start", "date_mention")

NUMBERS: tuple[int | float, ...] = (
    0, 1, 2, 3, 7, -1, -2, 10, 100, 2025, 2027,
    0.0, 0.5, 1.5, 2.0, 3.0, 3.5, -0.5, 0.1, 0.2, 0.3, 0.30000000000000004, 1e-9,
    2**31, 2**53, 2**53 + 1, 2**62, 1e15, 1e300, -(2**53) - 1,
)  # fmt: skip
CONST_NUMBERS: tuple[int | float, ...] = (
    0,
    1,
    2,
    3,
    7,
    -1,
    -2,
    0.5,
    1.5,
    2.0,
    3.5,
    0.1,
    0.3,
    1e15,
    2025,
    100,
    1e-5,
    1e14,
)
STRINGS: tuple[str, ...] = (
    "a", "b", "A", "", " ", "a ", "2025-10-21", "2025-10-29", "2025-10", "2025", "2026-04", "2024-12-31",
    "é", "日本", "a$b", "$", "$m", 'q"uote', "it's", "back\\slash", "zero\u200bwidth", "\u202eRTL",
    "nul\x00x", "nul\x00y", "\n", "{x.y}", "null", "5", "5.0", "05", "true", "a b", "a!", "a#", "ab",
    "lone\ud800", "\U0001f600", "2025-10-21 ", " 2025-10-21",
)  # fmt: skip


@dataclass(frozen=True)
class FieldInfo:
    name: str
    type: FieldType
    integer: bool


def kind_fields(kind: str) -> list[FieldInfo]:
    model = FACT_TYPES[kind]
    out: list[FieldInfo] = []
    for name, ft in fields_of(kind).items():
        info = model.model_fields.get(name)
        annotation = str(info.annotation) if info is not None else "int"
        out.append(FieldInfo(name, ft, "int" in annotation and "float" not in annotation))
    return out


# --- rendering -------------------------------------------------------------------------------------
def render(tree: Tree) -> str:
    tag = tree[0]
    if tag in ("and", "or"):
        return "(" + f" {tag} ".join(render(t) for t in tree[1:]) + ")"
    if tag == "not":
        return f"(not {render(tree[1])})"
    if tag == "cmp":  # ["cmp", left, op, right, op, right, ...] (chained)
        parts = [render_operand(tree[1])]
        for i in range(2, len(tree), 2):
            parts += [tree[i], render_operand(tree[i + 1])]
        return "(" + " ".join(parts) + ")"
    if tag == "in":  # ["in", operand, [consts], negated]
        items = ", ".join(_const(v) for v in tree[2])
        return f"({render_operand(tree[1])} {'not in' if tree[3] else 'in'} ({items},))"
    if tag == "none":  # ["none", operand, negated]
        return f"({render_operand(tree[1])} is {'not ' if tree[2] else ''}None)"
    raise ValueError(tree)


def render_operand(op: Tree) -> str:
    tag = op[0]
    if tag == "f":
        return f"{op[1]}.{op[2]}"
    if tag == "c":
        return _const(op[1])
    if tag == "neg":
        return f"(-{render_operand(op[1])})"
    if tag == "a":
        return f"({render_operand(op[2])} {op[1]} {render_operand(op[3])})"
    raise ValueError(op)


def _const(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return repr(v)
    return repr(v) if not (isinstance(v, int | float) and v < 0) else f"({v!r})"


def rule_yaml_items(case: Case) -> list[dict[str, object]]:
    return [
        {
            "id": r["id"],
            "severity": "error",
            "title": "t",
            "when": r["when"],
            "where": render(r["tree"]),
            "message": "m",
        }
        for r in case["rules"]
    ]


# --- generation ------------------------------------------------------------------------------------
class Gen:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def case(self) -> Case:
        rng = self.rng
        n_rules = rng.choice((1, 1, 1, 2, 3, 4))
        pool = rng.sample(KINDS, rng.choice((1, 1, 2, 3)))
        rules = []
        for r in range(n_rules):
            n_alias = rng.choice((1, 1, 2, 2, 2, 3, 4))
            same = rng.random() < 0.5
            kinds = [pool[0] if same else rng.choice(pool) for _ in range(n_alias)]
            when = {f"{'abcd'[i]}{rng.choice(('', 'x', '_1'))}": k for i, k in enumerate(kinds)}
            rules.append({"id": f"t.r{r}", "when": when, "tree": self.expr(when, rng.choice((1, 2, 3)))})
        max_alias = max(len(r["when"]) for r in rules)
        per_kind = {1: 300, 2: 40, 3: 12, 4: 7}[max_alias]
        big = rng.random() < 0.1
        docs = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            n = (
                rng.randint(200, per_kind)
                if big and max_alias <= 2 and per_kind >= 200
                else rng.randint(0, min(per_kind, 12))
            )
            docs.append(self.facts(pool, n))
        return {"rules": rules, "docs": docs}

    # expressions
    def expr(self, when: dict[str, str], depth: int) -> Tree:
        rng = self.rng
        if depth <= 1 or rng.random() < 0.35:
            return self.atom(when)
        r = rng.random()
        if r < 0.15:
            return ["not", self.expr(when, depth - 1)]
        tag = "and" if r < 0.7 else "or"
        return [tag, *(self.expr(when, depth - 1) for _ in range(rng.choice((2, 2, 3))))]

    def field(
        self, when: dict[str, str], base: str | None = None, alias: str | None = None
    ) -> tuple[Tree, FieldInfo] | None:
        rng = self.rng
        aliases = [alias] if alias else list(when)
        rng.shuffle(aliases)
        for a in aliases:
            fs = [f for f in kind_fields(when[a]) if base is None or f.type.base == base]
            if fs:
                f = rng.choice(fs)
                return ["f", a, f.name], f
        return None

    def atom(self, when: dict[str, str]) -> Tree:
        rng = self.rng
        aliases = list(when)
        # Bias towards tests on the last alias, which joins it to the earlier ones.
        alias = aliases[-1] if rng.random() < 0.5 else rng.choice(aliases)
        base = rng.choice(("number", "number", "number", "string", "string", "bool"))
        picked = self.field(when, base, alias) or self.field(when, base) or self.field(when, None, alias)
        assert picked is not None
        left, info = picked
        base = info.type.base
        r = rng.random()
        if r < 0.12:
            return ["none", left, rng.random() < 0.5]
        if r < 0.22:
            items = [self.const(info) for _ in range(rng.randint(1, 3))]
            return ["in", left, items, rng.random() < 0.4]
        ops = ("==", "!=") if base == "bool" else ("==", "!=", "<", "<=", ">", ">=")
        right = self.operand(when, info, 2)
        if base == "number" and rng.random() < 0.25:  # arithmetic around the field: a.x - a.y > 3
            other = self.field(when, "number", alias if rng.random() < 0.7 else None)
            if other is not None:
                left = ["a", rng.choice("+-*/"), left, other[0] if rng.random() < 0.8 else ["c", self.const(info)]]
        tree: Tree = ["cmp", left, rng.choice(ops), right]
        if base != "bool" and rng.random() < 0.05:  # chained
            tree += [rng.choice(ops), self.operand(when, info, 1)]
        if rng.random() < 0.3:  # put the field on the right sometimes
            tree = ["cmp", right, _flip(tree[2]), left] if len(tree) == 4 else tree
        return tree

    def operand(self, when: dict[str, str], info: FieldInfo, depth: int) -> Tree:
        rng = self.rng
        r = rng.random()
        if r < 0.4:
            return ["c", self.const(info)]
        if info.type.base != "number" or depth <= 0 or r < 0.75:
            picked = self.field(when, info.type.base)
            if picked is None:
                return ["c", self.const(info)]
            return picked[0]
        if rng.random() < 0.1:
            return ["neg", self.operand(when, info, depth - 1)]
        return ["a", rng.choice("+-*/"), self.operand(when, info, depth - 1), self.operand(when, info, depth - 1)]

    def const(self, info: FieldInfo) -> object:
        rng = self.rng
        if info.type.choices:
            return rng.choice(info.type.choices)
        if info.type.base == "bool":
            return rng.random() < 0.5
        if info.type.base == "string":
            return rng.choice(STRINGS)
        return rng.choice(CONST_NUMBERS)

    # facts
    def facts(self, kinds: list[str], n: int) -> list[dict[str, object]]:
        rng = self.rng
        out: list[dict[str, object]] = []
        extra = [k for k in KINDS if k not in kinds]
        missing = rng.choice((0.0, 0.1, 0.3, 0.6))
        narrow = rng.random() < 0.5  # small value pools: many equal values
        for i in range(1, n + 1):
            if out and rng.random() < 0.08:  # a duplicate of an earlier fact under a new id
                dup = dict(rng.choice(out))
                dup["id"] = f"f{i}"
                out.append(dup)
                continue
            kind = rng.choice(kinds) if rng.random() < 0.9 or not extra else rng.choice(extra)
            fact: dict[str, object] = {"id": f"f{i}", "kind": kind, "_k": 0}
            for info in kind_fields(kind):
                if rng.random() < missing:
                    continue
                fact[info.name] = self.value(info, narrow)
            out.append(fact)
        return out

    def value(self, info: FieldInfo, narrow: bool) -> object:
        rng = self.rng
        if rng.random() < 0.02:
            return None  # engine_fact leaves None out; other callers may not
        if info.type.choices:
            return rng.choice(info.type.choices)
        if info.type.base == "bool":
            return rng.random() < 0.5
        if info.type.base == "string":
            return rng.choice(STRINGS[:4] if narrow else STRINGS)
        v = rng.choice(NUMBERS[:6] if narrow else NUMBERS) if rng.random() < 0.8 else rng.randint(-5, 5)
        if rng.random() < 0.15:
            v = float(v) if isinstance(v, int) and abs(v) < 2**60 else v
        return v


def _flip(op: str) -> str:
    return {"<": ">", "<=": ">=", ">": "<", ">=": "<="}.get(op, op)


def generate(seed: str | int) -> Case:
    return Gen(random.Random(seed)).case()


# --- running in a worker process -------------------------------------------------------------------
@dataclass
class Outcome:
    status: str  # ok | rejected | disagree | error | crash | hang
    detail: str = ""
    bad_docs: list[int] = field(default_factory=list)
    matches: int = 0

    @property
    def failed(self) -> bool:
        return self.status not in ("ok", "rejected")


class Worker:
    """A ``diffworker`` subprocess: one JSON case per line in, one JSON outcome per line out."""

    def __init__(self, timeout: float = 20.0, recycle: int = 400):
        self.timeout, self.recycle = timeout, recycle
        self.proc: subprocess.Popen[bytes] | None = None
        self.served = 0
        self.starts = 0
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115  (lives as long as the worker)

    def _start(self) -> subprocess.Popen[bytes]:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)]), "PYTHONFAULTHANDLER": "1"}
        self._stderr.seek(0)
        self._stderr.truncate()
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "diffworker.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=env,
        )
        self.served = 0
        self.starts += 1
        return self.proc

    def stop(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            self.proc = None

    def _stderr_tail(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")[-600:].strip()

    def run(self, case: Case, timeout: float | None = None) -> Outcome:
        if self.proc is None or self.proc.poll() is not None or self.served >= self.recycle:
            self.stop()
            self._start()
        proc = self.proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        self.served += 1
        try:
            proc.stdin.write(json.dumps(case).encode() + b"\n")
            proc.stdin.flush()
        except BrokenPipeError:
            pass
        limit = timeout or self.timeout
        ready, _, _ = select.select([proc.stdout], [], [], limit)
        if not ready:
            tail = self._stderr_tail()
            self.stop()
            return Outcome("hang", f"no answer within {limit:.0f} s; stderr: {tail}")
        line = proc.stdout.readline()
        if not line:
            rc = proc.wait()
            tail = self._stderr_tail()
            self.proc = None
            return Outcome("crash", f"worker died with exit code {rc}; stderr: {tail}")
        data = json.loads(line)
        return Outcome(data["status"], data.get("detail", ""), data.get("bad_docs", []), data.get("matches", 0))


# --- shrinking -------------------------------------------------------------------------------------
def _size(case: Case) -> int:
    return len(json.dumps(case))


def _tree_candidates(tree: Tree) -> list[Tree]:
    """Simpler variants of a where tree (one step each)."""
    out: list[Tree] = []
    tag = tree[0]
    if tag in ("and", "or"):
        out += [copy.deepcopy(t) for t in tree[1:]]
        if len(tree) > 3:
            out += [[tag, *(t for j, t in enumerate(tree[1:]) if j != i)] for i in range(len(tree) - 1)]
        for i, child in enumerate(tree[1:], start=1):
            for c in _tree_candidates(child):
                out.append([*tree[:i], c, *tree[i + 1 :]])
    elif tag == "not":
        out.append(copy.deepcopy(tree[1]))
        out += [["not", c] for c in _tree_candidates(tree[1])]
    elif tag == "cmp":
        if len(tree) > 4:
            out.append(tree[:4])
        for i in range(1, len(tree), 2):
            for c in _operand_candidates(tree[i]):
                out.append([*tree[:i], c, *tree[i + 1 :]])
    elif tag == "in" and len(tree[2]) > 1:
        out += [["in", tree[1], [v], tree[3]] for v in tree[2]]
    return out


def _operand_candidates(op: Tree) -> list[Tree]:
    out: list[Tree] = []
    if op[0] == "a":
        out += [copy.deepcopy(op[2]), copy.deepcopy(op[3])]
        out += [["a", op[1], c, op[3]] for c in _operand_candidates(op[2])]
        out += [["a", op[1], op[2], c] for c in _operand_candidates(op[3])]
    elif op[0] == "neg":
        out.append(copy.deepcopy(op[1]))
    elif op[0] == "c" and isinstance(op[1], int | float) and not isinstance(op[1], bool) and op[1] not in (0, 1):
        out += [["c", 0], ["c", 1]]
    return out


def _candidates(case: Case, bad_docs: list[int]) -> list[Case]:
    out: list[Case] = []
    docs = case["docs"]
    if len(docs) > 1:
        keep = [docs[i] for i in bad_docs[:1]] if bad_docs else [docs[0]]
        out.append({**case, "docs": keep})
        out += [{**case, "docs": [d for j, d in enumerate(docs) if j != i]} for i in range(len(docs))]
    rules = case["rules"]
    if len(rules) > 1:
        out += [{**case, "rules": [r for j, r in enumerate(rules) if j != i]} for i in range(len(rules))]
    for di, doc in enumerate(docs):
        # halves first (fast on big documents), then single facts
        if len(doc) > 8:
            half = len(doc) // 2
            for part in (doc[:half], doc[half:]):
                out.append({**case, "docs": [*docs[:di], part, *docs[di + 1 :]]})
        for fi in range(len(doc)):
            out.append({**case, "docs": [*docs[:di], doc[:fi] + doc[fi + 1 :], *docs[di + 1 :]]})
    for ri, rule in enumerate(rules):
        for t in _tree_candidates(rule["tree"]):
            out.append({**case, "rules": [*rules[:ri], {**rule, "tree": t}, *rules[ri + 1 :]]})
        used = json.dumps(rule["tree"])
        for alias in rule["when"]:
            if f'"{alias}"' not in used and len(rule["when"]) > 1:
                when = {a: k for a, k in rule["when"].items() if a != alias}
                out.append({**case, "rules": [*rules[:ri], {**rule, "when": when}, *rules[ri + 1 :]]})
    for di, doc in enumerate(docs):
        for fi, fact in enumerate(doc):
            for key in fact:
                if key not in ("id", "kind", "_k"):
                    smaller = {k: v for k, v in fact.items() if k != key}
                    out.append({**case, "docs": [*docs[:di], [*doc[:fi], smaller, *doc[fi + 1 :]], *docs[di + 1 :]]})
    return out


def shrink(case: Case, outcome: Outcome, run: Callable[[Case], Outcome], budget: int = 600) -> tuple[Case, Outcome]:
    """Greedy reduction: keep any one-step simplification that fails the same way."""
    best, best_out = case, outcome
    tries = 0
    improved = True
    while improved and tries < budget:
        improved = False
        for cand in _candidates(best, best_out.bad_docs):
            if _size(cand) >= _size(best):
                continue
            tries += 1
            out = run(cand)
            if out.status == best_out.status:
                best, best_out = cand, out
                improved = True
                break
            if tries >= budget:
                break
    return best, best_out


def save(case: Case, outcome: Outcome, directory: Path = SAVED, note: str = "") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    blob = json.dumps(case, sort_keys=True)
    name = f"{outcome.status}-{hashlib.sha256(blob.encode()).hexdigest()[:10]}.json"
    path = directory / name
    record = {
        "status": outcome.status,
        "detail": outcome.detail[:2000],
        "note": note,
        "where": {r["id"]: render(r["tree"]) for r in case["rules"]},
        "case": case,
    }
    path.write_text(json.dumps(record, indent=1, ensure_ascii=True) + "\n")
    return path


def saved_cases(directory: Path = SAVED) -> list[Path]:
    return sorted(directory.glob("*.json"))


@dataclass
class Tally:
    cases: int = 0
    documents: int = 0
    facts: int = 0
    matches: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    rejected_reasons: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, case: Case, out: Outcome) -> None:
        self.cases += 1
        self.documents += len(case["docs"])
        self.facts += sum(len(d) for d in case["docs"])
        self.matches += out.matches
        self.statuses[out.status] = self.statuses.get(out.status, 0) + 1
        if out.status == "rejected":
            first = out.detail.split("\n", 1)[0]
            reason = first.split(": ", 1)[-1].removeprefix("where: ")
            reason = reason.split(":")[0].split(" (")[0]
            reason = "not a possible value" if "not a possible value" in reason else reason[:60]
            if "mixes fields" in first:
                reason += " (arithmetic mixing two facts' fields)"
            self.rejected_reasons[reason] = self.rejected_reasons.get(reason, 0) + 1


def run_many(
    n: int, seed: str, *, worker: Worker, on_fail: Callable[[Case, Outcome], None] | None = None, start: int = 0
) -> Tally:
    tally = Tally()
    t0 = time.monotonic()
    for i in range(start, start + n):
        case = generate(f"{seed}:{i}")
        out = worker.run(case)
        tally.add(case, out)
        if out.failed and on_fail is not None:
            on_fail(case, out)
    tally.seconds = time.monotonic() - t0
    return tally
