"""Accuracy of extraction and rules on the labelled corpus: the dev split (tuned on) and the frozen split.

    python bench/accuracy.py [--split dev|frozen|all] [--engine python|durable] [--perturb N] [--seed S]
                             [--misses] [--misses-frozen] [--json] [--write-known] [--corpus DIR]

Runs every passage through the library path (``factcheck.Checker``, references off) and prints, per split:
passages by category and topic; per rule TP/FP/FN/TN, precision and recall; per fact kind expected, found
and recall; the error-severity findings on consistent/tricky passages; extraction MB/s. Then the generated
perturbations (bench/perturb.py: one planted error per case): recall per rule family and per kind, and
false errors. Figures are reported, not asserted (tests/corpus/test_corpus_regression.py asserts that no
labelled outcome regresses, against tests/corpus/known-misses.yaml).

The frozen split is a test split nothing is tuned on: its misses are counted, never listed, unless
``--misses-frozen`` is given (with a warning). ``--misses`` lists the dev misses. ``--json`` prints the
same figures as one JSON object. ``--write-known`` rewrites tests/corpus/known-misses.yaml from the
current dev results (the ratchet the regression test holds the extractors to).

Corpus format: tests/corpus/<split>/*.yaml, each a list of passages::

    - id: timeline-ahead-1
      source: written by the team
      published: 2025-10-29
      category: tricky            # consistent | tricky | planted
      topic: defense budgets      # optional; defaults to the file name
      text: "..."
      facts:                      # facts that must be extracted: kind + key values (subset match)
        - {kind: timeline_shift, from_year: 2027, to_year: 2025, stated_years: 2}
      must: []                    # rule ids that must fire; every other scored rule must not
      variants:                   # optional copies with exactly one planted inconsistency
        - {replace: ["two years", "three years"], must: [timeline.shift-mismatch]}

Scored rules are the shipped rules that need no reference source (the ``tenure.*`` and ``statistics.*`` rules need one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
KNOWN_MISSES = CORPUS / "known-misses.yaml"
SPLITS = ("dev", "frozen")
CLEAN_CATEGORIES = ("consistent", "tricky")
UNSCORED_PREFIXES = ("tenure.", "statistics.")
FROZEN_WARNING = ("warning: printing frozen-split misses. The frozen split measures what was NOT tuned on; "
                  "do not fix extractors or rules against these passages.")


# --- corpus -----------------------------------------------------------------------------------------

@dataclass
class Passage:
    id: str
    text: str
    published: dt.date | None
    category: str
    source: str
    topic: str
    split: str
    base_id: str | None = None  # the passage a variant was made from
    facts: list[dict[str, Any]] = field(default_factory=list)
    must: list[str] = field(default_factory=list)

    @property
    def is_base(self) -> bool:
        return self.base_id is None

    @property
    def clean(self) -> bool:
        return self.category in CLEAN_CATEGORIES


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value if isinstance(value, dt.date) else None


class CorpusError(ValueError):
    """A malformed corpus entry: the file, the passage and what is wrong."""


def _base_passage(raw: object, path: Path, split: str) -> Passage:
    if not isinstance(raw, dict) or "id" not in raw or "text" not in raw:
        raise CorpusError(f"{path}: every passage needs an id and a text: {str(raw)[:80]}")
    return Passage(str(raw["id"]), str(raw["text"]).strip(), _date(raw.get("published")),
                   raw.get("category", "consistent"), raw.get("source", "written by the team"),
                   str(raw.get("topic") or path.stem), split, None, raw.get("facts") or [], raw.get("must") or [])


def _variant(base: Passage, n: int, var: dict[str, Any], path: Path) -> Passage:
    try:
        old, new = var["replace"]
    except (KeyError, TypeError, ValueError):
        raise CorpusError(f"{path}: {base.id} variant {n}: needs replace: [old, new]") from None
    if old not in base.text and _spaced(old) in base.text:
        old, new = _spaced(old), _spaced(new)  # written with the line breaks that folding (>-) removed
    if old not in base.text:
        raise CorpusError(f"{path}: {base.id} variant {n}: {old!r} not in text")
    return Passage(f"{base.id}/v{n}", base.text.replace(old, new, 1), base.published, var.get("category", "planted"),
                   base.source, base.topic, base.split, base.id, var.get("facts") or [], var.get("must") or [])


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _load_file(path: Path, split: str, problems: list[str]) -> list[Passage]:
    """The file's passages; a malformed passage or variant is left out and described in ``problems``."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        problems.append(f"{path}: not valid YAML: {exc}")
        return []
    passages: list[Passage] = []
    for raw in entries if isinstance(entries, list) else [entries]:
        try:
            base = _base_passage(raw, path, split)
        except CorpusError as exc:
            problems.append(str(exc))
            continue
        passages.append(base)
        for n, var in enumerate(raw.get("variants") or [], 1):
            try:
                passages.append(_variant(base, n, var, path))
            except CorpusError as exc:
                problems.append(str(exc))
    return passages


