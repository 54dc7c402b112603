"""Pattern files: read safely with positions, validated, compiled; every problem as ``file:line:col``.

A pattern file holds one pattern (a mapping) or a list of them. A set of files with any problem
loads nothing (:class:`PatternLoadError` lists every problem), like rule files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from factcheck.extract.relations import regexcache
from factcheck.extract.relations.compile import Compiled, CompileError, compile_sequence
from factcheck.extract.relations.spec import PatternSpec
from factcheck.load.yamlsource import Positioned, RuleFileError, read_entries, yaml_files

PatternFileError = RuleFileError
MAX_PATTERNS = 2000


class PatternLoadError(Exception):
    """One or more pattern-file problems (``file:line:col: reason`` each)."""

    def __init__(self, problems: list[RuleFileError]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True, eq=False)
class Pattern:
    spec: PatternSpec
    compiled: Compiled
    path: str
    line: int

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def fact(self) -> str:
        return self.spec.fact

    @cached_property
    def requires(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.spec.requires)

    @cached_property
    def unless(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.spec.unless)

    @property
    def slots(self) -> frozenset[str]:
        return frozenset(self.compiled.slots.values())


@dataclass(frozen=True, eq=False)
class PatternSet:
    patterns: tuple[Pattern, ...]
    digest: str
    sources: tuple[str, ...] = ()
    by_fact: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.patterns)

    @cached_property
    def _gates(self) -> tuple[dict[str, int], tuple[tuple[int, Pattern], ...]]:
        """Every distinct set of codes some pattern needs one of, numbered: each code -> the bit mask of the
        sets it is in, and each pattern (in priority order) with the mask of the sets it needs."""
        ids: dict[frozenset[str], int] = {}
        needs: list[tuple[int, Pattern]] = []
        for p in self.patterns:
            need = 0
            for req in (*p.compiled.required, *([p.requires] if p.requires else [])):
                need |= 1 << ids.setdefault(req, len(ids))
            needs.append((need, p))
        masks: dict[str, int] = {}
        for req, i in ids.items():
            for code in req:
                masks[code] = masks.get(code, 0) | 1 << i
        return masks, tuple(needs)

    @cached_property
    def _triggers(self) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...], tuple[int, ...]]:
        """Each pattern (by position) indexed under the codes of its smallest needed set; the patterns that
        need none; the need mask of each pattern."""
        _, needs = self._gates
        index: dict[str, list[int]] = {}
        always: list[int] = []
        for i, p in enumerate(self.patterns):
            sets = [*p.compiled.required, *([p.requires] if p.requires else [])]
            if not sets:
                always.append(i)
                continue
            for code in min(sets, key=len):
                index.setdefault(code, []).append(i)
        return {k: tuple(v) for k, v in index.items()}, tuple(always), tuple(n for n, _ in needs)

    def candidates(self, words: frozenset[str]) -> list[Pattern]:
        """The patterns that can match a sentence holding ``words`` (in priority order): those for which
        the sentence holds one code of every set of codes the pattern needs."""
        masks, _ = self._gates
        index, always, needs = self._triggers
        held = 0
        for w in self._gate_codes.intersection(words):  # C-level: only the codes some pattern needs
            held |= masks[w]
        picked = set(always)
        for w in self._trigger_codes.intersection(words):
            picked.update(index[w])
        patterns = self.patterns
        missing = ~held
        return [patterns[i] for i in sorted(picked) if not needs[i] & missing]

    @cached_property
    def _gate_codes(self) -> frozenset[str]:
        return frozenset(self._gates[0])

    @cached_property
    def _trigger_codes(self) -> frozenset[str]:
        return frozenset(self._triggers[0])

    def merged(self, other: PatternSet) -> PatternSet:
        """This set plus ``other``'s patterns. An id in both is a load error, unless both are the same
        pattern read from the same file (a shipped file named again on the command line)."""
        ids = {p.id: p for p in self.patterns}
        added: list[Pattern] = []
        for p in other.patterns:
            mine = ids.get(p.id)
            if mine is None:
                added.append(p)
            elif not _same_place(mine, p):
                raise PatternLoadError([RuleFileError(p.path, p.line, 1, f"duplicate pattern id {p.id!r} (also in "
                                                                          f"{mine.path}:{mine.line})")])
        sources = (*self.sources, *(s for s in other.sources if s not in self.sources))
        return _pattern_set((*self.patterns, *added), sources)


def _same_place(a: Pattern, b: Pattern) -> bool:
    return a.line == b.line and Path(a.path).resolve() == Path(b.path).resolve()


def _pattern_set(patterns: tuple[Pattern, ...], sources: tuple[str, ...]) -> PatternSet:
    active = tuple(sorted((p for p in patterns if p.spec.enabled), key=lambda p: (-p.spec.priority, p.id)))
    by_fact: dict[str, list[Pattern]] = {}
    for p in active:
        by_fact.setdefault(p.fact, []).append(p)
    h = hashlib.sha256()
    for p in patterns:
        h.update(p.spec.model_dump_json().encode())
    return PatternSet(active, h.hexdigest()[:16], sources, {k: tuple(v) for k, v in by_fact.items()})


def load_patterns(paths: Iterable[str | Path], known_facts: dict[str, frozenset[str]] | None = None) -> PatternSet:
    """Load every pattern under ``paths``. ``known_facts`` maps fact names to the slots their builder
    needs (default: the registered builders). Raises :class:`PatternLoadError`."""
    if known_facts is None:
        from factcheck.extract.builders import required_slots

        known_facts = required_slots()
    problems: list[RuleFileError] = []
    out: list[Pattern] = []
    seen: dict[str, str] = {}
    files = yaml_files(paths)
    try:
        return _load(files, known_facts, problems, out, seen)
    finally:
        regexcache.flush()  # the regexes compiled afresh, for the next process


def _load(files: list[Path], known_facts: dict[str, frozenset[str]], problems: list[RuleFileError],
          out: list[Pattern], seen: dict[str, str]) -> PatternSet:
    for entry in read_entries(files, "pattern", problems):
        doc, loc = entry.doc, entry.loc
        try:
            pat = _compile(entry.item, doc, loc, known_facts)
        except RuleFileError as exc:
            problems.append(exc)
            continue
        if pat.id in seen:
            problems.append(doc.error((*loc, "id"), f"duplicate pattern id {pat.id!r} (also in {seen[pat.id]})"))
            continue
        seen[pat.id] = f"{doc.path}:{pat.line}"
        out.append(pat)
    if len(out) > MAX_PATTERNS:
        problems.append(RuleFileError("<patterns>", 1, 1, f"{len(out)} patterns; the limit is {MAX_PATTERNS}"))
    if problems:
        raise PatternLoadError(problems)
    return _pattern_set(tuple(out), tuple(str(f) for f in files))


def _compile(item: object, doc: Positioned, loc: tuple[str | int, ...], known: dict[str, frozenset[str]]) -> Pattern:
    if not isinstance(item, dict):
        raise doc.error(loc, f"a pattern must be a mapping, got {type(item).__name__}")
    try:
        spec = PatternSpec.model_validate(item)
    except ValidationError as exc:
        err = exc.errors()[0]
        eloc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x.startswith(("list[", "function-"))))
        if err["type"] == "extra_forbidden":
            raise doc.error((*loc, *eloc, "__key__"), f"unknown key {eloc[-1]!r}") from None
        name = ".".join(str(x) for x in eloc) or "pattern"
        raise doc.error((*loc, *eloc), f"{name}: {err['msg']}") from None
    if spec.fact not in known:
        raise doc.error((*loc, "fact"), f"unknown fact {spec.fact!r} (known: {', '.join(sorted(known))})")
    try:
        compiled = compile_sequence(spec.sequence)
    except CompileError as exc:
        raise doc.error((*loc, *exc.loc), exc.reason) from None
    slots = set(compiled.slots.values())
    missing = known[spec.fact] - slots - set(spec.set)
    if missing:
        raise doc.error((*loc, "sequence"), f"a {spec.fact} pattern must capture slot(s) "
                        f"{', '.join(sorted(missing))} (with `as:`)")
    line, _ = doc.where((*loc, "id"))
    return Pattern(spec, compiled, doc.path, line)

