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
