"""One subject restated another way across sentences (stop 23): a verb that names it, the noun that opens the
clause, the size of a move stepped over, a generic head with its period, a back-reference for its antecedent's
period, a relative clause after a definite subject; and the values that differ because they are other things."""

from __future__ import annotations

import pytest

from factcheck import check


def findings(text: str, rule: str = "numbers.conflicting-figure") -> list[tuple[str, str]]:
    report = check(text, published="2025-10-29", references=False)
    return [(f.severity, f.message) for f in report.documents[0].findings if f.rule == rule]


@pytest.mark.parametrize(
    ("text", "new", "old"),
    [
        # a verb names the antecedent's group
        ("The navy is seeking a record 2.7 billion dollars for next year. The navy's 2.9 billion dollar request "
         "includes two frigates.", "2.9 billion dollar", "2.7 billion dollars"),
        ("The union pledged 400 million euros to the fund. Later its 450 million euro pledge was confirmed.",
         "450 million euro", "400 million euros"),
        ("Typhoid has killed 58 people in the district since March. Doctors said the 85 deaths could have been "
         "avoided.", "85", "58"),
        # a back-reference given for the period its antecedent's clause names
        ("Dengue has killed 17 people in the province so far this year. Of the 19 deaths recorded so far this "
         "year, 11 were children.", "19", "17"),
        # the noun that opens the clause
        ("Turnout in Sunday's regional vote was 55.4%, the commission said. Analysts put the 51.4% turnout down "
         "to the cold.", "51.4%", "55.4%"),
        # over the size of a move ("fell 9 percent to"), a date and "for the year to"
        ("The chain's net profit for the year to June 30 fell 9 percent to NZ$312 million. The chairman said the "
         "NZ$321 million annual profit was disappointing.", "NZ$321 million", "NZ$312 million"),
        # a generic head with the period that followed the antecedent
        ("Inflation eased to 3.9% in June from 4.2% in May. The governor said the June figure of 3.6% gave room to "
         "wait.", "3.6%", "3.9%"),
        # a name in the group ("the Selic")
        ("The central bank raised the Selic rate by 50 basis points to 14.75% on Wednesday. Economists expect the "
         "14.50% Selic to stay.", "14.50%", "14.75%"),
        # a definite subject with a relative clause
        ("The agency awarded a 7.3 billion rand contract for three ships on Wednesday. The deal, which officials "
         "valued at 7.8 billion rand, is the largest in years.", "7.8 billion rand", "7.3 billion rand"),
        # a count named by a new word ("fans")
        ("A record 61,204 fans attended the derby. The crowd of 61,420 included 3,000 away supporters.",
         "61,420", "61,204"),
        # "last year" is the year before publication (2025-10-29): 2024
        ("The port handled 8.1 million containers and 2.7 million passengers in 2024. The operator said the record "
         "2.9 million passengers last year strained the terminal.", "2.9 million", "2.7 million"),
        # a pronoun before a verb that names the group ("it earned")
        ("The company's net profit rose to $2.1 billion in the quarter. It earned $2.4 billion in the quarter, the "
         "company said.", "$2.4 billion", "$2.1 billion"),
        # the subject restated by a synonym after a verb of change in the future ("will rise to")
        ("Defence spending will rise to 2.4% of GDP this year. Critics said the military budget of 2.6% of GDP was "
         "still too low.", "2.6% of GDP", "2.4% of GDP"),
        # a budget restated as a plan
        ("The treasury will present a 4.2 trillion shilling budget on Thursday. Lawmakers said the 4.4 trillion "
         "shilling plan depends on new taxes.", "4.4 trillion shilling", "4.2 trillion shilling"),
    ],
)
def test_a_restated_figure_that_differs_is_a_warning(text: str, new: str, old: str) -> None:
    ((severity, message),) = findings(text)
    assert severity == "warning" and new in message and old in message


