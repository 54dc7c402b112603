"""One figure named again (session 26): a day, month or ordinal span before the noun ("the Friday crowd of"),
a penalty after "was fined", job losses after "will cut ... jobs", a plain "the rate" after "its key rate", "the
new $X estimate", the noun before "for"/"of" of a subject ("the cost estimate for the bridge is"), a turnout whose
clause goes on to a base; and the figures that only look alike (another day, a level of jobs, another kind of rate,
an estimate called original, a subject after a comma); sources "with knowledge of" the talks."""

from __future__ import annotations

import pytest

from factcheck import check
from factcheck.extract.attribution import classify


def findings(text: str, rule: str = "numbers.conflicting-figure") -> list[tuple[str, str]]:
    report = check(text, published="2026-04-20", references=False)
    return [(f.severity, f.message) for f in report.documents[0].findings if f.rule == rule]


@pytest.mark.parametrize(
    ("text", "new", "old"),
    [
        ("A crowd of 17,450 saw Calder United draw 0-0 on Friday. The Friday crowd of 17,540 was the club's best "
         "this term.", "17,540", "17,450"),
        ("Mardell Water was fined £2.6m at Harwick Crown Court on Monday. The regulator said the £2.9m penalty was "
         "its largest.", "£2.9m", "£2.6m"),
        ("Selby Mills said it would cut 820 jobs at two plants. The union said the 870 job losses would hurt the "
         "town.", "870", "820"),
        ("The Bank of Vestria held its key rate at 3.25 per cent on Tuesday. Analysts said leaving the rate at 3.5 "
         "per cent was prudent.", "3.5 per cent", "3.25 per cent"),
        ("The Orrin dam's estimated cost has risen to $7.4 billion, the ministry said. A senator said the new "
         "$7.8 billion estimate was too high.", "$7.8 billion", "$7.4 billion"),
        ("Engineers said the current cost estimate for the Kessel bridge is $1.8 billion, up from $1.2 billion in "
         "2022. A councillor said the new $1.9 billion estimate was a shock.", "$1.9 billion", "$1.8 billion"),
        ("The Greens won the ward on a turnout of 31.4%, the council said. Officials said turnout of 34.1% was up "
         "from 28.9% four years ago.", "34.1%", "31.4%"),
        ("Edwin Marsh, 82, waited six hours for an ambulance on Monday, his family said. A paramedic said the "
         "86-year-old's condition had worsened.", "86", "82"),
    ],
)
def test_a_figure_named_again_that_differs_is_a_warning(text: str, new: str, old: str) -> None:
    ((severity, message),) = findings(text)
    assert severity == "warning" and new in message and old in message


@pytest.mark.parametrize(
    "text",
    [
        # another day's crowd
        "A crowd of 17,450 saw Calder United draw 0-0 on Friday. The Monday crowd of 19,100 for the replay was "
        "bigger.",
        # job losses are a change, not the company's level of jobs
        "Selby Mills employs 6,400 people, the company said. The union said the 870 job losses would hurt the town.",
        # another kind of rate
        "The Bank of Vestria held its deposit rate at 3.25 per cent. Lenders kept the mortgage rate at 5.6 per cent.",
        # the new estimate does not restate the one called original
        "The original cost estimate for the Kessel bridge was $1.2 billion. The new $1.8 billion estimate adds a "
        "second deck.",
        # a subject named after a comma is another figure's ("with operating profit beating ...")
        "Orin Steel said its operating profit rose to 1.3 trillion won. Sales climbed 9 percent to 8.8 trillion "
        "won, the company said, with operating profit beating forecasts.",
        # another person's age in apposition; "the <N>-year-old" before a noun of its own
        "Edwin Marsh, 82, and his wife, 79, were rescued. The 79-year-old was treated for cold.",
        "Edwin Marsh, 82, was struck by a van. The 54-year-old driver was arrested.",
        # equal figures
        "Mardell Water was fined £2.6m on Monday. The regulator said the £2.6m penalty was its largest.",
    ],
)
def test_figures_that_only_look_alike_give_no_warning(text: str) -> None:
    assert findings(text) == []


def test_sources_with_knowledge_of_the_talks_are_unnamed() -> None:
    cue = classify("The club agreed a fee of £31m, three sources with knowledge of the bid said.")
    assert cue is not None and cue.attribution == "anonymous"


def test_positions_to_be_cut_are_a_count() -> None:
    report = check("The council will cut about 420 positions, according to a draft budget seen by the paper.",
                   published="2026-04-20", references=False)
    assert [f.rule for f in report.documents[0].findings] == ["attribution.unofficial-figure"]
