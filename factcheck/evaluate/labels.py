"""Human labels for the coded values rules put into messages: ``percent_of_gdp`` reads "% of GDP".

A message template names a field (``{q.unit}``); its value is rendered through this table first, so
no raw enum name reaches an editor. Keyed by field name, with per-kind entries where one field name
means different things in different kinds. ``tests/evaluate/test_lint_problems.py`` checks that every coded
value (one with an underscore) of every field a rule can name has a label here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

_WEEKDAYS = {d: d.capitalize() for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}

_BY_FIELD: dict[str, dict[str, str]] = {
    "unit": {"percent": "percent", "percent_of_gdp": "percent of GDP", "percentage_points": "percentage points",
             "currency": "money", "amount": "amount", "count": "count"},
    "relation": {"percent_change": "percentage change", "difference": "difference", "total": "total", "share": "share",
                 "ratio": "multiple"},
    "stated_bound": {"exact": "exactly", "at_least": "at least", "at_most": "at most", "about": "about"},
    "hedge": {"exact": "exact", "approx": "approximate", "upper_bound": "an upper bound",
              "lower_bound": "a lower bound"},
    "attribution": {"on_record": "on the record", "media_report": "a media report", "anonymous": "anonymous",
                    "unofficial": "unofficial", "hearsay": "hearsay", "none": "unattributed"},
    "status": {"found": "found", "not_found": "not found", "no_data": "no data for that year",
               "failed": "the look-up failed", "offline": "offline, nothing cached"},
    "claim_kind": {"tenure_start": "start of tenure", "role_mention": "title"},
    "form": {"day_of_month": "day of the month"},
    "claim_type": {"other": "figure"},
    "weekday": _WEEKDAYS,
    "weekday_of_date": _WEEKDAYS,
    "other_weekday": _WEEKDAYS,
    "weekday_conflict": _WEEKDAYS,
}
_BY_KIND: dict[tuple[str, str], dict[str, str]] = {}

# months written YYYY-MM ("--MM" when no year is named), read as an editor writes them: "October 2024"
_MONTH_FIELDS = frozenset({"stated_start", "stated_end", "expected_start", "expected_end"})
_MONTH = re.compile(r"(?:(\d{4})-|--)(0[1-9]|1[0-2])")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(_BY_FIELD)


def label(kind: str | None, field: str, value: object) -> object:
    """The human label of ``value`` for ``kind.field``, or the value itself when it is not coded."""
    if not isinstance(value, str):
        return value
    table = _BY_KIND.get((kind or "", field)) or _BY_FIELD.get(field)
    if table is not None and value in table:
        return table[value]
    if field in _MONTH_FIELDS and (m := _MONTH.fullmatch(value)):
        month = _MONTH_NAMES[int(m.group(2)) - 1]
        return f"{month} {m.group(1)}" if m.group(1) else month
    if field == "country" or field.endswith("_country"):
        from factcheck.model.countries import country_name

        return country_name(value) or value
    return value


def has_label(kind: str, field: str, value: str) -> bool:
    table = _BY_KIND.get((kind, field)) or _BY_FIELD.get(field)
    return table is not None and value in table