@pytest.mark.parametrize(
    "text",
    [
        # another period: last year's deaths, the May figure, the rate a year ago
        "Measles has killed 23 people so far this year. Of the 41 deaths recorded last year, most were infants.",
        "Inflation eased to 3.9% in June from 4.2% in May. Analysts said the May figure of 4.4% was inflated by fuel.",
        "The policy rate was 5.25% a year ago. After four cuts, the rate, now 4.25%, is the lowest since 2022.",
        "The port handled 2.7 million passengers in 2024. The record 2.4 million passengers in 2019 had stood for "
        "years.",
        "The port handled 2.7 million passengers in 2024. The operator expects the 3.1 million passengers next year "
        "to strain the terminal.",
        # a pronoun's clause that names another span
        "The company's net profit rose to $2.1 billion in the quarter. It earned $5.3 billion in the first nine "
        "months.",
        # two countries
        "Germany pledged 1.2 billion euros to the fund. France's 0.9 billion euro pledge was welcomed.",
        # a quarter against the year
        "The chain's fourth-quarter net profit rose 4 percent to NZ$88 million. The NZ$312 million annual profit "
        "was the lowest in five years.",
        # a part of the antecedent, stated before ("of which")
        "The city is seeking 840 million dollars for its capital programme, of which 310 million dollars is for "
        "schools. The 310 million dollar request for schools drew questions.",
        # a target against an actual, two forecasters, a comparison
        "Defence spending was 2.4% of GDP last year. The alliance's 3.5% target is to be met by 2035.",
        "The Treasury expects a deficit of 4.6% of GDP this year. The IMF expects a deficit of 5.0% of GDP this year.",
        "Turnout in Sunday's runoff was 47.3%, down from 52.8% in the first round. The 52.8% first-round turnout "
        "was a record.",
        # a rounded restatement, a hedged one
        "The shortfall stood at 3.46% of GDP last quarter. Ministers called the 3.5% shortfall manageable.",
        "Turnout in the referendum was 61.8%. Campaigners said about 60% turnout showed deep interest.",
        # "the estimated cost" is another value of the thing
        "The line is now expected to cost 23.8 billion euros. The minister said the estimated cost was 24.3 billion "
        "euros.",
    ],
)
def test_no_conflict(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The border force is about 3,000 recruits short of its target, according to an internal memo seen by "
        "reporters.",
        "According to sources, about 900 recruits will be sent to the border this week.",
    ],
)
def test_a_count_from_an_unnamed_source_is_unofficial(text: str) -> None:
    assert [s for s, _ in findings(text, "attribution.unofficial-figure")] == ["warning"]


def test_a_count_on_the_record_is_not_unofficial() -> None:
    assert findings("The interior ministry said about 900 recruits would be sent to the border.",
                    "attribution.unofficial-figure") == []


@pytest.mark.parametrize(
    "text",
    [
        # a sentence between opens with another period
        "Economists had expected a surplus of US$45.7 billion. In 2019, exports rose 0.5 percent. The trade surplus "
        "was US$421.5 billion.",
        "The deficit totalled $190 billion in the first eight months. During the same period in 2024, officials "
        "said the deficit was $173 billion.",
        # an expectation against the outturn
        "Analysts had expected a surplus of $5.2 billion. Officials said the surplus was $4.8 billion.",
    ],
)
def test_another_period_or_claim_is_no_restatement(text: str) -> None:
    assert findings(text) == []


def test_an_unnamed_report_runs_on_into_a_modal_sentence() -> None:
    text = ("The airline is preparing to shed staff, Reuters reported citing people familiar with the plans. The "
            "carrier could cut about 6 percent of its workforce, or about 1,100 jobs.")
    messages = [m for _, m in findings(text, "attribution.unofficial-figure")]
    assert len(messages) == 2 and any("6 percent" in m for m in messages) and any("1,100" in m for m in messages)


@pytest.mark.parametrize(
    "text",
    [
        # a fact, not what may happen
        "The airline is preparing to shed staff, people familiar with the plans said. The carrier employs 18,000 "
        "people.",
        # the sentence before is on the record
        "The airline is preparing to shed staff, the chief executive said. The carrier could cut about 1,100 jobs.",
        # the modal sentence names its own source
        "The airline is preparing to shed staff, people familiar with the plans said. The carrier could cut about "
        "1,100 jobs, the chief executive said on Tuesday.",
    ],
)
def test_an_unnamed_report_does_not_run_on(text: str) -> None:
    assert findings(text, "attribution.unofficial-figure") == []


def test_a_pronoun_after_another_name_is_that_name_s() -> None:
    text = ("For the quarter, the software maker earned $2.56 billion. Revenue rose 5 percent. Exxon said it earned "
            "$7.86 billion, up from $5.44 billion a year earlier.")
    assert findings(text) == []
