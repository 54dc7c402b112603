"""Counts (quantities of unit "count"): the counting words of the shipped patterns and their subjects."""

from __future__ import annotations

from factcheck.extract import shipped_patterns
from factcheck.extract.builders.counts import _subject


def test_every_counting_word_of_a_shipped_pattern_names_a_subject() -> None:
    # a word a pattern captures as "noun" but the resource does not map would be read and then dropped
    words = set()
    for p in shipped_patterns().patterns:
        if p.fact != "quantity":
            continue
        for el in p.spec.sequence:
            if el.as_ == "noun" and el.word:
                words.update(el.word)
    assert words, "no counting pattern is shipped"
    assert sorted(w for w in words if _subject(w) is None) == []


def test_a_count_with_a_scale_word_is_scaled_once() -> None:
    from extract_helpers import doc, of_kind, run

    (q,) = [f for f in of_kind(run(doc("The state has 5.62 million voters, the commission said.")), "quantity")
            if f.unit == "count"]
    assert q.value == 5_620_000
