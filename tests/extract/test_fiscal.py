"""Fiscal-year glosses and their expected months by country."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run


@pytest.mark.parametrize(
    ("text", "fy", "country", "start", "end", "exp_start", "exp_end"),
    [
        ("Japan's target of fiscal year 2027 (April 2027-March 2028) was moved.", 2027, "JP", "2027-04", "2028-03",
         "2027-04", "2028-03"),
        ("Japan's FY2027 (April 2026 to March 2027) budget was approved.", 2027, "JP", "2026-04", "2027-03",
         "2027-04", "2028-03"),
        ("The U.S. fiscal year 2027 (October 2026-September 2027) budget passed.", 2027, "US", "2026-10",
         "2027-09", "2026-10", "2027-09"),
        ("Britain's 2026 fiscal year (April 2026 to March 2027) starts soon.", 2026, "GB", "2026-04", "2027-03",
         "2026-04", "2027-03"),
        ("South Korea's fiscal 2026 (January 2026-December 2026) budget grew.", 2026, "KR", "2026-01", "2026-12",
         "2026-01", "2026-12"),
        ("Australia's FY2026 (July 2025 to June 2026) budget grew.", 2026, "AU", "2025-07", "2026-06",
         "2025-07", "2026-06"),
        ("The fiscal year 2027 (April 2027-March 2028) budget grew.", 2027, None, "2027-04", "2028-03", None, None),
    ],
)
def test_glosses(text: str, fy: int, country: str | None, start: str, end: str, exp_start: str | None,
                 exp_end: str | None) -> None:
    (g,) = of_kind(run(doc(text)), "fiscal_year_gloss")
    assert (g.fiscal_year, g.country, g.stated_start, g.stated_end) == (fy, country, start, end)
    assert (g.expected_start, g.expected_end) == (exp_start, exp_end)


def test_no_gloss_without_months() -> None:
    assert of_kind(run(doc("Japan's fiscal year 2027 (a record) budget was approved.")), "fiscal_year_gloss") == []
