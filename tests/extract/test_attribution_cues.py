"""Anonymous and unofficial sourcing phrased the ways wire copy phrases it."""

from __future__ import annotations

import pytest

from factcheck.extract.attribution import classify


@pytest.mark.parametrize(
    "sentence",
    [
        "South Korea is weighing a 2035 goal of cutting emissions by 53%, according to people briefed on the talks.",
        "The delivery has been delayed by a year, people close to the programme said on Tuesday.",
        "The coalition appeared to have won 36 of the 65 seats, party insiders said.",
        "The outbreak has infected about 4,000 children, according to aid workers who asked not to be named.",
        "The ministry plans to cut prices by 4.5%, officials familiar with the draft said.",
        "Cases rose 9.6% to 14,280, sources at the public health institute said.",
        "The metro is budgeted at €36.1 billion, according to a confidential report seen by a newspaper.",
    ],
)
def test_anonymous_sourcing(sentence: str) -> None:
    cue = classify(sentence)
    assert cue is not None and cue.attribution == "anonymous", cue


def test_on_the_record_is_not_anonymous() -> None:
    cue = classify("The ministry said the budget would rise 4.5%, officials told reporters.")
    assert cue is not None and cue.attribution == "on_record"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The defence budget will rise by Rs159 billion to Rs2,281 billion, according to reports.", "according to reports"),
        ("Reports suggest the total outlay will be more than Rs17,600 billion.", "Reports suggest"),
        ("The winger joined the club in a deal worth a reported £100 million.", "a reported"),
    ],
)
def test_unnamed_reports_are_hearsay(sentence: str, cue: str) -> None:
    found = classify(sentence)
    assert found is not None and (found.attribution, found.cue) == ("hearsay", cue)


def test_a_named_outlet_is_a_media_report_not_hearsay() -> None:
    found = classify("The budget includes $25 billion for missile defence, according to reports from Kyodo News.")
    assert found is not None and found.attribution == "media_report"


def test_an_unnamed_official_is_anonymous_a_named_one_on_record() -> None:
    found = classify("The budget includes $25 billion for missile defence, a senior military official told reporters.")
    assert found is not None and found.attribution == "anonymous"
    found = classify("The budget includes $25 billion, the Pentagon's comptroller, Bryn MacDonnell, told reporters.")
    assert found is not None and found.attribution == "on_record"


def test_the_cues_are_a_language_resource() -> None:
    from factcheck.extract.attribution import categories

    assert [c.name for c in categories()] == ["hearsay", "anonymous", "unofficial", "media_report", "on_record"]


@pytest.mark.parametrize(
    ("sentence", "attribution", "cue"),
    [
        ("The new stadium will cost 1.9 billion pounds, a leaked draft of the council's plan showed.",
         "anonymous", "leaked draft"),
        ("Leaked figures put the overspend at $410 million.", "anonymous", "Leaked figures"),
        ("The striker's wage is understood to be 240,000 pounds a week.", "hearsay", "is understood to be"),
        ("The bill is thought to run to 12 million euros.", "hearsay", "is thought to run"),
        ("Losses of up to $8 billion appear in an estimate circulating among insurers.", "hearsay",
         "estimate circulating"),
        ("The fee of 31 million euros, which neither club has confirmed, was first reported on Monday.", "hearsay",
         "which neither club has confirmed"),
        ("The toll of 41 dead could not be independently confirmed.", "hearsay", "could not be independently confirmed"),
    ],
)
def test_leaks_unconfirmed_and_understood_figures(sentence: str, attribution: str, cue: str) -> None:
    found = classify(sentence)
    assert found is not None and (found.attribution, found.cue) == (attribution, cue), found


@pytest.mark.parametrize(
    "sentence",
    [
        # something else is unconfirmed, or leaked: the figure stays on the record
        "Twelve people died in the crash, police said, but they have not confirmed the driver's name.",
        "Water leaked into the tunnel, the operator said, adding that repairs would cost $4 million.",
        "The variant is circulating in the community, with 1,240 cases this week, the ministry said.",
        # expected is a forecast, not hearsay
        "The ministry said the deficit is expected to be 3.1% of GDP.",
    ],
)
def test_on_the_record_despite_a_nearby_cue_word(sentence: str) -> None:
    found = classify(sentence)
    assert found is not None and found.attribution == "on_record", found
