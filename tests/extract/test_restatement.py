"""Figures restated across sentences by a definite back-reference ("The C$36.9 billion shortfall")."""

from __future__ import annotations

import pytest

from factcheck import check


def conflicts(text: str) -> list[str]:
    report = check(text, published="2025-10-29", references=False)
    return [f.message for f in report.documents[0].findings if f.rule == "numbers.conflicting-figure"]


def test_a_restated_figure_that_differs_is_a_warning() -> None:
    text = ("Canada posted a budgetary deficit of C$39.6 billion for the fiscal year. "
            "The C$36.9 billion shortfall was smaller than forecast.")
    report = check(text, published="2025-10-29", references=False)
    (f,) = [f for f in report.documents[0].findings if f.rule == "numbers.conflicting-figure"]
    assert f.severity == "warning" and "C$36.9 billion" in f.message and "C$39.6 billion" in f.message


def test_the_rate_now_restates_the_rate() -> None:
    assert conflicts("The bank kept its deposit rate at 2.00% on Thursday. Its governor said the deposit rate, "
                     "now 2.25%, was in a good place.")


@pytest.mark.parametrize(
    "text",
    [
        # the same value again
        "Canada posted a budgetary deficit of C$39.6 billion. The C$39.6 billion shortfall was smaller than forecast.",
        # a comparison with another figure, not a restatement
        "Hong Kong forecast a deficit of HK$67 billion, narrower than the HK$87.2 billion shortfall of last year.",
        # another period
        "The deficit is forecast at A$42.1 billion. That is up from the A$27.6 billion shortfall expected for 2024-25.",
        # a restatement of an earlier value of the same thing
        "The goal is a 90% vaccination rate by 2027. An earlier goal of 85% will be missed. The minister reaffirmed "
        "the 90% goal.",
    ],
)
def test_no_conflict(text: str) -> None:
    assert conflicts(text) == []


def test_two_changes_for_two_periods_are_not_a_conflict() -> None:
    text = ("The goods and services deficit was $44.3 billion in December, down $1.5 billion from $45.7 billion in "
            "November. For the year, the deficit was $502.3 billion, up $1.9 billion from $500.4 billion in 2015.")
    assert conflicts(text) == []


def test_a_later_figure_without_a_period_takes_the_one_given_before() -> None:
    text = ("South Korea's defense budget will total 66.3 trillion won next year, the finance ministry said. "
            "Lawmakers said the defense budget would total 68.3 trillion won, a record.")
    report = check(text, published="2025-10-29", references=False)
    (f,) = [f for f in report.documents[0].findings if f.rule == "numbers.conflicting-figure"]
    assert f.severity == "warning" and "68.3 trillion won" in f.message and "66.3 trillion won" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "Australia's trade surplus widened to A$4.39 billion in October. The A$4.93 billion surplus was the largest "
        "since March.",
        "The firm reported revenue of $7.42 billion for the quarter. Analysts said the $7.24 billion in revenue it "
        "posted beat forecasts.",
        "Sales came to $8.2 billion in North America and $5.1 billion elsewhere, for a total of $13.3 billion. The "
        "chief executive said the $13.8 billion total was a record.",
    ],
)
def test_more_restatements(text: str) -> None:
    assert conflicts(text)


def test_a_later_figure_is_left_alone_when_two_periods_came_before() -> None:
    text = ("South Korea's defense budget will total 66.3 trillion won next year and 70.1 trillion won in 2027, the "
            "finance ministry said. Lawmakers said the defense budget would total 68.3 trillion won.")
    assert conflicts(text) == []


def test_a_qualified_back_reference_restates_a_figure_with_that_qualifier() -> None:
    text = ("Orlen Mining reported third-quarter net profit of $2.31 billion on Thursday, up 14% from $2.03 billion "
            "a year earlier. Its chief executive said the $2.13 billion quarterly profit would fund a larger dividend.")
    (msg,) = conflicts(text)
    assert "$2.13 billion" in msg and "$2.31 billion" in msg


def test_a_qualifier_the_antecedent_lacks_is_another_figure() -> None:
    text = ("Orlen Mining reported third-quarter net profit of $2.31 billion on Thursday. "
            "The $9.1 billion annual profit it posted last year was a record.")
    assert conflicts(text) == []


def test_a_back_reference_naming_a_year_restates_that_years_figure() -> None:
    text = ("Italy's budget deficit narrowed to 3.1% of GDP in 2025 from 3.4% in 2024, the statistics office said. "
            "The minister said the 2025 deficit of 3.3% showed the public finances were on a sustainable path.")
    (msg,) = conflicts(text)
    assert "3.3%" in msg and "3.1% of GDP" in msg


def test_a_back_reference_naming_another_year_is_not_that_figure() -> None:
    text = ("Italy's budget deficit narrowed to 3.1% of GDP in 2025, the statistics office said. "
            "The minister said the 2023 deficit of 7.2% had been a legacy of the pandemic.")
    assert conflicts(text) == []


def test_a_count_restated_in_a_later_sentence_that_differs_is_a_warning() -> None:
    text = ("A crowd of 52,340 watched Kingsport win the cup final on Saturday. "
            "The attendance of 53,240 was the highest for the final since 2016, the association said.")
    (msg,) = conflicts(text)
    assert "53,240" in msg and "52,340" in msg


def test_a_possessive_back_reference_restates_a_count() -> None:
    text = ("The state recorded 1,204 cases of dengue this year, more than three times the 371 cases in the whole "
            "of 2023, the health department said. Of the year's 1,240 cases, 88 required hospital treatment.")
    (msg,) = conflicts(text)
    assert "1,240" in msg and "1,204" in msg and "371" not in msg


@pytest.mark.parametrize(
    "text",
    [
        # a part and its whole in one sentence
        "The mayor won with 12,418 votes, or 54.2% of the 22,911 ballots cast, the county clerk said.",
        # the same count again
        "A crowd of 52,340 watched the final. The attendance of 52,340 was a record.",
        # a count for another period, compared
        "The clinic treated 812 patients in March. That was up from the 640 patients it saw in February.",
    ],
)
def test_no_count_conflict(text: str) -> None:
    assert conflicts(text) == []


def test_a_count_takes_the_attribution_of_its_own_part_of_a_contrast() -> None:
    report = check("Unconfirmed reports put the death toll at 120, but officials confirmed 48 deaths.",
                   published="2025-10-29", references=False)
    counts = {f.value: f.attribution for f in report.documents[0].facts if f.kind == "quantity" and f.unit == "count"}
    assert counts == {120: "hearsay", 48: "on_record"}
    (w,) = [f for f in report.documents[0].findings if f.rule == "attribution.unofficial-figure"]
    assert "120" in w.message and "48" not in w.message
