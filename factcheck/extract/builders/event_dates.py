"""A weekday and a date given to one event in one phrase: "Friday's general election, held on May 14,
handed ..."; "Saturday's final, played on March 9, ..."; "in Friday's vote on March 19". The weekday names the event by its noun
(:func:`~factcheck.extract.builders.backrefs.event_noun_after`), and a participle set off right after
the noun (``dating_participles`` in ``resources/<lang>/events.yaml``), or "on" and the date right after
it, dates that same noun. The phrase
says they are one event, so nothing is guessed: when the date falls on another weekday, the weekday's
fact carries it as ``other_weekday`` and stays ``certain``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from factcheck.extract.builders.backrefs import event_noun_after, weekday_of_day
from factcheck.extract.mentions.resources import resource
from factcheck.model.facts import DateMention

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.clauses.segment import Item
    from factcheck.model.facts import FactBase


@cache
def _participles() -> frozenset[str]:
    return frozenset(resource("events").get("dating_participles", []))


def participle_dates(a: Analysis, facts: list[FactBase]) -> None:
    """Mark a weekday whose event a participle dates to a day of another weekday (in place)."""
    by_start = {f.span.start: f for f in facts if isinstance(f, DateMention)}
    if not by_start:
        return
    participles = _participles()
    for sent in a.sentences:
        items = sent.items
        for k, it in enumerate(items):
            m = it.mention
            if m is None or m.type != "weekday" or m.value.get("modifier") or k + 1 >= len(items):
                continue
            noun_at = event_noun_after(a, items, k)
            if noun_at is None or noun_at + 2 >= len(items):
                continue
            told_at = _told_at(items, noun_at, participles)
            if told_at is None:
                continue
            phrase, told = items[told_at[0]], items[told_at[1]].mention
            fact = by_start.get(m.start)
            if told is None or told.type != "date" or fact is None or fact.other_weekday is not None:
                continue
            other = told.value.get("weekday") or weekday_of_day(a, told)
            if isinstance(other, str) and other != m.value.get("weekday"):
                fact.other_weekday = other
                fact.other_expression = a.text[phrase.start : told.end]


def _told_at(items: list[Item], noun_at: int, participles: frozenset[str]) -> tuple[int, int] | None:
    """(first item of the dating phrase, item of its date) for the noun at ``noun_at``: "vote on March
    19" (right after the noun), "election, held on May 14" (a participle set off by a comma); else None."""
    nxt = items[noun_at + 1 : noun_at + 5]
    if len(nxt) >= 2 and nxt[0].code == "on":
        return noun_at + 1, noun_at + 2
    if len(nxt) == 4 and nxt[0].code == "," and nxt[1].code in participles and nxt[2].code in ("on", "for"):
        return noun_at + 2, noun_at + 4
    return None
