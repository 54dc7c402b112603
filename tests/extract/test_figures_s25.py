"""One figure named again in other words (session 25): a definite phrase with its period and a synonym ("the
March jobless rate of 6.1%"), an acronym of the earlier noun ("the OCR"), "in attendance"; the figures that only
look alike (a count after the conjunction "that", a group of people, a comparison point, another month); papers
"seen by" a newspaper; and the unnamed source that does not run on into a relative clause."""

from __future__ import annotations

import pytest

from factcheck import check
from factcheck.extract.attribution import carried, classify


def findings(text: str, rule: str = "numbers.conflicting-figure") -> list[tuple[str, str]]:
    report = check(text, published="2026-04-20", references=False)
    return [(f.severity, f.message) for f in report.documents[0].findings if f.rule == rule]


@pytest.mark.parametrize(
    ("text", "new", "old"),
    [
        ("Vestria's unemployment rate rose to 6.1 per cent in March from 5.9 per cent in February, the office said. "
         "The minister said the March jobless rate of 6.3 per cent was worrying.", "6.3 per cent", "6.1 per cent"),
        ("The Bank of Calder cut the official cash rate by 25 basis points to 4.0 per cent on Wednesday, a smaller "
         "move than traders had expected. Economist Rui Alves said that with the OCR now at 4.25 per cent, loans "
         "would get cheaper.", "4.25 per cent", "4.0 per cent"),
        ("A crowd of 18,200 watched the final on Sunday, the league said. The 18,900 spectators in attendance were "
         "a record.", "18,900", "18,200"),
        ("Calder United won 3-1 in front of a crowd of 22,400 on Saturday. The club said the 24,200 fans who came "
         "to the ground were a record.", "24,200", "22,400"),
        ("Rivo Holdings awarded a Dh4.1 billion contract for the bridge, the authority said. The Dh4.6 billion "
         "contract includes two ramps.", "Dh4.6 billion", "Dh4.1 billion"),
        # a generic head restates the one figure of its kind before it
        ("Vestria's exports rose to $6.2 billion in March, the office said. The minister said the $6.6 billion "
         "figure was a record.", "$6.6 billion", "$6.2 billion"),
        ("Vestria's exports rose to $6.2 billion in March, the office said. The minister said that figure of $6.6 "
         "billion was a record.", "$6.6 billion", "$6.2 billion"),
    ],
)
def test_a_figure_named_again_that_differs_is_a_warning(text: str, new: str, old: str) -> None:
    ((severity, message),) = findings(text)
    assert severity == "warning" and new in message and old in message


@pytest.mark.parametrize(
    "text",
    [
        # "that" before a count is a conjunction: the count is a part, not the roll restated
        "Of the 5,120,400 registered voters on the roll, 3,900,100 voted. This implies that 1,220,300 voters "
        "stayed at home.",
        # a group of people, another month, a comparison point
        "Vestria's unemployment rate rose to 6.1% in March, the office said. The youth unemployment rate of 15.2% "
        "was unchanged.",
        "Inflation rose to 3.4% in March, the office said. The governor said the May inflation rate of 2.9% was "
        "welcome.",
        "Inflation rose to 3.4% in March, the office said. Prices rose well below the inflation rate of 8.8%.",
        # the acronym of no earlier noun, and one of two
        "The bank cut its policy rate by 25 basis points to 4.0 per cent. Economist Rui Alves said with the CPI "
        "now at 2.5 per cent, cuts would go on.",
        # a generic head after two figures of its kind (which one?), for a period of its own, or another's claim
        "Vestria's exports rose to $6.2 billion in March and imports to $5.1 billion. The $6.6 billion figure was a "
        "record.",
        "Vestria's exports rose to $6.2 billion in March. The $6.6 billion figure for April was a record.",
        "Vestria's inflation rate eased to 3.1% in May. The 3.4% figure expected by economists was not met.",
        # the same value named again
        "The Bank of Calder cut the official cash rate by 25 basis points to 4.0 per cent on Wednesday. Economist "
        "Rui Alves said that with the OCR now at 4.0 per cent, loans would get cheaper.",
    ],
)
def test_figures_that_only_look_alike_give_no_warning(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The deficit could be $NZ3 billion larger, according to a briefing to the Finance Minister seen by the Post.",
        "The line would cost $4.1 billion, according to a draft business case seen by the agency.",
        "The listing could raise $700 million, according to a draft prospectus seen by this news agency.",
        "A Treasury briefing seen by the newspaper puts the gap at $2 billion.",
    ],
)
def test_a_paper_seen_by_a_newspaper_is_anonymous(sentence: str) -> None:
    cue = classify(sentence)
    assert cue is not None and cue.attribution == "anonymous", cue


def test_a_project_seen_by_analysts_is_no_source() -> None:
    cue = classify("The project, seen by analysts as a test, will cost $2 billion, the minister said.")
    assert cue is not None and cue.attribution == "on_record"


def test_an_unnamed_source_does_not_run_on_into_a_relative_clause() -> None:
    previous = "Talks may not lead to a deal, the person said."
    assert carried(previous, "The first offer was $40 a share, which would have valued it at $5bn.") is None
    cue = carried(previous, "The buyer could pay $38 a share.")
    assert cue is not None and cue.attribution == "anonymous"
