"""Compiled rules on durable-rules (a Rete engine written in C), with every guard ENGINE-NOTES asks for.

The engine's process-wide state is wrapped here and nowhere else:
- a private ``Host`` whose ``_run`` starts no timer threads, so actions run inside ``assert_*``;
- a ruleset name unique per instance (names cannot be registered twice, nor replaced);
- one document (sid) at a time per instance, under a lock; ``delete_state`` in ``finally``;
- an end rule and an end-marker fact asserted last, so every sid has fired an action before it is
  deleted and pending actions are flushed after ``MessageNotHandledException``;
- every join pattern ends with an always-true ``_k`` test against the previous alias (SIGSEGV guard);
- ``or`` never inside a join: each DNF branch is its own durable rule;
- aliases renamed ``x0, x1, ...`` so no user alias can collide with engine keywords;
- all arithmetic forced to floating point (durable divides two integers as integers: 7 / 2 == 3, and
  multiplies them in 64 bits, overflowing silently); the Python engine computes in floats too;
- fact values it cannot read left out (``facts_out.engine_values``: exponent-notation numbers crash it),
  and every number sent as a float (across facts it compares 2 and 2.0 as different);
- fields a test reads must exist, and divisors must be non-zero (guards added by ``plan.plan_branch``);
- exceptions in actions recorded and re-raised after the run (durable swallows them).
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from typing import Any

from factcheck.evaluate.engines import EngineFault, Match
from factcheck.evaluate.expr import Arith, Compare, Const, Exists, FieldRef, Operand
from factcheck.evaluate.facts_out import END_KIND, engine_values
from factcheck.evaluate.plan import Pattern
from factcheck.evaluate.rulefiles import RuleSet

_OPS = {"!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}
_ARITH = {"+": "$add", "-": "$sub", "*": "$mul", "/": "$div"}
_instances = itertools.count()  # ruleset names must be unique per process (durable's registry)


class DurableEngine:
    name = "durable"

    def __init__(self, ruleset: RuleSet):
        from durable import engine as durable_engine  # imported here: optional at import time

        self._durable = durable_engine
        self.ruleset = ruleset
        self.ruleset_name = f"factcheck_{ruleset.digest}_{next(_instances)}"
        self._kinds = ruleset.kinds
        self._lock = threading.Lock()
        self._sids = itertools.count(1)
        self._matches: list[Match] = []
        self._faults: list[str] = []
        self._closed = False

        class _QuietHost(durable_engine.Host):  # type: ignore[misc]
            def _run(self) -> None:  # no background timer threads: actions stay synchronous
                return None

        from factcheck.evaluate.rulefiles import MAX_BRANCHES_PER_KIND, branches_per_kind

        for kind, n in branches_per_kind(ruleset.rules).items():
            if n > MAX_BRANCHES_PER_KIND:  # registration would hang forever (measured at 513)
                raise EngineFault(f"{n} engine rules start with {kind}; the limit is {MAX_BRANCHES_PER_KIND}")
        self._host = _QuietHost()
        self._host.register_rulesets({self.ruleset_name: self.definition(with_actions=True)})

    # --- compilation ---------------------------------------------------------------------------
    def definition(self, *, with_actions: bool = False) -> dict[str, Any]:
        """The durable-rules dict ruleset (fresh each call: registration consumes ``run``)."""
        rules: dict[str, Any] = {}
        for index, rule in enumerate(self.ruleset.rules):
            aliases = list(rule.spec.when)
            for b, branch in enumerate(rule.branches):
                names = {p.alias: f"x{i}" for i, p in enumerate(branch.patterns)}
                conds = [{names[p.alias]: self._pattern(p, i, branch.patterns, names)} for i, p in enumerate(branch.patterns)]
                body: dict[str, Any] = {"all": conds}
                if with_actions:
                    body["run"] = self._action(index, [names[a] for a in aliases])
                rules[f"r{index}_b{b}"] = body
        end: dict[str, Any] = {"all": [{"m": {"kind": END_KIND}}]}
        if with_actions:
            end["run"] = _end_action
        rules["end"] = end
        return rules

    @staticmethod
    def _pattern(p: Pattern, i: int, patterns: tuple[Pattern, ...], names: dict[str, str]) -> dict[str, Any]:
        tests: list[Any] = [{"kind": p.kind}]  # the kind test first (a lone $nex spins forever)
        for t in p.all_tests:
            tests.append(_test(t, names))
        if i > 0:  # SIGSEGV guard (#381): end every join with an always-true cross-fact test
            tests.append({"_k": {names[patterns[i - 1].alias]: "_k"}})
        return {"$and": tests}

    def _action(self, index: int, names: list[str]):  # type: ignore[no-untyped-def]
        matches, faults = self._matches, self._faults

        def action(c):  # type: ignore[no-untyped-def]  # exactly one positional argument
            try:
                matches.append(Match(index, tuple(str(c._m[n]["id"]) for n in names)))
            except BaseException as exc:  # durable swallows exceptions in actions: record them
                faults.append(f"action of rule {index} failed: {exc!r}")

        return action

    # --- evaluation ----------------------------------------------------------------------------
    def close(self) -> None:
        """Free the C engine's ruleset (about 280 KB each; durable never frees it on its own)."""
        import durable_rules_engine

        with self._lock:
            if self._closed:
                return
            self._closed = True
            ruleset = self._host.get_ruleset(self.ruleset_name)
            durable_rules_engine.delete_ruleset(ruleset._handle)

    def run(self, facts: list[dict[str, object]]) -> list[Match]:
        d = self._durable
        with self._lock:
            if self._closed:
                raise EngineFault("the engine was closed")
            sid = str(next(self._sids))
            self._matches.clear()
            self._faults.clear()
            try:
                relevant = [_durable_fact(f, sid) for f in facts if f["kind"] in self._kinds]
                if relevant:
                    # Raised when some fact matched no rule; the end marker flushes pending actions.
                    with contextlib.suppress(d.MessageNotHandledException):
                        self._host.assert_facts(self.ruleset_name, relevant)
                self._host.assert_fact(self.ruleset_name, {"id": "__end__", "sid": sid, "kind": END_KIND, "_k": 0})
            except d.MessageObservedException as exc:
                raise EngineFault(f"durable-rules saw a fact twice: {exc.message}") from None
            except Exception as exc:
                raise EngineFault(f"durable-rules failed: {exc}") from None
            finally:
                self._host.delete_state(self.ruleset_name, sid)
            if self._faults:
                raise EngineFault("; ".join(self._faults))
            return sorted(set(self._matches))


