"""A stated length against the range of days it is given for (builders/spans.py)."""

from __future__ import annotations

import pytest

from factcheck import check


def _found(text: str, published: str = "2025-12-20") -> list[tuple[str, str]]:
    doc = check(text, published=published, references=False).documents[0]
    return [(f.rule, f.severity) for f in doc.findings]


@pytest.mark.parametrize(("text", "found"), [
    ("The central bank's two-day meeting on Dec. 9-10 ended with a cut.", []),
    ("The central bank's two-day meeting on Dec. 9-11 ended with a cut.", [("dates.sequence", "error")]),
    ("The four-day festival (March 28-31) drew 40,000 visitors.", []),
    ("The three-day festival (March 28-31) drew 40,000 visitors.", [("dates.sequence", "error")]),
    # a length set off from its range: an inference, at most a warning; a week may be a day off
    ("The 19 new cases were reported in one week (Aug. 10-16), the health office said.", []),
    ("The 19 new cases were reported in one week (Aug. 10-17), the health office said.", []),
    ("The 19 new cases were reported in one week (Aug. 10-26), the health office said.", [("dates.sequence", "warning")]),
    ("Over the five days from March 2 to March 6, police made 40 arrests.", []),
    ("Over the five days from March 2 to March 8, police made 40 arrests.", [("dates.sequence", "warning")]),
    # "from ... to" may count the days between; hedged lengths and long ranges are not read
    ("The 30-day consultation from June 1 to July 1 drew 400 replies.", []),
    ("The 10-day window from June 1 to June 11 closed on Friday.", []),
    ("The talks lasted about three days (Nov. 3-7), officials said.", []),
    ("Cases fell over the recent two to three weeks (Nov. 2 to Nov. 11), the ministry said.", []),
    ("Cases fell over the recent three weeks (Nov. 2 to Nov. 11), the ministry said.", [("dates.sequence", "warning")]),
    ("A 90-day pause from April 9 to July 9 was agreed.", []),
])
def test_the_stated_length_of_a_range_of_days(text: str, found: list[tuple[str, str]]) -> None:
    assert _found(text) == found


def test_the_message_names_the_range_and_both_counts() -> None:
    (f,) = check("The two-day summit on Dec. 9-11 ended.", published="2025-12-20",
                 references=False).documents[0].findings
    assert f.message == ('The text gives Dec. 9-11 as 2 days ("two-day"), but that range is 3 days, '
                         "counted inclusively.")
