"""Normalised join keys for names, titles and subjects.

Folding is what makes "Shinjirō Koizumi", "Shinjiro Koizumi" and "SHINJIRO KOIZUMI" one key; the
last name alone ("Minister Koizumi") is linked to the full name by the extractors, not here.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, diacritics and macrons removed, punctuation collapsed to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.lower()).strip()


def name_key(name: str) -> str:
    """Join key for a person's name: folded, with spaces as underscores."""
    return fold(name).replace(" ", "_")