def _unique(passages: Sequence[Passage], problems: list[str]) -> list[Passage]:
    counts = Counter(p.id for p in passages)
    dupes = sorted(i for i, n in counts.items() if n > 1)
    if dupes:
        problems.append(f"duplicate passage ids (all copies left out): {dupes}")
    return [p for p in passages if counts[p.id] == 1]


def split_names(split: str) -> tuple[str, ...]:
    if split == "all":
        return SPLITS
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: use one of {', '.join(SPLITS)} or all")
    return (split,)


def load_corpus_checked(split: str = "dev", root: Path = CORPUS) -> tuple[list[Passage], list[str]]:
    """The passages of one split (``dev``, ``frozen``) or both (``all``), and the problems found loading them.

    Malformed entries are left out (and described); ids must be unique across both splits, whichever is
    asked for, so that a frozen passage cannot reappear in dev.
    """
    wanted = split_names(split)
    problems: list[str] = []
    passages = [p for name in SPLITS for path in sorted((root / name).rglob("*.yaml"))
                for p in _load_file(path, name, problems)]
    return [p for p in _unique(passages, problems) if p.split in wanted], problems


def load_corpus(split: str = "dev", root: Path = CORPUS) -> list[Passage]:
    """Like :func:`load_corpus_checked`, but any problem is an error."""
    passages, problems = load_corpus_checked(split, root)
    if problems:
        raise CorpusError("; ".join(problems))
    return passages


# --- running ----------------------------------------------------------------------------------------

@dataclass
class Outcome:
    passage: Passage
    fired: set[str]
    errors: set[str]  # rules that fired with severity error
    missing_facts: list[dict[str, Any]]
    extract_seconds: float
    failures: list[str] = field(default_factory=list)  # stages whose check failed


@dataclass
class Evaluation:
    engine: str
    rules: list[str]  # the scored rules
    outcomes: list[Outcome]

    def by_id(self) -> dict[str, Outcome]:
        return {o.passage.id: o for o in self.outcomes}

    def of_split(self, split: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.passage.split == split]


def _extract_seconds(p: Passage) -> float:
    from factcheck.extract import extract_facts
    from factcheck.load import load_text

    doc = load_text(p.text, fmt="text", published=p.published)
    start = time.perf_counter()
    extract_facts(doc)
    return time.perf_counter() - start


def _fired(checker: Any, text: str, published: dt.date | None) -> tuple[set[str], set[str], list[Any], list[str]]:
    document = checker.check(text, published=published, fmt="text").documents[0]
    fired = {f.rule for f in document.findings}
    errors = {f.rule for f in document.findings if f.severity == "error"}
    facts = [f.model_dump(mode="json") for f in document.facts]
    return fired, errors, facts, [e.stage for e in document.errors]


def run_passage(checker: Any, p: Passage) -> Outcome:
    try:
        seconds = _extract_seconds(p)
    except Exception:  # the check below records the failure
        seconds = 0.0
    fired, errors, facts, failures = _fired(checker, p.text, p.published)
    missing = [want for want in p.facts if not any(_matches(want, got) for got in facts)]
    return Outcome(p, fired, errors, missing, seconds, failures)


def _matches(want: dict[str, Any], got: dict[str, Any]) -> bool:
    for key, value in want.items():
        have = got.get(key)
        if isinstance(value, float) or isinstance(have, float):
            if have is None or value is None or abs(float(have) - float(value)) > 1e-9:
                return False
        elif have != value:
            return False
    return True


