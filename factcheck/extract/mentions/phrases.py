"""Phrase look-up by first word: the longest listed phrase a token sequence starts with."""

from __future__ import annotations

from collections.abc import Iterable


class PhraseIndex(dict[str, tuple[tuple[int, ...], frozenset[tuple[str, ...]]]]):
    """First word -> (the lengths of the phrases starting with it, longest first; those phrases)."""

    @classmethod
    def of(cls, phrases: Iterable[tuple[str, ...]]) -> PhraseIndex:
        out: dict[str, set[tuple[str, ...]]] = {}
        for ph in phrases:
            out.setdefault(ph[0], set()).add(ph)
        return cls({k: (tuple(sorted({len(ph) for ph in v}, reverse=True)), frozenset(v)) for k, v in out.items()})

    def longest(self, words: list[str], i: int) -> int:
        """Length of the longest phrase that ``words[i:]`` starts with, 0 if none (one set look-up per
        phrase length, not one comparison per phrase)."""
        entry = self.get(words[i])
        if entry is None:
            return 0
        lengths, phrases = entry
        n = len(words)
        for k in lengths:
            if i + k <= n and tuple(words[i : i + k]) in phrases:
                return k
        return 0
