"""Pattern examples are the patterns' tests: each example text, run through extraction and
resolution, must give a fact read by that pattern with the fields it names; an example without
``fields`` must give none from that pattern."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.extract import extract_facts
from factcheck.extract.relations.loader import Pattern, PatternSet
from factcheck.load import load_text
from factcheck.resolve import resolve_facts

DEFAULT_PUBLISHED = "2025-10-29"


@dataclass
class PatternResult:
    pattern: str
    location: str
    text: str
    ok: bool
    problem: str = ""


def _same(want: Any, have: Any) -> bool:
    if isinstance(want, float) or isinstance(have, float):
        return have is not None and want is not None and abs(float(have) - float(want)) < 1e-9
    return bool(want == have)


def run_pattern_examples(patterns: Sequence[Pattern], pset: PatternSet) -> list[PatternResult]:
    import datetime as dt

    results: list[PatternResult] = []
    for p in patterns:
        for i, ex in enumerate(p.spec.examples):
            location = f"{p.path}:{p.line} examples[{i}]"
            doc = load_text(ex.text, fmt="text", published=ex.published or dt.date.fromisoformat(DEFAULT_PUBLISHED))
            facts = extract_facts(doc, pset)
            for n, f in enumerate(facts, 1):
                f.id, f.seq = f"f{n}", n
            facts = resolve_facts(doc, facts)
            mine = [f.model_dump() for f in facts if f.pattern == p.id]
            r = PatternResult(p.id, location, ex.text, ok=True)
            if ex.fields is None:
                if mine:
                    r.ok, r.problem = False, f"expected no {p.fact} from this pattern, got {_short(mine[0])}"
            elif not any(all(_same(v, got.get(k)) for k, v in ex.fields.items()) for got in mine):
                others = [f.model_dump() for f in facts if f.kind == p.fact]  # type: ignore[attr-defined]
                got = mine or others
                r.ok = False
                r.problem = (f"no {p.fact} with {ex.fields} from this pattern; got "
                             + ("; ".join(_short(g) for g in got) if got else "nothing"))
            results.append(r)
    return results


def _short(d: dict[str, Any]) -> str:
    skip = {"id", "span", "text", "sentence", "seq", "kind"}
    return "{" + ", ".join(f"{k}: {v!r}" for k, v in d.items() if k not in skip and v is not None) + "}"