def scored_rules(checker: Any) -> list[str]:
    return sorted(r.id for r in checker.ruleset.rules if not r.id.startswith(UNSCORED_PREFIXES))


def evaluate_passages(engine: str, passages: Iterable[Passage]) -> Evaluation:
    from factcheck import Checker

    with Checker(engine=engine, references=False) as checker:
        return Evaluation(engine, scored_rules(checker), [run_passage(checker, p) for p in passages])


def evaluate(engine: str = "python", split: str = "dev", root: Path = CORPUS) -> Evaluation:
    """The loadable passages of a split, evaluated; corpus problems are warned about on stderr."""
    return evaluate_passages(engine, load_and_warn(split, root))


def load_and_warn(split: str, root: Path = CORPUS) -> list[Passage]:
    passages, problems = load_corpus_checked(split, root)
    for problem in problems:
        print(f"warning: corpus: {problem} (left out)", file=sys.stderr)
    return passages


def reasons(o: Outcome, rules: Iterable[str]) -> list[str]:
    """Why a passage's labelled outcome is not met (empty when it is), in a stable wording."""
    scored = set(rules)
    out = [f"check failed: {stage}" for stage in sorted(set(o.failures))]
    out += [f"missed finding: {r}" for r in sorted(set(o.passage.must) - o.fired)]
    out += [f"unexpected finding: {r}" for r in sorted((o.fired & scored) - set(o.passage.must))]
    out += [f"missing fact: {_flow(want)}" for want in o.missing_facts]
    return out


def _flow(value: dict[str, Any]) -> str:
    return yaml.safe_dump(value, default_flow_style=True, sort_keys=False, width=10**6, allow_unicode=True).strip()


def false_errors(o: Outcome) -> list[str]:
    """Error-severity findings on a passage labelled clean (consistent or tricky)."""
    return sorted(o.errors - set(o.passage.must)) if o.passage.clean else []


# --- known misses (the regression ratchet) ----------------------------------------------------------

KNOWN_HEADER = """\
# Dev passages whose labelled outcome is not met yet, with the reasons. Do not edit by hand: run
#     python bench/accuracy.py --write-known
# tests/corpus/test_corpus_regression.py fails when any other dev passage misses its labels, when a
# listed passage fails for a new reason, and when a listed reason has been fixed (rewrite this file to
# lock the improvement in).
"""


def load_known(path: Path = KNOWN_MISSES) -> dict[str, list[str]]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of passage id to reasons")
    return {str(k): [str(r) for r in v or []] for k, v in data.items()}


def known_from(evaluation: Evaluation) -> dict[str, list[str]]:
    found = {o.passage.id: reasons(o, evaluation.rules) for o in evaluation.of_split("dev")}
    return {pid: why for pid, why in found.items() if why}


def write_known(evaluation: Evaluation, path: Path = KNOWN_MISSES) -> dict[str, list[str]]:
    known = known_from(evaluation)
    body = yaml.safe_dump(known, sort_keys=False, width=10**6, allow_unicode=True) if known else "{}\n"
    path.write_text(KNOWN_HEADER + body, encoding="utf-8")
    return known


# --- figures ----------------------------------------------------------------------------------------

def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def rule_table(outcomes: Sequence[Outcome], rules: Sequence[str]) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {r: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for r in rules}
    for o in outcomes:
        for r in rules:
            want, got = r in o.passage.must, r in o.fired
            table[r]["tp" if want and got else "fn" if want else "fp" if got else "tn"] += 1
    for row in table.values():
        row["precision"] = _ratio(row["tp"], row["tp"] + row["fp"])
        row["recall"] = _ratio(row["tp"], row["tp"] + row["fn"])
    return table


def fact_table(outcomes: Sequence[Outcome]) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = defaultdict(lambda: {"expected": 0, "found": 0})
    for o in outcomes:
        for want in o.passage.facts:
            row = table[want["kind"]]
            row["expected"] += 1
            row["found"] += want not in o.missing_facts
    for row in table.values():
        row["recall"] = _ratio(row["found"], row["expected"])
    return dict(sorted(table.items()))


