"""Person name matching with diacritics folded ("Shinjiro" = "Shinjirō", "Koizumi Shinjirō" = "Shinjiro Koizumi")."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from factcheck.model.keys import fold

FULL = 3  # same tokens (any order)
WIDER = 2  # all query tokens, first and last in place (a middle name more: "Donald John Trump")
SURNAME = 1  # a one-word query found among the name's words ("Koizumi")


def ascii_form(name: str) -> str:
    """The name with diacritics and macrons removed, case and spacing kept ("Shinjirō" -> "Shinjiro")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=16384)
def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


def name_score(query: str, names: Iterable[str]) -> int:
    """How well ``query`` (as written in the text) matches the best of ``names`` (0: not at all)."""
    q = name_tokens(query)
    if not q:
        return 0
    best = 0
    for name in names:
        n = name_tokens(name)
        if not n:
            continue
        if sorted(q) == sorted(n):
            return FULL
        if len(q) >= 2 and set(q) <= set(n) and n[0] == q[0] and n[-1] == q[-1]:
            best = max(best, WIDER)
        elif len(q) == 1 and q[0] in n:
            best = max(best, SURNAME)
    return best


def fullest_name(names: Iterable[str]) -> str:
    """The name with the most words (ties: the first) - what to search for."""
    ordered = list(names)
    return max(ordered, key=lambda n: len(name_tokens(n))) if ordered else ""
