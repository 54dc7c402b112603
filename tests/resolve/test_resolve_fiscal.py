"""Fiscal calendars: ranges by country, the fiscal year of a date, and unknown countries."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.resolve.fiscal import fiscal_range, fiscal_year_of, range_label_year


@pytest.mark.parametrize(
    ("fy", "country", "expected"),
    [
        (2027, "JP", ("2027-04", "2028-03")),
        (2027, "GB", ("2027-04", "2028-03")),
        (2027, "US", ("2026-10", "2027-09")),
        (2027, "AU", ("2026-07", "2027-06")),
        (2027, "KR", ("2027-01", "2027-12")),
        (2027, None, None),
        (2027, "ZZ", None),
    ],
)
def test_fiscal_range(fy: int, country: str | None, expected: tuple[str, str] | None) -> None:
    assert fiscal_range(fy, country) == expected


@pytest.mark.parametrize(
    ("day", "country", "fy"),
    [
        (dt.date(2025, 10, 29), "JP", 2025),
        (dt.date(2026, 3, 31), "JP", 2025),
        (dt.date(2026, 4, 1), "JP", 2026),
        (dt.date(2025, 10, 1), "US", 2026),
        (dt.date(2025, 9, 30), "US", 2025),
        (dt.date(2025, 10, 29), "DE", 2025),
        (dt.date(2025, 10, 29), None, None),
    ],
)
def test_fiscal_year_of(day: dt.date, country: str | None, fy: int | None) -> None:
    assert fiscal_year_of(day, country) == fy


def test_range_labels_follow_the_naming() -> None:
    assert range_label_year(2028, 2029, "JP") == 2028
    assert range_label_year(2028, 2029, "US") == 2029
    assert range_label_year(2028, 2029, None) == 2028