def topic_table(outcomes: Sequence[Outcome]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(Counter)
    for o in outcomes:
        row = table[o.passage.topic]
        row["base"] += o.passage.is_base
        row[o.passage.category] += 1
    return {t: dict(row) for t, row in sorted(table.items())}


def extraction(outcomes: Sequence[Outcome]) -> dict[str, float | None]:
    size = sum(len(o.passage.text.encode()) for o in outcomes)
    seconds = sum(o.extract_seconds for o in outcomes)
    return {"bytes": size, "seconds": round(seconds, 4),
            "mb_per_s": round(size / 1e6 / seconds, 3) if seconds else None,
            "passages_per_s": round(len(outcomes) / seconds, 1) if seconds else None}


def _miss_entry(o: Outcome, rules: Sequence[str]) -> dict[str, Any]:
    return {"id": o.passage.id, "reasons": reasons(o, rules), "text": o.passage.text}


def split_figures(outcomes: Sequence[Outcome], rules: Sequence[str], detail: bool) -> dict[str, Any]:
    """Everything reported for one split; ``detail`` adds the passages behind the miss counts."""
    offenders = [(o.passage.id, false_errors(o)) for o in outcomes if false_errors(o)]
    misses = [o for o in outcomes if reasons(o, rules)]
    figures: dict[str, Any] = {
        "passages": len(outcomes), "base": sum(o.passage.is_base for o in outcomes),
        "categories": dict(sorted(Counter(o.passage.category for o in outcomes).items())),
        "topics": topic_table(outcomes), "rules": rule_table(outcomes, rules), "facts": fact_table(outcomes),
        "false_errors": {"count": len(offenders)}, "misses": {"count": len(misses)},
        "check_failures": sum(bool(o.failures) for o in outcomes), "extraction": extraction(outcomes),
    }
    figures["false_errors"]["passages"] = [{"id": i, "rules": r} for i, r in offenders] if detail else None
    figures["misses"]["passages"] = [_miss_entry(o, rules) for o in misses] if detail else None
    return figures


# --- perturbations ----------------------------------------------------------------------------------

def load_perturb() -> ModuleType:
    name = "fc_bench_perturb"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("perturb.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@dataclass
class CaseOutcome:
    case: Any  # perturb.Case
    fired: set[str]
    false_errors: list[str]  # error findings that are neither planted nor labelled on the base passage
    base_had: bool  # the unperturbed passage already raised the planted rule
    inherited: bool  # some false error was already raised on the unperturbed passage

    @property
    def found(self) -> bool:
        return self.case.must[0] in self.fired


def run_cases(engine: str, cases: Sequence[Any], base: dict[str, Outcome]) -> list[CaseOutcome]:
    from factcheck import Checker

    results: list[CaseOutcome] = []
    with Checker(engine=engine, references=False) as checker:
        for case in cases:
            fired, errors, _, _ = _fired(checker, case.text, case.published)
            origin = base[case.base_id]
            extra = sorted(errors - set(case.must) - set(origin.passage.must))
            inherited = bool(set(extra) & origin.errors)
            results.append(CaseOutcome(case, fired, extra, case.must[0] in origin.fired, inherited))
    return results


def _recall_rows(results: Sequence[CaseOutcome], key: str) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = defaultdict(lambda: {"cases": 0, "found": 0, "false_errors": 0, "base_had": 0})
    for r in results:
        row = rows[getattr(r.case, key)]
        row["cases"] += 1
        row["found"] += r.found
        row["false_errors"] += bool(r.false_errors)
        row["base_had"] += r.base_had
    for row in rows.values():
        row["recall"] = _ratio(row["found"], row["cases"])
    return dict(sorted(rows.items()))


def _case_entry(r: CaseOutcome) -> dict[str, Any]:
    c = r.case
    return {"id": c.id, "rule": c.must[0], "edit": [c.before, c.after], "fired": sorted(r.fired),
            "false_errors": r.false_errors, "context": c.text[max(0, c.start - 80):c.start + len(c.after) + 80]}


def perturbation_figures(results: Sequence[CaseOutcome], detail: bool) -> dict[str, Any]:
    found = sum(r.found for r in results)
    kinds = _recall_rows(results, "kind")
    for kind, row in kinds.items():
        row["rule"] = load_perturb().RULES[kind]
    figures: dict[str, Any] = {
        "cases": len(results), "passages": len({r.case.base_id for r in results}), "found": found,
        "recall": _ratio(found, len(results)), "families": _recall_rows(results, "family"), "kinds": kinds,
        "false_errors": {"count": sum(bool(r.false_errors) for r in results),
                         "already_on_base": sum(r.inherited for r in results)},
    }
    figures["misses"] = [_case_entry(r) for r in results if not r.found] if detail else None
    figures["false_errors"]["cases"] = [_case_entry(r) for r in results if r.false_errors] if detail else None
    return figures


# --- text report ------------------------------------------------------------------------------------

def _fmt(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "  -  "


def _topic_lines(topics: dict[str, dict[str, int]]) -> list[str]:
    cats = sorted({c for row in topics.values() for c in row if c != "base"})
    lines = [f"{'topic':28} {'base':>5} " + " ".join(f"{c:>10}" for c in cats)]
    lines += [f"{t:28} {row.get('base', 0):5} " + " ".join(f"{row.get(c, 0):10}" for c in cats)
              for t, row in topics.items()]
    return lines


def _rule_lines(table: dict[str, dict[str, Any]]) -> list[str]:
    lines = [f"{'rule':34} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>5} {'precision':>9} {'recall':>7}"]
    lines += [f"{r:34} {row['tp']:4} {row['fp']:4} {row['fn']:4} {row['tn']:5} {_fmt(row['precision']):>9} "
              f"{_fmt(row['recall']):>7}" for r, row in table.items()]
    return lines


def _fact_lines(table: dict[str, dict[str, Any]]) -> list[str]:
    lines = [f"{'fact kind':34} {'expected':>8} {'found':>6} {'recall':>7}"]
    lines += [f"{k:34} {row['expected']:8} {row['found']:6} {_fmt(row['recall']):>7}" for k, row in table.items()]
    return lines


def _miss_lines(misses: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for m in misses:
        lines.append(f"  {m['id']}: " + "; ".join(m["reasons"]))
        lines.append(f"      {m['text'][:160]}")
    return lines


def split_lines(name: str, fig: dict[str, Any], show_misses: bool) -> list[str]:
    if not fig["passages"]:
        return [f"== {name}: no passages"]
    cats = ", ".join(f"{k} {v}" for k, v in fig["categories"].items())
    ext = fig["extraction"]
    lines = [f"== {name}: {fig['passages']} passages, {fig['base']} base + {fig['passages'] - fig['base']} variants "
             f"({cats})", "", *_topic_lines(fig["topics"]), "", *_rule_lines(fig["rules"]), "",
             *_fact_lines(fig["facts"]), "",
             f"extraction: {ext['bytes'] / 1e6:.3f} MB in {ext['seconds']:.3f} s = {_fmt(ext['mb_per_s'])} MB/s "
             f"({ext['passages_per_s'] or 0:.0f} passages/s)"]
    errors = fig["false_errors"]
    lines.append(f"error findings on consistent/tricky passages: {errors['count']}")
    if errors["passages"] is not None:
        lines += [f"  {e['id']}: {', '.join(e['rules'])}" for e in errors["passages"]]
    if fig["check_failures"]:
        lines.append(f"passages whose check failed: {fig['check_failures']}")
    lines.append(f"passages missing their labels: {fig['misses']['count']}")
    if show_misses and fig["misses"]["passages"] is not None:
        lines += _miss_lines(fig["misses"]["passages"])
    return lines


def _recall_lines(title: str, rows: dict[str, dict[str, Any]]) -> list[str]:
    lines = [f"{title:18} {'rule':28} {'cases':>6} {'found':>6} {'recall':>7} {'false err':>9} {'base had':>8}"]
    lines += [f"{k:18} {row.get('rule', ''):28} {row['cases']:6} {row['found']:6} {_fmt(row['recall']):>7} "
              f"{row['false_errors']:9} {row['base_had']:8}" for k, row in rows.items()]
    return lines


def _case_lines(entries: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for e in entries:
        extra = f" false errors {e['false_errors']}" if e["false_errors"] else ""
        lines.append(f"  {e['id']} [{e['rule']}] {e['edit'][0]!r} -> {e['edit'][1]!r}; fired {e['fired']}{extra}")
        lines.append(f"      …{e['context']}…")
    return lines


def perturbation_lines(name: str, fig: dict[str, Any], show_misses: bool) -> list[str]:
    fe = fig["false_errors"]
    if not fig["cases"]:
        return [f"== perturbations, {name}: no cases"]
    lines = [f"== perturbations, {name}: {fig['cases']} cases from {fig['passages']} passages, "
             f"recall {_fmt(fig['recall'])}", "", *_recall_lines("family", fig["families"]), "",
             *_recall_lines("kind", fig["kinds"]), "",
             f"cases with false errors: {fe['count']} ({fe['already_on_base']} already on the unperturbed passage)",
             "base had: cases whose unperturbed passage already raised the planted rule (found regardless)"]
    if show_misses and fig["misses"] is not None:
        lines += ["missed cases:", *_case_lines(fig["misses"])]
        lines += ["cases with false errors:", *_case_lines(fe["cases"])]
    return lines


# --- command line -----------------------------------------------------------------------------------

def _detail(split: str, args: argparse.Namespace) -> bool:
    return split == "dev" or args.misses_frozen


def figures(args: argparse.Namespace) -> dict[str, Any]:
    passages = load_and_warn(args.split, args.corpus)
    evaluation = evaluate_passages(args.engine, passages)
    names = split_names(args.split)
    out: dict[str, Any] = {"engine": args.engine, "splits": {}, "perturbations": {}}
    for name in names:
        out["splits"][name] = split_figures(evaluation.of_split(name), evaluation.rules, _detail(name, args))
    if args.perturb != 0:
        cases = load_perturb().generate(passages, seed=args.seed, limit=args.perturb)
        results = run_cases(args.engine, cases, evaluation.by_id())
        for name in names:
            chosen = [r for r in results if r.case.split == name]
            out["perturbations"][name] = perturbation_figures(chosen, _detail(name, args))
        out["perturbations"]["seed"] = args.seed
    return out


def render(fig: dict[str, Any], args: argparse.Namespace) -> str:
    lines: list[str] = [f"engine: {fig['engine']}", ""]
    for name, split in fig["splits"].items():
        show = args.misses if name == "dev" else args.misses_frozen
        lines += [*split_lines(name, split, show), ""]
    for name, pert in fig["perturbations"].items():
        if name != "seed":
            show = args.misses if name == "dev" else args.misses_frozen
            lines += [*perturbation_lines(name, pert, show), ""]
    return "\n".join(lines).rstrip()


def _strip_details(fig: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """JSON keeps miss details only where the text report would print them."""
    for name, split in fig["splits"].items():
        if not (args.misses if name == "dev" else args.misses_frozen):
            split["misses"].pop("passages")
    for name, pert in fig["perturbations"].items():
        if name != "seed" and not (args.misses if name == "dev" else args.misses_frozen):
            pert.pop("misses")
            pert["false_errors"].pop("cases")
    return fig


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--split", default="all", choices=[*SPLITS, "all"])
    parser.add_argument("--engine", default="python", choices=["python", "durable"])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder holding dev/ and frozen/")
    parser.add_argument("--perturb", type=int, default=None, metavar="N",
                        help="how many perturbation cases (default: all; 0: none)")
    parser.add_argument("--seed", type=int, default=0, help="perturbation seed")
    parser.add_argument("--misses", action="store_true", help="list dev misses (passages and perturbations)")
    parser.add_argument("--misses-frozen", action="store_true", help="also list frozen misses (do not tune on them)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--write-known", action="store_true", help="rewrite tests/corpus/known-misses.yaml")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.write_known:
        known = write_known(evaluate(args.engine, "dev", args.corpus), args.corpus / KNOWN_MISSES.name)
        print(f"wrote {len(known)} known misses to {args.corpus / KNOWN_MISSES.name}")
        return 0
    if args.misses_frozen:
        print(FROZEN_WARNING, file=sys.stderr)
    fig = figures(args)
    print(json.dumps(_strip_details(fig, args), indent=2) if args.json else render(fig, args))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
