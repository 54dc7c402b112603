"""Facts in words: one line per fact with its resolved values, for ``factcheck facts`` and
``check --show-facts``, so that an editor or rule author sees why a finding fired or did not."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.model.facts import FactBase


def _counted(n: object, unit: str) -> str:
    """ "1 year", "3 years", "-1 day": the unit in the number's grammatical number."""
    return f"{n} {unit}" if n in (1, -1) else f"{n} {unit}s"


def _shift(f: FactBase) -> str:
    d = f.model_dump()
    kind = "fiscal " if d["year_type"] == "fiscal" else ""
    frm = f"{d['from_year']}-{d['from_month']:02d}" if d.get("from_month") else str(d["from_year"])
    to = f"{d['to_year']}-{d['to_month']:02d}" if d.get("to_month") else str(d["to_year"])
    if d.get("from_day") and d.get("to_day"):
        frm, to = f"{frm}-{d['from_day']:02d}", f"{to}-{d['to_day']:02d}"
    stated = ""
    bound = "" if d["stated_bound"] == "exact" else f"{d['stated_bound'].replace('_', ' ')} "
    way = d.get("stated_direction") or "?"
    if d.get("stated_days") is not None:
        stated = f"; stated: {way} by {bound}{_counted(d['stated_days'], 'day')}"
    elif d.get("stated_months") is not None:
        stated = f"; stated: {way} by {bound}{_counted(d['stated_months'], 'month')}"
    elif d.get("stated_years") is not None:
        stated = f"; stated: {way} by {bound}{_counted(d['stated_years'], 'year')}"
    elif d.get("stated_direction"):
        stated = f"; stated: {d['stated_direction']}"
    if d.get("days_between") is not None:
        actual = f"{_counted(d['days_between'], 'day')}"
    elif d.get("months_between") is not None:
        actual = f"{_counted(d['months_between'], 'month')}"
    else:
        actual = f"{_counted(d['years_between'], 'year')}"
    country = f" ({d['country']})" if d.get("country") else ""
    return (f"{kind}{frm} -> {to}{country}, actual: {d['actual_direction']} by {actual}{stated}"
            f"; target: {d['target']!r}")


def _quantity(f: FactBase) -> str:
    d = f.model_dump()
    money = f" {d['currency']}" if d.get("currency") else ""
    scale = f" x{d['scale']:g}" if d.get("scale", 1) != 1 else ""
    parts = [f"{d['value']:g}{scale}{money} {d['unit']}"]
    for k in ("subject", "holder", "claim_type", "hedge", "attribution", "attributed_to"):
        if d.get(k) not in (None, "", "none", "exact", "other"):
            parts.append(f"{k}={d[k]}")
    return ", ".join(parts)


def _arith(f: FactBase) -> str:
    d = f.model_dump()
    ok = "consistent" if d["consistent"] else "INCONSISTENT"
    return (f"{d['relation']}: stated {d['stated_text']} [{d['stated_low']:g}, {d['stated_high']:g}], computed "
            f"{d['computed']:g} [{d['computed_low']:g}, {d['computed_high']:g}] from {d['operands']}: {ok}")


def _date(f: FactBase) -> str:
    d = f.model_dump()
    wd = f", weekday stated {d['weekday']} (date is a {d['weekday_of_date']})" if d.get("weekday") else ""
    return f"{d['form']} {d['expression']!r} -> {d.get('date') or 'unresolved'}{wd}"


def _gloss(f: FactBase) -> str:
    d = f.model_dump()
    if d.get("fiscal_year") is None:  # a fiscal year named by its months alone
        return (f"fiscal year ({d.get('country') or '?'}): stated {d.get('stated_months') or '?'}, "
                f"calendar says {d.get('expected_months') or '?'}")
    return (f"FY{d['fiscal_year']} ({d.get('country') or '?'}): stated {d['stated_start']}..{d['stated_end']}, "
            f"calendar says {d.get('expected_start') or '?'}..{d.get('expected_end') or '?'}")


def _tenure(f: FactBase) -> str:
    d = f.model_dump()
    return f"{d['person']} ({d.get('office') or '?'}) took office {d.get('date') or 'unresolved'} ({d['date_text']!r})"


def _generic(f: FactBase) -> str:
    d = f.model_dump(exclude={"id", "kind", "span", "text", "sentence", "seq", "certainty", "inferred", "pattern"})
    return ", ".join(f"{k}={v}" for k, v in d.items() if v not in (None, [], ""))


_DESCRIBE: dict[str, Callable[[FactBase], str]] = {
    "timeline_shift": _shift,
    "quantity": _quantity,
    "arithmetic_claim": _arith,
    "date_mention": _date,
    "fiscal_year_gloss": _gloss,
    "tenure_start": _tenure,
}


def describe(fact: FactBase) -> str:
    """``f3 timeline_shift [certain] fiscal 2027 -> 2025 (JP), ...``."""
    kind = fact.kind  # type: ignore[attr-defined]
    body = _DESCRIBE.get(kind, _generic)(fact)
    certainty = fact.certainty if not fact.inferred else f"inferred: {fact.inferred}"
    via = f" via {fact.pattern}" if fact.pattern else ""
    return f"{fact.id} {kind} [{certainty}] {body}{via}"
