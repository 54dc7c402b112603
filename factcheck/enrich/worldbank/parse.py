"""The API's answer: ``[metadata, rows]`` with paging, or an error message array.

Rows look like ``{"indicator": {"id", "value"}, "country": {"id", "value"}, "countryiso3code",
"date": "2023", "value": 1.23 | null, "unit", "obs_status", "decimal"}``. An unknown indicator or a
bad country code comes back as ``[{"message": [{"id": "120", "key": "Invalid value", "value": "..."}]}]``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.enrich.errors import SourceError


class Meta(BaseModel):
    model_config = ConfigDict(extra="ignore")

    page: int = Field(ge=1)
    pages: int = Field(ge=0)
    per_page: int = Field(ge=0)
    total: int = Field(ge=0)


class Ref(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    value: str = ""


class Row(BaseModel):
    model_config = ConfigDict(extra="ignore")

    indicator: Ref
    country: Ref
    countryiso3code: str = ""
    date: str
    value: float | None = None
    unit: str = ""
    obs_status: str = ""
    decimal: int = 0


class Page(BaseModel):
    meta: Meta
    rows: list[Row]


def parse_page(data: Any) -> Page:
    """One page of an answer; raises ``SourceError`` for the error shape or anything malformed."""
    if isinstance(data, list) and data and isinstance(data[0], dict) and "message" in data[0]:
        messages = data[0].get("message") or []
        text = "; ".join(
            f"{m.get('key', '')}: {m.get('value', '')}".strip() for m in messages if isinstance(m, dict)
        )
        raise SourceError("api_error", f"the API refused the request ({text or 'no message'})")
    if not isinstance(data, list) or len(data) not in (1, 2) or not isinstance(data[0], dict):
        raise SourceError("malformed", "not the API's [metadata, rows] shape")
    try:
        meta = Meta.model_validate(data[0])
        rows_raw = data[1] if len(data) == 2 and data[1] is not None else []
        if not isinstance(rows_raw, list):
            raise SourceError("malformed", "rows are not a list")
        rows = [Row.model_validate(r) for r in rows_raw]
    except ValidationError as exc:
        raise SourceError("malformed", f"unexpected row shape: {exc.error_count()} problem(s)") from None
    return Page(meta=meta, rows=rows)
