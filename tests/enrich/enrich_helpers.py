"""Documents and claims built by hand (independent of the extractors), for the enrich tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from factcheck.enrich.testing import fixtures_dir
from factcheck.load import load_text
from factcheck.model.document import Document, Span
from factcheck.model.facts import FactBase, RoleMention, TenureStart
from factcheck.model.keys import name_key

FIXTURES = fixtures_dir()
RECORDED = FIXTURES / "recorded"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "hegseth-koizumi-tokyo.md"



def doc_of(text: str, published: str = "2025-10-29") -> Document:
    return load_text(text, published=dt.date.fromisoformat(published))


def _span(doc: Document, text: str) -> Span:
    start = doc.text.index(text)
    return Span(start=start, end=start + len(text))


def role(doc: Document, text: str, person: str, title: str, *, country: str | None = None, **kw: Any) -> RoleMention:
    return RoleMention(
        span=_span(doc, text),
        text=text,
        person=person,
        person_key=kw.pop("person_key", name_key(person)),
        title=title,
        office_key=kw.pop("office_key", name_key(title)),
        country=country,
        **kw,
    )


def tenure(
    doc: Document, text: str, person: str, date: str | None, *, office: str | None = None, **kw: Any
) -> TenureStart:
    precision = None if date is None else {10: "day", 7: "month", 4: "year"}[len(date)]
    return TenureStart(
        span=_span(doc, text),
        text=text,
        person=person,
        person_key=kw.pop("person_key", name_key(person)),
        office=office,
        office_key=kw.pop("office_key", name_key(office) if office else None),
        date_text=kw.pop("date_text", text),
        date=date,
        precision=kw.pop("precision", precision),
        **kw,
    )


def seed_doc(took_office: str = "on the 21st") -> Document:
    text = SEED.read_text(encoding="utf-8").replace("took office on the 21st", f"took office {took_office}")
    return load_text(text, doc_id=str(SEED))


def seed_facts(doc: Document, start: str = "2025-10-21") -> list[FactBase]:
    """The seed's officials as the extractors should see them."""
    sentence = next(s for s in ("took office on the 21st", "took office on the 12th") if s in doc.text)
    return [
        role(doc, "U.S. Secretary of Defense Pete Hegseth", "Pete Hegseth", "U.S. Secretary of Defense", country="US"),
        role(doc, "Japanese Defense Minister Shinjiro Koizumi", "Shinjiro Koizumi", "Japanese Defense Minister",
             country="JP"),
        tenure(doc, f"Minister Koizumi, who {sentence}", "Koizumi", start, office="Minister"),
        role(doc, "U.S. President Donald Trump", "Donald Trump", "U.S. President", country="US"),
        role(doc, "Japanese Prime Minister Sanae Takaichi", "Sanae Takaichi", "Japanese Prime Minister", country="JP"),
    ]


def of_kind(facts: list[FactBase], kind: str) -> list[Any]:
    return [f for f in facts if f.kind == kind]  # type: ignore[attr-defined]
