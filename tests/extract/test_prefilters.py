"""Prefilters that skip work must find exactly what the full search finds.

Quantities try their figure pattern only where a figure can start (``scan`` with ``_QUANTITY_START``);
the attribution's ``_who`` starts its search at the run of words before the first speech cue. Each is
compared here with the plain search over the dev corpus, the adversarial pieces and sentences written
to sit on the edges (codes, signs written with letters, number words, cues after punctuation).
"""

from __future__ import annotations

import pytest
from test_linear_time import PIECES

from factcheck.extract import attribution, quantities
from factcheck.extract.lexicon import lowered, scan
from factcheck.load import load_text
from tests.conftest import bench_module

EDGES = [
    "The levy rose to PKR 40 billion, or Rs. 12 crore, and USD5 million went to ports.",
    "Spending of US$3.2 billion, C$ 4 billion and HK$12 billion was approved; A$1bn more is planned.",
    "Officials put the rise at three percent, then half a percent, then fifteen per cent of GDP.",
    "About 2.5 percentage points of the gap, 40% of it, is owed to 1,250,000 yen in fees.",
    "The aid (¥512.6 billion) and £8.7 billion in loans were worth €3 billion and ₹900 crore.",
    "Revenue of 58.1 trillion won ($42 billion) beat forecasts; xPKR 5 and abcUSD 7 are no codes.",
    "Inflation was 3.1 pct in May, twenty-five percent lower, sixty percent of national income.",
]
WHO_EDGES = [
    "The Defense Ministry said on Tuesday that spending would rise.",
    "Spending will rise, the Japanese government announced, citing 2% of GDP.",
    "(Reuters) — the defense ministry told reporters the figure was 3%.",
    "According to the finance ministry's latest estimate, the deficit narrowed.",
    "Sources said the figure, which Prime Minister Takaichi's office confirmed, was 2%.",
    "“We will pay,” Mr. O'Neill-Smith said; according to officials, it is 3%.",
    "The newspaper, citing people familiar with the matter: the agency reported 2% (the office said so).",
    "It rose 4% — the cabinet stated — and the U.S. Treasury Department said nothing, according to Kyodo",
]


def _texts() -> list[str]:
    passages = bench_module("accuracy.py").load_corpus("dev")
    return [p.text for p in passages] + EDGES + [piece[:2_000] for piece in PIECES]


def _sentences(texts: list[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        d = load_text(text, fmt="text")
        out.extend(text[s.start : s.end] for s in d.sentences)
    return out


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return _sentences(_texts())


def test_figures_found_from_their_possible_starts_are_the_full_search(sentences: list[str]) -> None:
    checked = found = 0
    for sentence in sentences:
        low = lowered(sentence)
        if low is None:
            continue
        full = [m.span() for m in quantities._QUANTITY_LOW.finditer(low)]
        assert [m.span() for m in scan(quantities._QUANTITY_LOW, quantities._QUANTITY_START, low)] == full, sentence
        checked += 1
        found += len(full)
    assert checked > 1000 and found > 500  # the comparison ran over real figures


def test_figures_of_the_edge_sentences_are_all_found() -> None:
    texts = [" ".join(quantities.QUANTITY_RE.match(s, m.start()).group(0).split())  # type: ignore[union-attr]
             for s in EDGES for m in scan(quantities._QUANTITY_LOW, quantities._QUANTITY_START, s.lower())]
    for expected in ("PKR 40 billion", "Rs. 12 crore", "USD5 million", "US$3.2 billion", "C$ 4 billion",
                     "HK$12 billion", "A$1bn", "three percent", "fifteen per cent of GDP", "2.5 percentage points",
                     "1,250,000 yen", "¥512.6 billion", "₹900 crore", "58.1 trillion won", "$42 billion",
                     "3.1 pct", "sixty percent of national income"):
        assert expected in texts
    assert not any(t.startswith(("PKR 5", "USD 7", "USD7")) for t in texts)  # "xPKR", "abcUSD": no word start


def _who_unanchored(sentence: str) -> str | None:
    m = attribution._WHO.search(sentence)
    if not m:
        return None
    return (m.group("who") or m.group("who2") or "").strip() or None


def test_who_searched_from_its_cue_is_the_full_search(sentences: list[str]) -> None:
    named = 0
    for sentence in [*sentences, *WHO_EDGES]:
        who = attribution._who(sentence)
        assert who == _who_unanchored(sentence), sentence
        named += who is not None
    assert named > 100
    assert attribution._who(WHO_EDGES[0]) == "The Defense Ministry"
    assert attribution._who(WHO_EDGES[2]) == "the defense ministry"


def test_statistic_gates_skip_a_sentence_only_when_no_cue_can_hold() -> None:
    from factcheck.extract.statistics import Cues, IndicatorCues, shipped_cues

    def cues(*gates: frozenset[str]) -> Cues:
        return Cues((IndicatorCues("x", "x", "percent", (), gates),), ())

    two = cues(frozenset({"jobless", "rate"}), frozenset({"unemployment"}))
    assert two.gated(frozenset({"the", "jobless", "rate", "rose"}))
    assert not two.gated(frozenset({"the", "jobless", "total"}))  # a word of a gate, not all of one
    assert not two.gated(frozenset({"inflation"}))
    assert cues(frozenset(), frozenset({"unemployment"})).gated(frozenset({"anything"}))  # an empty gate holds
    assert not Cues((), ()).gated(frozenset({"unemployment"}))
    shipped = shipped_cues()
    for ind in shipped.indicators:
        for gate in ind.gates:
            assert shipped.gated(gate | {"@country"})
