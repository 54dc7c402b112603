"""Whether a figure read as the total of a list really heads it, or is one more item of a parallel list.

"$1.71 billion for public safety, $1.18 billion for public works, $0.94 billion for health and $0.79
billion for administration" lists four items; none of them is the total of the ones after it. Neither is
"512,000 were in the north" in "512,000 were in the north, 403,000 in the centre and 325,000 in the
south", nor "two" in "released in two groups, seven in the morning and 13 in the afternoon" (a count of
the parts, not their sum). A total that heads its parts is written apart from them: "47 bodies, 29 from
the lake and 18 from the riverbank".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.extract.builders.figures import figure

if TYPE_CHECKING:
    from factcheck.extract.clauses.segment import Item
    from factcheck.extract.mentions.model import Mention

_BE = frozenset(["was", "were", "is", "are", "went", "came", "ran"])
_PREPOSITIONS = frozenset(["in", "from", "at", "on", "for", "across", "by", "with", "to", "against", "of"])
_MAX_COUNT_WORD = 12


def total_is_list_item(items: list[Item], total: Mention, parts: list[Mention]) -> bool:
    """The figure read as a total stands in the list it is said to sum: it follows another figure of its
    kind after a comma, or it is placed by the same preposition as the first part ("N for X, A for Y
    and B for Z"), or it is a small number word that counts the parts ("two groups, seven ... and 13 ...")."""
    if not parts or total.start > parts[0].start:
        return False  # the total after its parts ("A and B, a total of C"): not a list item
    k = _index(items, total)
    if k is None:
        return False
    return _after_a_figure(items, k, total) or _same_placing(items, k, parts[0]) or _counts_parts(total, parts)


def _index(items: list[Item], m: Mention) -> int | None:
    return next((i for i, it in enumerate(items) if it.mention is m), None)


def _after_a_figure(items: list[Item], k: int, total: Mention) -> bool:
    """", $1.18 billion" right after "$1.71 billion for public safety": an item of a longer list."""
    if k == 0 or items[k - 1].code != ",":
        return False
    kind = _kind(total)
    for it in reversed(items[max(0, k - 8) : k - 1]):
        if it.code in (".", ";", ":"):
            return False
        if it.mention is not None and figure(it.mention) is not None:
            return _kind(it.mention) == kind
    return False


def _same_placing(items: list[Item], k: int, first_part: Mention) -> bool:
    """"512,000 were in the north, 403,000 in the centre": the total is placed as its parts are."""
    j = _index(items, first_part)
    if j is None or j + 1 >= len(items):
        return False
    part_prep = items[j + 1].code
    if part_prep not in _PREPOSITIONS:
        return False
    n = k + 1
    if n < len(items) and items[n].code in _BE:
        n += 1
    return n < len(items) and items[n].code == part_prep


def _counts_parts(total: Mention, parts: list[Mention]) -> bool:
    """"in two groups, seven in the morning and 13 in the afternoon": a number word that counts the parts."""
    f = figure(total)
    if f is None or f.kind != "number" or total.text[:1].isdigit():
        return False
    return f.value <= _MAX_COUNT_WORD and int(f.value) == len(parts)


def _kind(m: Mention) -> str | None:
    f = figure(m)
    if f is None:
        return None
    return f"{f.kind}:{m.value.get('currency') or ''}"
