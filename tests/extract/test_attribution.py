"""Attribution of figures: the weakest cue of the sentence wins, with the words that carry it."""

from __future__ import annotations

import pytest
from extract_helpers import doc

from factcheck.extract import quantities
from factcheck.extract.attribution import classify

CASES = [
    ("The ministry said spending would reach 2% of GDP.", "on_record", "said"),
    ("Prime Minister Takaichi announced that spending would reach 2% of GDP.", "on_record", "announced"),
    ("Spending will be 58.1 trillion won, according to the government budget proposal.", "on_record",
     "according to the government budget"),
    ("Spending will reach 2% of GDP, according to reports from Kyodo News.", "media_report",
     "according to reports"),
    ("Spending will reach 2% of GDP, the newspaper reported.", "media_report", "the newspaper reported"),
    ("Media reports said spending will reach 2% of GDP.", "media_report", "Media reports"),
    ("Kyodo reported that spending will reach 2% of GDP.", "media_report", "Kyodo reported"),
    ("Spending will reach 2% of GDP, sources said.", "anonymous", "sources said"),
    ("Spending will reach 2% of GDP, the paper said, citing a diplomatic source.", "anonymous",
     "citing a diplomatic source"),
    ("Spending will reach 2% of GDP, according to people familiar with the matter.", "anonymous",
     "according to people familiar"),
    ("An official, speaking on condition of anonymity, said it would be 2% of GDP.", "anonymous",
     "on condition of anonymity"),
    ("Washington unofficially asked Tokyo for 3.5% of GDP.", "unofficial", "unofficially"),
    ("Washington has informally requested 3.5% of GDP.", "unofficial", "informally"),
    ("However, it is known that the United States has unofficially requested Japan to raise its defense "
     "spending to as much as 3.5% of GDP.", "hearsay", "it is known that"),
    ("It was learned that the budget will be 2% of GDP.", "hearsay", "It was learned that"),
    ("Seoul has reportedly agreed to pay 1.5 trillion won.", "hearsay", "reportedly"),
    ("The official allegedly promised 3% of GDP.", "hearsay", "allegedly"),
    ("It is said that spending will reach 3% of GDP.", "hearsay", "It is said that"),
    ("Spending reached 2% of GDP.", "none", None),
]


@pytest.mark.parametrize(("text", "attribution", "cue"), CASES)
def test_attribution_of_figures(text: str, attribution: str, cue: str | None) -> None:
    (q,) = [q for q in quantities.extract(doc(text)) if q.unit != "currency" or q.currency == "KRW"][:1]
    assert (q.attribution, q.attribution_cue) == (attribution, cue)


def test_weakest_cue_wins() -> None:
    c = classify("Seoul has reportedly agreed to raise its contribution to 1.5 trillion won, sources said.")
    assert c is not None and c.attribution == "hearsay"
    c = classify("The newspaper reported, citing government sources, that it will be 2%.")
    assert c is not None and c.attribution == "anonymous"


def test_named_source() -> None:
    c = classify("Spending will reach 2% of GDP, the defense ministry said.")
    assert c is not None and c.who == "the defense ministry"


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        ('"The budget includes $25 billion for missile defence. It is meant for the gravest threats," a senior '
         "military official told reporters.", "anonymous"),
        ("“The budget includes $25 billion for missile defence. It is meant for the gravest threats,” Defense "
         "Secretary Pete Hegseth told reporters.", "on_record"),
    ],
)
def test_a_quotation_running_over_sentences_takes_the_attribution_after_it(text: str, attribution: str) -> None:
    (q,) = quantities.extract(doc(text))
    assert q.attribution == attribution


def test_a_closed_quotation_does_not_borrow_the_next_ones_attribution() -> None:
    text = '"We will spend $25 billion on it." "It is the biggest programme we have," sources said.'
    (q,) = quantities.extract(doc(text))
    assert q.attribution == "none"
