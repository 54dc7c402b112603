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

from pydantic import ValidationError

from factcheck.evaluate.expr import ExprError, parse_where
from factcheck.evaluate.fieldtypes import all_fields_of
from factcheck.evaluate.plan import Branch, plan_branch
from factcheck.evaluate.schema import RuleSpec
from factcheck.evaluate.templates import Template, TemplateError, parse_template
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
    message: Template
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
        except RuleFileError as exc:
            problems.append(exc)
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
    return _ruleset(tuple(compiled), tuple(str(f) for f in files))


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


def compile_rule(item: object, doc: Positioned, loc: tuple[str | int, ...], text: str) -> CompiledRule:
    if not isinstance(item, dict):
        raise doc.error(loc, f"a rule must be a mapping, got {type(item).__name__}")
    try:
        spec = RuleSpec.model_validate(item)
    except ValidationError as exc:
        err = exc.errors()[0]
        eloc = tuple(x if not isinstance(x, str) or x != "pass_" else "pass" for x in err["loc"])
        if err["type"] == "extra_forbidden":
            where = (*loc, *eloc, "__key__")
            reason = f"unknown key {eloc[-1]!r}"
        else:
            where = (*loc, *eloc)
            field_name = ".".join(str(x) for x in eloc) or "rule"
            reason = f"{field_name}: {err['msg']}"
        raise doc.error(where, reason) from None
    for alias, kind in spec.when.items():
        if kind not in FACT_TYPES:
            raise doc.error((*loc, "when", alias), f"unknown fact kind {kind!r} (known: {', '.join(FACT_TYPES)})")
    try:
        dnf = parse_where(spec.where, spec.when)
        branches = tuple(plan_branch(c, spec.when) for c in dnf)
    except ExprError as exc:
        line, col = _expr_position(doc, (*loc, "where"), text, exc.line, exc.column)
        raise RuleFileError(doc.path, line, col, f"where: {exc.reason}") from None
    message = _template(doc, (*loc, "message"), spec.message, spec.when)
    evidence = tuple(
        (ev.from_, _template(doc, (*loc, "evidence", i, "value"), ev.value, spec.when))
        for i, ev in enumerate(spec.evidence)
    )
    for i, ev in enumerate(spec.evidence):
        needed = {"source", "url"}
        if not needed <= all_fields_of(spec.when[ev.from_]):
            raise doc.error((*loc, "evidence", i, "from"), f"evidence needs a fact with source and url: {ev.from_}")
    line, _ = doc.where((*loc, "id"))
    return CompiledRule(
        spec=spec,
        branches=branches,
        message=message,
        evidence=evidence,
        at=spec.at or next(iter(spec.when)),
        path=doc.path,
        line=line,
    )


def _template(doc: Positioned, loc: tuple[str | int, ...], text: str, when: dict[str, str]) -> Template:
    try:
        tpl = parse_template(text)
    except TemplateError as exc:
        line, col = doc.where(loc)
        raise RuleFileError(doc.path, line, col + exc.column - 1, f"{loc[-1]}: {exc.reason}") from None
    for alias, name in tpl.fields():
        if alias not in when:
            raise doc.error(loc, f"template names unknown alias {alias!r}")
        if name not in all_fields_of(when[alias]) or name.startswith("_"):
            raise doc.error(loc, f"template names unknown field {alias}.{name}")
    return tpl


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
