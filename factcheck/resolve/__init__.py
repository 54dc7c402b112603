"""Stage 3, resolve: relative dates, weekdays and fiscal years become ISO dates; facts are linked.

``resolve_facts(doc, facts)`` fills resolved fields in place (dates, anchors, event dates, the date a
role is implied on) and returns the facts. Without a publication date, relative dates stay None.
See :mod:`factcheck.resolve.links` for the order of the steps and :mod:`factcheck.resolve.fiscal`
for the fiscal calendars.
"""

from __future__ import annotations

from factcheck.model.document import Document
from factcheck.model.facts import FactBase
from factcheck.resolve.fiscal import resolve_glosses
from factcheck.resolve.links import link


def resolve_facts(doc: Document, facts: list[FactBase]) -> list[FactBase]:
    link(doc, facts)
    resolve_glosses(facts)
    return facts
