"""The level a rate was held at in a sentence, for a move stated after it without its end point.

"The central bank held its policy rate at 15% for a fourth meeting. It raised the rate by a cumulative 425
basis points from 10.50% between ... and ...": a rate held at a level has not moved since it got there, so
the level it was held at is where the cumulative move ended. Read from the words of holding in the
arithmetic resource (``holds``); only a sentence with exactly one such level gives one.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from factcheck.extract.builders.figures import Figure, figure
from factcheck.extract.mentions.resources import resource

if TYPE_CHECKING:
    from factcheck.extract.clauses.segment import Sentence

_WINDOW = 6  # items before the level in which the word of holding stands ("held the benchmark Selic rate at")


@cache
def _holds() -> frozenset[str]:
    return frozenset(str(w) for w in resource("arithmetic").get("holds", ()))


def held_level(sent: Sentence) -> Figure | None:
    """The one percentage of ``sent`` that a word of holding leads to ("held ... at 15%", "left ... unchanged at
    2.50%"), with no other figure between them; None when there is none or more than one."""
    holds = _holds()
    found: list[Figure] = []
    for k, it in enumerate(sent.items):
        if it.code != "@percent" or sent.clauses[it.clause].kind == "paren":
            continue
        for back in sent.items[max(0, k - _WINDOW) : k][::-1]:
            if back.mention is not None:
                break
            if back.code in holds:
                f = figure(it.mention)
                if f is not None:
                    found.append(f)
                break
    return found[0] if len(found) == 1 else None
