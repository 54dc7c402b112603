"""Compiling a pattern's sequence: where a match may start, and the code sets that gate a sentence."""

from __future__ import annotations

import random

from factcheck.extract.relations.compile import compile_sequence, minimal_sets
from factcheck.extract.relations.spec import Element


def _regex(*elements: dict[str, object]):  # type: ignore[no-untyped-def]
    return compile_sequence([Element.model_validate(e) for e in elements]).regex


def test_a_lemma_led_pattern_starts_only_where_an_item_does() -> None:
    rx = _regex({"lemma": ["rise"], "as": "verb"}, {"type": ["percent"]})
    assert rx.search("prices rose @percent ") is not None
    assert rx.search("rose @percent ") is not None  # the stream's first item
    assert rx.search("prices arose @percent ") is None  # "rose" inside "arose" is not the verb
    assert [m.start() for m in rx.finditer("it rose @percent and rises @percent ")] == [3, 21]


def test_gap_and_optional_led_patterns_are_anchored_too() -> None:
    gap_led = _regex({"gap": 2}, {"word": ["to"]}, {"type": ["year"]})
    assert gap_led.search("moved into @year ") is None
    assert gap_led.search("moved it to @year ").start() == 0
    optional_led = _regex({"word": ["about"], "optional": True}, {"word": ["ten"]})
    assert optional_led.search("often ") is None
    assert optional_led.search("about ten ") is not None


def test_type_and_word_led_patterns_keep_their_prefix_scan() -> None:
    # no anchor in front of a fixed first character: the engine skips ahead to it
    assert _regex({"type": ["money"]}, {"word": ["in"]}).pattern.startswith("(?:@money)")
    assert not _regex({"word": ["from"]}, {"type": ["year"]}).pattern.startswith("(?<!")
    assert _regex({"lemma": ["move"]}).pattern.startswith("(?<![^ ])")


def test_minimal_sets_keep_the_condition_in_fewer_tests() -> None:
    assert minimal_sets([frozenset({"a", "b"}), frozenset({"a"}), frozenset({"a"}), frozenset({"c"})]) == [
        frozenset({"a"}), frozenset({"c"})]
    rng = random.Random(7)
    codes = [f"w{i}" for i in range(8)]
    for _ in range(2000):
        sets = [frozenset(rng.sample(codes, rng.randint(1, 4))) for _ in range(rng.randint(0, 6))]
        words = frozenset(rng.sample(codes, rng.randint(0, 5)))
        kept = minimal_sets(sets)
        assert len(kept) <= len(set(sets))
        assert all(not s.isdisjoint(words) for s in sets) == all(not s.isdisjoint(words) for s in kept)
