"""Helpers shared by the extraction and resolution tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck.extract import extract_facts
from factcheck.load import load_path, load_text
from factcheck.model.document import Document
from factcheck.model.facts import FactBase
from factcheck.resolve import resolve_facts

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "hegseth-koizumi-tokyo.md"


def doc(text: str, published: dt.date | str | None = "2025-10-29") -> Document:
    pub = dt.date.fromisoformat(published) if isinstance(published, str) else published
    return load_text(text, fmt="text", published=pub)


def seed(text_replace: tuple[str, str] | None = None) -> Document:
    d = load_path(SEED)
    if text_replace is not None:
        d = load_text(d.source_text.replace(*text_replace), doc_id=str(SEED))  # type: ignore[union-attr]
    return d


def run(d: Document) -> list[FactBase]:
    """Extract, number (as the pipeline does) and resolve."""
    facts = extract_facts(d)
    for i, f in enumerate(facts, 1):
        f.id, f.seq = f"f{i}", i
    return resolve_facts(d, facts)


def of_kind(facts: list[FactBase], kind: str) -> list:
    return [f for f in facts if f.kind == kind]  # type: ignore[attr-defined]


def findings(text: str, rule: str, published: str = "2025-10-29") -> list[tuple[str, str]]:
    """(severity, message) of each finding of ``rule`` on ``text``, references off."""
    from factcheck import check

    report = check(text, published=published, references=False)
    return [(f.severity, f.message) for f in report.documents[0].findings if f.rule == rule]