def _durable_fact(fact: dict[str, object], sid: str) -> dict[str, object]:
    """The fact as durable-rules gets it: readable values only, every number a float.

    durable-rules compares a number with another fact's number (or an arithmetic result) by type as well
    as value (2 == 2.0 is false across facts, true within one); floats everywhere make 2 == 2.0 again.
    Integers below 2**53 (``engine_values`` drops larger ones) convert exactly.
    """
    out = {key: (value if key == "_k" else float(value)) if type(value) is int
           else (0.0 if value == 0 else value) if type(value) is float  # -0.0 too
           else value
           for key, value in engine_values(fact).items()}  # one pass, no second loop over the copy
    out["sid"] = sid
    return out


def _end_action(c):  # type: ignore[no-untyped-def]
    return None


def _test(t: Compare | Exists, names: dict[str, str]) -> Any:
    if isinstance(t, Exists):
        return {"$ex" if t.present else "$nex": {t.field.name: 1}}
    assert isinstance(t.left, FieldRef)
    rhs = _operand(t.right, t.left.alias, names)
    if isinstance(t.right, Arith):  # -0.0 + 0.0 == 0.0: durable tells -0.0 and 0.0 apart across facts
        rhs = {"$add": {"$l": rhs, "$r": 0.0}}
    if t.op == "==":
        return {t.left.name: rhs}
    return {_OPS[t.op]: {t.left.name: rhs}}


def _operand(op: Operand, owner: str, names: dict[str, str]) -> Any:
    if isinstance(op, Const):
        return op.value
    if isinstance(op, FieldRef):
        return {"$m": op.name} if op.alias == owner else {names[op.alias]: op.name}
    assert isinstance(op, Arith)
    left = _operand(op.left, owner, names)
    right = _operand(op.right, owner, names)
    # Floating point: durable divides ints as ints and overflows int products. A constant is made a float
    # here, as durable cannot evaluate arithmetic of two constants.
    left = float(left) if isinstance(op.left, Const) else {"$mul": {"$l": left, "$r": 1.0}}
    return {_ARITH[op.op]: {"$l": left, "$r": right}}
