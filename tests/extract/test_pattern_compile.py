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


def _compiled(*elements: dict[str, object]):  # type: ignore[no-untyped-def]
    return compile_sequence([Element.model_validate(e) for e in elements])


def test_a_gap_led_pattern_is_probed_with_what_follows_its_gaps() -> None:
    c = _compiled({"gap": 6}, {"word": ["on"]}, {"type": ["date"]}, {"punct": [","]}, {"type": ["relative"]})
    assert c.probe is not None
    assert c.probe.pattern.startswith("(?:on )")  # a literal the engine scans for
    hit = "the talks ended on @date , @relative "
    assert c.probe.search(hit) is not None and c.regex.search(hit).start() == 0  # the match keeps its gap
    assert c.probe.search("the talks ended @date , @relative ") is None  # no "on": the full regex is not run


def test_a_type_led_pattern_is_probed_from_its_first_word_and_a_word_led_one_not_at_all() -> None:
    c = _compiled({"type": ["money"]}, {"gap": 3}, {"word": ["from"]}, {"type": ["money"]})
    assert c.probe is not None and c.probe.search("@money a year earlier @money ") is None
    assert c.probe.search("@money , up from @money ") is not None
    assert _compiled({"type": ["money"]}, {"type": ["year"]}).probe is None  # no word to probe from
    assert _compiled({"word": ["from"]}, {"type": ["year"]}).probe is None  # its own prefix scan is the probe


def test_where_a_shipped_pattern_matches_its_probe_does() -> None:
    """A probe is a tail of its pattern's sequence: over every stream of the shipped examples (and the
    streams with their first items dropped), a pattern that matches has a probe that matches."""
    from factcheck.extract.analysis import analyse
    from factcheck.extract.pipeline import shipped_patterns
    from factcheck.load import load_text

    pset = shipped_patterns()
    texts = [ex.text for p in pset.patterns for ex in p.spec.examples]
    streams = [s.stream for t in texts for s in analyse(load_text(t, fmt="text")).sentences]
    streams += [s.split(" ", 3)[-1] for s in streams]
    probed = [p for p in pset.patterns if p.compiled.probe is not None]
    assert len(probed) > len(pset.patterns) // 2
    matched = 0
    for p in probed:
        for s in streams:
            if p.compiled.regex.search(s) is not None:
                matched += 1
                assert p.compiled.probe.search(s) is not None, (p.id, s)
    assert matched > len(probed)


def test_a_possessive_word_matches_the_stream_spelling_with_either_apostrophe() -> None:
    # after a mention the stream writes "fiscal 2027's" as "@fiscal_year ' s": a pattern writes "'s"
    rx = _regex({"type": ["fiscal_year"]}, {"word": ["'s"]}, {"word": ["first month"]})
    assert rx.search("@fiscal_year ' s first month ") is not None
    assert rx.search("@fiscal_year ’ s first month ") is not None
    assert rx.search("@fiscal_year first month ") is None
