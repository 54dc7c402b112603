"""Build entities in the shape ``wbgetentities`` returns (see shared/fixtures/wikidata)."""

from __future__ import annotations

import uuid
from typing import Any

_PRECISION = {"day": 11, "month": 10, "year": 9}
_GREGORIAN = "http://www.wikidata.org/entity/Q1985727"


def _time(date: str) -> dict[str, Any]:
    parts = date.split("-")
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    y, m, d = [*parts, "00", "00"][:3]
    return {
        "time": f"+{y}-{m}-{d}T00:00:00Z",
        "timezone": 0,
        "before": 0,
        "after": 0,
        "precision": _PRECISION[precision],
        "calendarmodel": _GREGORIAN,
    }


def _item_value(qid: str) -> dict[str, Any]:
    return {"value": {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}, "type": "wikibase-entityid"}


def _snak(prop: str, datavalue: dict[str, Any], datatype: str) -> dict[str, Any]:
    return {
        "snaktype": "value",
        "property": prop,
        "hash": uuid.uuid5(uuid.NAMESPACE_OID, f"{prop}{datavalue}").hex[:40],
        "datavalue": datavalue,
        "datatype": datatype,
    }


def position_held(
    subject: str,
    position: str,
    *,
    start: str | None = None,
    end: str | None = None,
    end_unknown: bool = False,
    replaces: str | None = None,
    replaced_by: str | None = None,
    rank: str = "normal",
) -> dict[str, Any]:
    """A P39 statement; dates as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (which sets the precision)."""
    qualifiers: dict[str, list[dict[str, Any]]] = {}
    if start:
        qualifiers["P580"] = [_snak("P580", {"value": _time(start), "type": "time"}, "time")]
    if end:
        qualifiers["P582"] = [_snak("P582", {"value": _time(end), "type": "time"}, "time")]
    elif end_unknown:
        qualifiers["P582"] = [{"snaktype": "somevalue", "property": "P582", "hash": "0" * 40, "datatype": "time"}]
    if replaces:
        qualifiers["P1365"] = [_snak("P1365", _item_value(replaces), "wikibase-item")]
    if replaced_by:
        qualifiers["P1366"] = [_snak("P1366", _item_value(replaced_by), "wikibase-item")]
    statement: dict[str, Any] = {
        "mainsnak": _snak("P39", _item_value(position), "wikibase-item"),
        "type": "statement",
        "id": f"{subject}${uuid.uuid5(uuid.NAMESPACE_OID, f'{subject}{position}{start}').hex.upper()}",
        "rank": rank,
    }
    if qualifiers:
        statement["qualifiers"] = qualifiers
        statement["qualifiers-order"] = list(qualifiers)
    return statement


def item(
    qid: str,
    label: str,
    *,
    description: str | None = None,
    aliases: list[str] | None = None,
    instance_of: str | None = None,
    positions: list[dict[str, Any]] | None = None,
    extra_labels: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A bare item object as found under ``entities`` in a ``wbgetentities`` answer."""
    labels = {"en": {"language": "en", "value": label}}
    labels.update({k: {"language": k, "value": v} for k, v in (extra_labels or {}).items()})
    claims: dict[str, list[dict[str, Any]]] = {}
    if instance_of:
        claims["P31"] = [
            {
                "mainsnak": _snak("P31", _item_value(instance_of), "wikibase-item"),
                "type": "statement",
                "id": f"{qid}$P31",
                "rank": "normal",
            }
        ]
    if positions:
        claims["P39"] = positions
    return {
        "pageid": int(qid[1:]) % 100_000_000,
        "ns": 0,
        "title": qid,
        "lastrevid": 2_400_000_000 + int(qid[1:]) % 1000,
        "modified": "2025-11-01T00:00:00Z",
        "type": "item",
        "id": qid,
        "labels": labels,
        "descriptions": {"en": {"language": "en", "value": description}} if description else [],
        "aliases": {"en": [{"language": "en", "value": a} for a in aliases]} if aliases else [],
        "claims": claims or [],
        "sitelinks": [],
    }
