"""Rule files to compiled rules: discovery, validation, and errors that name file:line:col.

A rule file holds one rule (a mapping) or a list of rules; folders are searched recursively for
``*.yaml``/``*.yml``, in sorted order. All problems in all files are collected, so one run shows them
all; any problem means no rule set (the CLI exits 2 and checks nothing).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factcheck.evaluate.expr import DNF, Conjunction, Exists, ExprError, fields_used, parse_where
from factcheck.evaluate.fieldtypes import all_fields_of, may_be_unset
from factcheck.evaluate.plan import Branch, plan_branch
from factcheck.evaluate.schema import RuleSpec
from factcheck.evaluate.templates import Message, Template, TemplateError, parse_template
from factcheck.load.yamlsource import Positioned, RuleFileError, read_entries, yaml_files
from factcheck.model.facts import FACT_TYPES

MAX_RULES = 300  # durable-rules hangs registering ~513 rules with distinct first tests (ENGINE-NOTES)
MAX_FILES = 2_000
# Each `or` alternative is its own durable rule. Measured (tests/hardening): registration hangs forever
# once more than 512 durable rules start with the same kind test (511 register in 0.3 s, 513 never);
# 600 spread over 10 kinds register in 0.1 s. Kept well below.
MAX_BRANCHES_PER_KIND = 400


class RuleLoadError(Exception):
    """One or more rule-file problems; ``problems`` are ``file:line:col: reason`` errors."""

    def __init__(self, problems: list[RuleFileError]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class CompiledRule:
    spec: RuleSpec
    branches: tuple[Branch, ...]
    message: Message
    evidence: tuple[tuple[str, Template], ...]
    at: str
    path: str
    line: int

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[CompiledRule, ...]
    digest: str
    sources: tuple[str, ...] = field(default=())

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(k for r in self.rules for k in r.spec.when.values())

    def by_id(self, rule_id: str) -> CompiledRule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def only(self, ids: Iterable[str] | None = None, disabled: Iterable[str] = ()) -> RuleSet:
        """A subset: the given ids (all if None) minus ``disabled``."""
        keep = set(ids) if ids is not None else None
        drop = set(disabled)
        rules = tuple(r for r in self.rules if (keep is None or r.id in keep) and r.id not in drop)
        return _ruleset(rules, self.sources)


def load_rules(paths: Iterable[str | Path]) -> RuleSet:
    """Load and compile every rule under ``paths``. Raises :class:`RuleLoadError`."""
    problems: list[RuleFileError] = []
    compiled: list[CompiledRule] = []
    seen: dict[str, str] = {}
    paths = list(paths)
    problems.extend(empty_rule_paths(paths))
    files = yaml_files(paths)
    if len(files) > MAX_FILES:
        raise RuleLoadError([RuleFileError(str(paths), 1, 1, f"more than {MAX_FILES} rule files")])
    for entry in read_entries(files, "rule", problems):
        doc, loc = entry.doc, entry.loc
        try:
            rule = compile_rule(entry.item, doc, loc, entry.text)
        except RuleProblems as exc:
            problems.extend(exc.problems)
            continue
        if rule.id in seen:
            problems.append(doc.error((*loc, "id"), f"duplicate rule id {rule.id!r} (also in {seen[rule.id]})"))
            continue
        seen[rule.id] = f"{doc.path}:{rule.line}"
        compiled.append(rule)
    if len(compiled) > MAX_RULES:
        problems.append(RuleFileError("<rules>", 1, 1, f"{len(compiled)} rules loaded; the limit is {MAX_RULES}"))
    else:
        per_kind = branches_per_kind(compiled)
        for kind, n in sorted(per_kind.items()):
            if n > MAX_BRANCHES_PER_KIND:
                problems.append(
                    RuleFileError(
                        "<rules>",
                        1,
                        1,
                        f"rules whose first fact is {kind} expand to {n} alternatives (each `or` is one engine rule); "
                        f"the limit is {MAX_BRANCHES_PER_KIND}",
                    )
                )
    if problems:
        raise RuleLoadError(problems)
    # a rule written ``enabled: false`` is still read and checked (a broken one is an error), but never runs
    return _ruleset(tuple(r for r in compiled if r.spec.enabled), tuple(str(f) for f in files))


def empty_rule_paths(paths: Iterable[str | Path]) -> list[RuleFileError]:
    """A rule path that does not exist, or a folder with no rule file in it, is a problem: pointed at
    the wrong folder or a typo, a run would otherwise check nothing and pass."""
    out = []
    for p in map(Path, paths):
        if not p.exists():
            out.append(RuleFileError(str(p), 1, 1, "no such rule file or folder"))
        elif p.is_dir() and next((x for x in p.rglob("*") if x.suffix in (".yaml", ".yml") and x.is_file()), None) is None:
            out.append(RuleFileError(str(p), 1, 1, "no rule files (*.yaml, *.yml) in this folder"))
    return out


def branches_per_kind(rules: Iterable[CompiledRule]) -> dict[str, int]:
    """How many engine rules (DNF branches) start with each kind: the durable-rules registration limit."""
    counts: dict[str, int] = {}
    for r in rules:
        first = next(iter(r.spec.when.values()))
        counts[first] = counts.get(first, 0) + len(r.branches)
    return counts


def _ruleset(rules: tuple[CompiledRule, ...], sources: tuple[str, ...]) -> RuleSet:
    canon = json.dumps([r.spec.model_dump(mode="json", by_alias=True) for r in rules], sort_keys=True)
    return RuleSet(rules=rules, digest=hashlib.sha256(canon.encode()).hexdigest()[:16], sources=sources)


class RuleProblems(Exception):
    """Every problem found in one rule (schema, kinds, `where`, message, evidence), in file order."""

    def __init__(self, problems: list[RuleFileError]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def compile_rule(item: object, doc: Positioned, loc: tuple[str | int, ...], text: str) -> CompiledRule:
    """Validate and compile one rule; raises :class:`RuleProblems` listing every problem found in it."""
    if not isinstance(item, dict):
        raise RuleProblems([doc.error(loc, f"a rule must be a mapping, got {type(item).__name__}")])
    try:
        spec = RuleSpec.model_validate(item)
    except ValidationError as exc:
        raise RuleProblems([_schema_problem(doc, loc, err) for err in exc.errors()]) from None
    problems: list[RuleFileError] = []
    for alias, kind in spec.when.items():
        if kind not in FACT_TYPES:
            problems.append(doc.error((*loc, "when", alias), f"unknown fact kind {kind!r} (known: {', '.join(FACT_TYPES)})"))
    if problems:  # nothing below can be checked against unknown kinds
        raise RuleProblems(problems)
    dnf: DNF = ()
    branches: tuple[Branch, ...] = ()
    try:
        dnf = parse_where(spec.where, spec.when)
        branches = tuple(plan_branch(c, spec.when) for c in dnf)
    except ExprError as exc:
        for e in exc.all:
            line, col = _expr_position(doc, (*loc, "where"), text, e.line, e.column)
            problems.append(RuleFileError(doc.path, line, col, f"where: {e.reason}"))
    message = _message(doc, (*loc, "message"), spec, problems)
    evidence = []
    for i, ev in enumerate(spec.evidence):
        tpl = _template(doc, (*loc, "evidence", i, "value"), ev.value, spec.when, problems)
        if not {"source", "url"} <= all_fields_of(spec.when[ev.from_]):
            problems.append(doc.error((*loc, "evidence", i, "from"), f"evidence needs a fact with source and url: {ev.from_}"))
        if tpl is not None:
            evidence.append((ev.from_, tpl))
    if message is not None and dnf:
        problems.extend(unset_fields(doc, loc, spec, dnf, message, [t for _, t in evidence]))
    if problems:
        raise RuleProblems(sorted(problems, key=lambda p: (p.line, p.column)))
    assert message is not None
    line, _ = doc.where((*loc, "id"))
    return CompiledRule(
        spec=spec,
        branches=branches,
        message=message,
        evidence=tuple(evidence),
        at=spec.at or next(iter(spec.when)),
        path=doc.path,
        line=line,
    )


def _schema_problem(doc: Positioned, loc: tuple[str | int, ...], err: Any) -> RuleFileError:
    eloc = tuple(x if not isinstance(x, str) or x != "pass_" else "pass" for x in err["loc"])
    if err["type"] == "extra_forbidden":
        return doc.error((*loc, *eloc, "__key__"), f"unknown key {eloc[-1]!r}")
    if eloc and eloc[0] == "message" and len(eloc) > 1 and not isinstance(eloc[-1], int):
        eloc = eloc[:1]  # pydantic names the union member (`str`, `list[str]`): point at the message
    field_name = ".".join(str(x) for x in eloc if not isinstance(x, int) or eloc[0] != "message") or "rule"
    return doc.error((*loc, *eloc), f"{field_name}: {err['msg']}")


def _message(doc: Positioned, loc: tuple[str | int, ...], spec: RuleSpec, problems: list[RuleFileError]) -> Message | None:
    many = not isinstance(spec.message, str)
    variants = [
        _template(doc, (*loc, i) if many else loc, text, spec.when, problems)
        for i, text in enumerate(spec.message_variants)
    ]
    if any(v is None for v in variants):
        return None
    return Message(tuple(v for v in variants if v is not None))


def _template(
    doc: Positioned, loc: tuple[str | int, ...], text: str, when: dict[str, str], problems: list[RuleFileError]
) -> Template | None:
    try:
        tpl = parse_template(text)
    except TemplateError as exc:
        line, col = doc.where(loc)
        problems.append(RuleFileError(doc.path, line, col + exc.column - 1, f"{_name(loc)}: {exc.reason}"))
        return None
    ok = True
    for alias, name in tpl.fields():
        if alias not in when:
            problems.append(doc.error(loc, f"template names unknown alias {alias!r}"))
            ok = False
        elif name not in all_fields_of(when[alias]) or name.startswith("_"):
            problems.append(doc.error(loc, f"template names unknown field {alias}.{name}"))
            ok = False
    return tpl if ok else None


def _name(loc: tuple[str | int, ...]) -> str:
    return next(str(x) for x in reversed(loc) if isinstance(x, str))


def unset_fields(
    doc: Positioned, loc: tuple[str | int, ...], spec: RuleSpec, dnf: DNF, message: Message, evidence: list[Template]
) -> list[RuleFileError]:
    """Fields a message may show while they are unset (it would render "(not stated)").

    A field is set in a firing when its kind always has it, or when the alternative of `where` that
    fired tests it (a comparison with a missing field is false in both engines). For every
    alternative, some message variant must name only fields that are set; evidence values too.
    """
    problems = []
    uncovered: dict[str, list[int]] = {}  # unset fields -> the alternatives of `where` where no variant works
    for n, conj in enumerate(dnf, start=1):
        tested = tested_fields(conj)
        missing = [
            sorted({f"{a}.{f}" for a, f in v.fields() if may_be_unset(spec.when[a], f) and (a, f) not in tested})
            for v in message.variants
        ]
        if all(missing):
            uncovered.setdefault(", ".join(dict.fromkeys(f for m in missing for f in m)), []).append(n)
        for i, tpl in enumerate(evidence):
            unset = sorted({f"{a}.{f}" for a, f in tpl.fields() if may_be_unset(spec.when[a], f) and (a, f) not in tested})
            if unset:
                problems.append(doc.error((*loc, "evidence", i, "value"),
                                          f"evidence value: {', '.join(unset)} may be unset; test it in `where`"))
    for fields, alternatives in uncovered.items():
        which = ("`where`" if len(alternatives) == len(dnf)
                 else f"alternative {', '.join(map(str, alternatives))} of `where`")
        problems.append(doc.error(
            (*loc, "message"),
            f"message: when {which} matches, {fields} may be unset (optional, and not tested there); "
            "add a sentence variant without it, or test it in `where` (`... is not None`)",
        ))
    return list({str(p): p for p in problems}.values())


def tested_fields(conj: Conjunction) -> set[tuple[str, str]]:
    """Fields a conjunction requires to be present: every field it compares, and ``is not None`` tests."""
    out: set[tuple[str, str]] = set()
    for t in conj:
        if isinstance(t, Exists):
            if t.present:
                out.add((t.field.alias, t.field.name))
            continue
        for ref in fields_used(((t,),)):
            out.add((ref.alias, ref.name))
    return out


def _expr_position(
    doc: Positioned, loc: tuple[str | int, ...], text: str, eline: int, ecol: int
) -> tuple[int, int]:
    """Map a position inside the `where` text to the file (exact for one-line plain or quoted scalars)."""
    line, col = doc.where(loc)
    lines = text.splitlines()
    raw = lines[line - 1][col - 1 :] if 0 < line <= len(lines) else ""
    if raw[:1] in ("|", ">"):
        content_line = line + eline
        indent = 0
        if content_line <= len(lines):
            indent = len(lines[content_line - 1]) - len(lines[content_line - 1].lstrip())
        return content_line, indent + ecol
    if raw[:1] in ("'", '"'):
        col += 1
    return line + eline - 1, (col + ecol - 1) if eline == 1 else ecol
