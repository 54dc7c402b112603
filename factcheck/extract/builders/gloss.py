"""fiscal_year_gloss: a fiscal year with its months spelled out.

"fiscal 2027 (April 2027-March 2028)" gives both ends; "fiscal 2025, the 12 months that ended Sept. 30"
or "the 2025-26 financial year starting April 1" give one, and a fiscal year is twelve months, so the
other follows. Slots: ``year`` (a fiscal-year mention), ``first`` and/or ``last`` (month or date
mentions). A side written without its year ("that ended Sept. 30") is compared by its month only: it
takes the year the country's calendar gives that side.

The months expected come from the country's fiscal calendar (filled by the resolver), or, for a fiscal
year named by its end ("the fiscal year ending March 2026"), from that end.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

from factcheck.extract.builders.common import (
    certainty_of,
    fiscal_country_guessed,
    mentions_any,
    other_owners,
    placed,
    shared_currency_countries,
)
from factcheck.extract.mentions.resources import lexicon, resource
from factcheck.model.countries import country as country_record
from factcheck.model.countries import country_of_currency, fiscal_calendar, fiscal_range, range_label_year
from factcheck.model.document import Span
from factcheck.model.facts import FiscalYearGloss

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.mentions.model import Mention
    from factcheck.extract.relations.match import RelationMatch

Month = tuple[int, int]  # (year, month)


def _shift(ym: Month, months: int) -> Month:
    n = ym[0] * 12 + ym[1] - 1 + months
    return n // 12, n % 12 + 1


def _iso(ym: Month) -> str:
    return f"{ym[0]:04d}-{ym[1]:02d}"


def _parse(iso: str) -> Month:
    return int(iso[:4]), int(iso[5:7])


def _nearest_year(month: int, target: Month) -> int:
    """The year that puts ``month`` nearest the month ``target``."""
    return min((target[0] - 1, target[0], target[0] + 1), key=lambda y: abs((y - target[0]) * 12 + month - target[1]))


def _side(m: Mention | None, first: bool) -> tuple[int | None, int] | None:
    """(year or None, month) of a gloss end; None if it is not one (a start not on the 1st, an end
    before the 28th: not a fiscal year's bounds)."""
    if m is None or not m.value.get("month"):
        return None
    day = m.value.get("day")
    if day is not None and ((first and day != 1) or (not first and day < 28)):
        return None
    return m.value.get("year"), int(m.value["month"])


def _bound_side(m: Mention) -> tuple[tuple[int | None, int] | None, tuple[int | None, int] | None]:
    """(first, last) of a fiscal year named by its bound ("the financial year ending June 30, 2026",
    "the fiscal year beginning April 1, 2024"); a day that is no bound of a year gives neither."""
    v = m.value
    if v.get("form") != "bounded":
        return None, None
    year, day = (int(v["bound_year"]) if v.get("bound_year") is not None else None), v.get("day")
    if v.get("end_month"):
        return None, ((year, int(v["end_month"])) if day is None or day >= 28 else None)
    if v.get("start_month"):
        return ((year, int(v["start_month"])) if day is None or day == 1 else None), None
    return None, None


def _label(fy: Mention, country: str | None) -> tuple[int, tuple[str, str] | None] | None:
    """The fiscal year's number and, when its name gives them, its months."""
    v = fy.value
    if v.get("form") == "bounded":
        if v.get("end_month") and v.get("bound_year"):  # "the fiscal year ending March 2026"
            end = (int(v["bound_year"]), int(v["end_month"]))
            return end[0], (_iso(_shift(end, -11)), _iso(end))
        return None
    if v.get("year") is None:
        return None
    year = int(v["year"])
    if v.get("year2"):  # "fiscal 2025-26", "FY2024-25", "2028-29": named by the calendar
        year = range_label_year(year, int(v["year2"]), country)
    return year, None


@cache
def _dollar_starts() -> frozenset[int]:
    """The months fiscal years start in where money is written in dollars and is not the U.S. federal
    government's: the countries whose currency sign holds "$" (Australia, Canada, Hong Kong ...) and the
    U.S. states, counties and cities. Not January: a fiscal year glossed as the calendar year is no
    other government's way of writing dollars (Brazil's R$ is a real, not a dollar)."""
    lx = resource("lexicon")
    starts = {int(m) for m in lx["us_subnational_fiscal_starts"]}
    for sign, code in lexicon().currency_symbols.items():
        cal = fiscal_calendar(country_of_currency(code)) if "$" in sign else None
        if cal is not None:
            starts.add(cal[0])
    return frozenset(starts - {1, 10})


def _other_dollar_calendar(first: tuple[int | None, int] | None, last: tuple[int | None, int] | None) -> bool:
    """The stated months start a year where another dollar government's does (from the start, else the
    month after the end)."""
    start = first[1] if first is not None else last[1] % 12 + 1 if last is not None else None
    return start is not None and start in _dollar_starts()


def _fits_naming(fy: Mention, start: Month, end: Month) -> bool:
    """Whether twelve months from ``start`` to ``end`` can be the fiscal year ``fy`` names under either
    convention: "fiscal 2025" starts or ends in 2025; "2025-26" starts in 2025 and ends in 2026 (or is
    the calendar year)."""
    year, year2 = int(fy.value["year"]), fy.value.get("year2")
    if year2:
        # a year named for two calendar years runs from the first into the second: "2024-25" is never
        # the calendar year 2024 (nor any other twelve months inside one calendar year)
        return (start[0], end[0]) == (year, int(year2))
    return year in (start[0], end[0])


def _late_end(last: tuple[int | None, int] | None, given: Mention | None, country: str | None) -> tuple[int | None, int] | None:
    """An end said by its month alone in a country whose year runs a few days into the next month
    (Britain's tax year ends on April 5): "the financial year that ends in April" ends with March."""
    c = country_record(country)
    if last is None or given is None or given.value.get("day") is not None or c is None or not c.fiscal_overrun_days:
        return last
    if c.fiscal is None or last[1] != c.fiscal[0] or last[1] == 1:
        return last  # (a year that starts in January ends in December, never "in January")
    return last[0], last[1] - 1


def _guess_reason(country: str | None, a: Analysis) -> str:
    """What a guessed calendar rests on, for the finding's message."""
    record = country_record(country)
    name = record.name if record is not None else str(country)
    owner = f"{'the ' if name.endswith('s') else ''}{name}{chr(39) if name.endswith('s') else chr(39) + 's'}"
    if country in shared_currency_countries(a):
        return f"no country is named: the calendar is taken to be {owner}, from a currency sign several countries use"
    return f"no country is named: the calendar is taken to be {owner}, from the story's dollar figures"


def _fits_a_calendar_of(fy: Mention, start: Month, end: Month, codes: list[str]) -> bool:
    """The stated months are the year by the calendar of one of ``codes``: another country that writes the
    story's shared currency sign ("Rs" in Pakistan and India), or another that may own the year (see
    :func:`other_owners`). A year that names its months ("the fiscal year ending March 2023") fits no
    calendar in particular."""
    for code in codes:
        label = _label(fy, code)
        if label is None or label[1] is not None:
            continue
        rng = fiscal_range(label[0], code)
        if rng is not None and rng == (_iso(start), _iso(end)):
            return True
    return False


def build(match: RelationMatch, a: Analysis) -> FiscalYearGloss | None:
    if match.pattern.spec.set.get("relative"):
        return _build_relative(match, a)  # "the current fiscal year ending March 2027"
    fy = match.mention("year")
    alias = match.mention("alias")
    if alias is not None:
        return _build_alias(match, a, fy, alias)
    if fy is None and match.words("year"):
        return _build_yearless(match, a)
    if fy is not None and match.pattern.spec.set.get("bound_only"):
        # "India's fiscal deficit ... for the financial year ending June 30": a year named by a bound with no year,
        # its month against the calendar of the country the sentence names
        if fy.value.get("form") != "bounded" or fy.value.get("bound_year") is not None:
            return None
        return _build_yearless(match, a, _bound_side(fy))
    if fy is None or fy.type != "fiscal_year":
        return None
    first, last = _side(match.mention("first"), True), _side(match.mention("last"), False)
    bound = match.mention("bound")
    if bound is not None:  # "2025-26, the financial year ending June 30, 2026": the apposition's bound is a side
        first, last = _bound_side(bound)
    if first is None and last is None:
        return None
    if (first is None and match.mention("first") is not None) or (last is None and match.mention("last") is not None):
        return None  # "(April 15, 2026 - March 31, 2027)": a side that is no bound of a year, so no gloss
    country, guessed = fiscal_country_guessed(a, match)
    dollars = guessed and country == "US"  # the guess of a dollar story with no country named
    if dollars and _other_dollar_calendar(first, last) and not mentions_any(match, "us_federal_words"):
        country, guessed = None, False  # "$42.1 billion in 2025-26, the year that begins on July 1": whose dollars?
    if dollars and fy.value.get("year2"):
        # "2024-25" is no way to name a U.S. federal year ("fiscal 2025"): the dollars are another
        # country's (Canada's, Australia's ...), so no calendar is guessed
        country, guessed = None, False
    if fy.value.get("year2") and (cal := fiscal_calendar(country)) is not None and cal[0] == 1:
        # "the 2024-25 financial year" is no year of a country whose year is the calendar's (Saudi Arabia's):
        # named for two years, it is another body's, and only its naming is checked
        country, guessed = None, False
    last = _late_end(last, match.mention("last"), country)
    label = _label(fy, country)
    if label is None:
        return None
    year, named = label
    expected = named or fiscal_range(year, country)
    exp_start, exp_end = (_parse(expected[0]), _parse(expected[1])) if expected else (None, None)
    opening = _opening_months(match.mention("opening"))
    if match.get("cumulative"):
        # "the cumulative third quarter of the fiscal year ending February 2026": its first three quarters
        q = _quarter_number(match.words("cumulative"))
        opening = 3 * q if q is not None and q < 4 else None
        if opening is None:
            return None
    elif match.get("opening") and opening is None:
        return None
    if opening is None and not match.get("quarter") and not match.get("half") and _part_of_year(match, fy, both_sides=first is not None and last is not None) \
            and not _outside_year(first, last, exp_start, exp_end):
        # "the third quarter of fiscal 2026, the three months to July 31": the quarter's bounds; but a bound
        # outside the whole year ("the first half of 2025-26, which ends in March 2025") fits neither reading
        return None
    quarter = _quarter_number(match.words("quarter")) if match.get("quarter") else None
    if match.get("quarter"):
        # "the first quarter of FY2025-26 (April-June 2025)": the quarter's three months by the calendar,
        # or by the year's own bound ("the first quarter of its fiscal year ending March 2026" starts in
        # April 2025); a company's or an unknown calendar gives no quarter to compare with
        if quarter is None or exp_start is None:
            return None
        exp_start = _shift(exp_start, 3 * (quarter - 1))
        exp_end = _shift(exp_start, 2)
    half = _half_number(match.words("half")) if match.get("half") else None
    if match.get("half"):
        # "H1 FY26 (April-September 2025)": the half's six months by the calendar
        if half is None or exp_start is None:
            return None
        exp_start = _shift(exp_start, 6 * (half - 1))
        exp_end = _shift(exp_start, 5)
    if opening is not None:
        # "October and November 2025, the first two months of fiscal 2026": the year's first N months
        if exp_start is None:
            # no calendar known (the body's own): the year opens with the first month written, and its first N
            # months end N - 1 months on ("the first five months (July-December) of fiscal year 2025-26" is six)
            if first is None or last is None:
                return None
            if first[0] is None:
                y = int(fy.value["year"])
                first = (y if fy.value.get("year2") or first[1] <= last[1] else y - 1, first[1])
            exp_start = first
        exp_end = _shift(exp_start, opening - 1)
    # a side without its year: from the other side (twelve months), else the calendar's year for it
    if first is not None and last is not None:
        if last[0] is None and first[0] is not None:
            last = (first[0] if last[1] >= first[1] else first[0] + 1, last[1])
        if first[0] is None and last[0] is not None:
            first = (last[0] if first[1] <= last[1] else last[0] - 1, first[1])
    if first is not None and first[0] is None:
        if exp_start is None:
            return None
        first = (_nearest_year(first[1], exp_start), first[1])
        if last is not None and last[0] is None:  # "(April-August)": the range runs on from its first month
            last = (first[0] if last[1] >= first[1] else first[0] + 1, last[1])
    if last is not None and last[0] is None:
        if exp_end is None:
            return None
        last = (_nearest_year(last[1], exp_end), last[1])
    start: Month = first if first is not None else _shift(last, -11)  # type: ignore[arg-type]
    end: Month = last if last is not None else _shift(start, 11)  # type: ignore[arg-type]
    months = (end[0] - start[0]) * 12 + end[1] - start[1]
    if quarter is not None:
        if months != 2 or first is None or last is None:
            return None  # a quarter is glossed by its three months, both ends written
    elif half is not None:
        if months != 5 or first is None or last is None:
            return None  # a half by its six months, both ends written
    elif opening is not None:
        if first is None or last is None or not 0 <= months < 12:
            return None  # the opening months are glossed by both ends, inside one year
    elif 0 <= months < 11:
        return None  # "the fiscal year ending February 2026 (March to August)": a part of the year, not a gloss
    part = quarter is not None or half is not None or opening is not None
    if guessed and country in shared_currency_countries(a) and (part or _fits_a_calendar_of(fy, start, end, shared_currency_countries(a)[1:])):
        return None  # a rupee story that fits Pakistan's calendar is no Indian story in error
    if not part and country is not None and _fits_a_calendar_of(
            fy, start, end, [c for c in other_owners(match) if c != country]):
        # "India's imports of Australian coal in the 2024-25 fiscal year, the 12 months to March 31": whose
        # year it is the sentence does not settle, and the months are India's
        return None
    fits = None if named or part else _fits_naming(fy, start, end)
    split = f"{fy.value['year']}-{str(fy.value['year2'])[-2:]}" if fy.value.get("year2") and not named else None
    span = Span(start=match.start, end=match.end)
    return FiscalYearGloss(
        span=span,
        text=a.text[span.start : span.end],
        sentence=match.sentence.index,
        fiscal_year=year,
        country=country,
        stated_start=_iso(start),  # type: ignore[arg-type]
        stated_end=_iso(end),  # type: ignore[arg-type]
        expected_start=_iso(exp_start) if part else named[0] if named else None,  # type: ignore[arg-type]
        expected_end=_iso(exp_end) if part else named[1] if named else None,  # type: ignore[arg-type]
        quarter=quarter,
        half=half,
        opening_months=opening,
        fits_naming=fits,
        label=split,
        certainty="inferred" if guessed else certainty_of(match) if not match.pattern.spec.set.get("across_clauses")
        else "certain",
        inferred=_guess_reason(country, a) if guessed else None,
        pattern=match.pattern.id,
    )


def _opening_months(m: Mention | None) -> int | None:
    """N of "the first N months of": a whole number of months short of a year, else None."""
    if m is None or m.type != "duration" or m.value.get("unit") != "month":
        return None
    amount = m.value.get("amount")
    if amount is None or amount != int(amount) or not 1 <= int(amount) <= 11:
        return None
    return int(amount)


def _build_alias(match: RelationMatch, a: Analysis, fy: Mention | None, alias: Mention) -> FiscalYearGloss | None:
    """A fiscal year named for two calendar years and, in brackets, by one ("financial year 2024-25 (FY24)",
    "FY25 (2024-25)"). A one-year name that neither starts nor ends the two (FY23 for 2024-25) fits no calendar;
    one that fits the other naming only (FY24 for 2024-25 where years are named after their end) is the
    country's naming against a body that may keep its own, so at most inferred."""
    if fy is None or fy.type != "fiscal_year" or alias.type != "fiscal_year":
        return None
    two, one = (fy, alias) if fy.value.get("year2") else (alias, fy)
    if not two.value.get("year2") or one.value.get("year2") or one.value.get("form") == "bounded" \
            or one.value.get("year") is None or two.value.get("year") is None:
        return None
    y1, y2, n = int(two.value["year"]), int(two.value["year2"]), int(one.value["year"])
    if y2 != y1 + 1:
        return None
    country, guessed = fiscal_country_guessed(a, match)
    cal = fiscal_calendar(country)
    common = {**placed(match, a), "label": f"{y1}-{str(y2)[-2:]}", "alias": a.text[one.start : one.end],
              "pattern": match.pattern.id}
    if cal is None or cal[0] == 1 or guessed:
        if n in (y1, y2):
            return None  # either naming may be the body's own
        return FiscalYearGloss(**common, fiscal_year=n, country=None, stated_start=f"{y1:04d}", stated_end=f"{y2:04d}",
                               fits_naming=False, certainty=certainty_of(match))  # type: ignore[arg-type]
    year = range_label_year(y1, y2, country)
    stated, expected = fiscal_range(n, country), fiscal_range(year, country)
    if stated is None or expected is None:
        return None
    naming = "the year they end in" if cal[1] == "end" else "the year they start in"
    other_naming = n in (y1, y2) and n != year
    return FiscalYearGloss(
        **common, fiscal_year=year, country=country, stated_start=stated[0], stated_end=stated[1],
        expected_start=expected[0], expected_end=expected[1],
        certainty="inferred" if other_naming else certainty_of(match),  # type: ignore[arg-type]
        inferred=f"fiscal years are taken to be named as {_country_name(country)} names them, after {naming}"
        if other_naming else None)


def _country_name(code: str | None) -> str:
    record = country_record(code)
    return record.name if record is not None else str(code)


def _outside_year(first: tuple[int | None, int] | None, last: tuple[int | None, int] | None,
                  exp_start: Month | None, exp_end: Month | None) -> bool:
    """One bound, with its year, that lies outside the months of the whole fiscal year: no part of the
    year and not the year itself starts or ends there."""
    side = first if last is None else last if first is None else None
    if side is None or side[0] is None or exp_start is None or exp_end is None:
        return False
    ym = (side[0], side[1])
    return not exp_start <= ym <= exp_end  # type: ignore[operator]


_PART_BEFORE = ("quarter of", "half of", "months of", "quarter of the", "half of the", "months of the", "q 1",
                "q 2", "q 3", "q 4", "h 1", "h 2")


def _part_of_year(match: RelationMatch, fy: Mention, both_sides: bool) -> bool:
    """The fiscal year is named as the year of a part of it ("the third quarter of fiscal 2026", "Q3 FY26",
    "the first nine months of fiscal 2025") and only one end is given, or the months given are a few of
    them ("the three months to July 31"): what follows bounds the part, not the year. With both ends
    written ("the April-June quarter of FY26 (April 2026-March 2027)") the months say which is meant."""
    items = match.sentence.items
    if any(it.mention is not None and it.mention.type == "duration" and it.mention.value.get("unit") == "month"
           and it.mention.value.get("amount") in (12, 12.0) for it in items[match.first_item : match.last_item]):
        return False  # "H1 of FY2024-25 (the twelve months to ...)": twelve months gloss the whole year
    k = next((i for i, it in enumerate(items) if it.mention is fy), None)
    if k is not None and not both_sides:
        before = " ".join(it.code for it in items[max(0, k - 3) : k])
        if before.endswith(_PART_BEFORE):
            return True
    for it in items[match.first_item : match.last_item]:
        m = it.mention
        if m is not None and m.type == "duration" and m.value.get("unit") == "month" and m.value.get("amount") not in (12, 12.0, None):
            return True
    return False


_QUARTERS = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3, "3rd": 3, "q3": 3,
             "fourth": 4, "4th": 4, "q4": 4}


def _half_number(words: str) -> int | None:
    """1 or 2 from the words of a ``half`` slot ("the first half of", "H2"), else None."""
    low = words.lower().replace("-", " ")
    if low.startswith("h "):
        return {"1": 1, "2": 2}.get(low.split()[1]) if len(low.split()) > 1 else None
    return 1 if "first" in low.split() else 2 if "second" in low.split() else None


def _quarter_number(words: str) -> int | None:
    """1-4 from the words of a ``quarter`` slot ("the first quarter of", "Q3"), else None."""
    low = words.lower().replace("-", " ").replace("q ", "q")  # "Q1" is read as "q 1"
    return next((_QUARTERS[w] for w in low.split() if w in _QUARTERS), None)


@cache
def _month_names() -> dict[int, str]:
    """Month numbers to their full names, from the lexicon's month words (the longest word per month)."""
    names: dict[int, str] = {}
    for word, n in resource("lexicon")["months"].items():
        if len(word) > len(names.get(int(n), "")):
            names[int(n)] = word
    return {n: w.capitalize() for n, w in names.items()}


def _months(first: int, last: int) -> str:
    names = _month_names()
    return f"{names[first]} to {names[last]}"


def _build_yearless(match: RelationMatch, a: Analysis,
                    sides: tuple[tuple[int | None, int] | None, tuple[int | None, int] | None] | None = None,
                    ) -> FiscalYearGloss | None:
    """A fiscal year named by its months alone ("Japan's April-March fiscal year", "the fiscal year
    beginning in April"): its months against the national calendar of a country named in the sentence.
    Without such a country (a company's, a state's or an unnamed body's year) no gloss is made: any
    months may start their year."""
    first, last = sides if sides is not None else (_side(match.mention("first"), True), _side(match.mention("last"), False))
    if first is None and last is None:
        return None
    if match.pattern.spec.set.get("dated_sides"):
        return _dated_span(match, a, first, last)
    if any(side is not None and side[0] is not None for side in (first, last)):
        return None  # "the fiscal year ending in March 2026": a named fiscal year, read by the other patterns
    country, guessed = fiscal_country_guessed(a, match)
    cal = country_record(country)
    if guessed or cal is None or cal.fiscal is None:
        return _not_twelve_months(match, a, first, last)
    named = _named_in_sentence(match, country)
    if named is None:
        return _not_twelve_months(match, a, first, last)
    start_month = first[1] if first is not None else (last[1] % 12) + 1  # type: ignore[index]
    end_month = last[1] if last is not None else (start_month - 2) % 12 + 1
    exp_start = cal.fiscal[0]
    exp_end = (exp_start - 2) % 12 + 1
    if start_month != exp_start and any((other := fiscal_calendar(code)) is not None and other[0] == start_month
                                        for code in other_owners(match) if code != country):
        # "UK Export Finance lent £2.9 billion in Saudi Arabia in the financial year that ended in March":
        # the months are Britain's year, and the sentence does not settle whose year it is
        return None
    span = Span(start=match.start, end=match.end)
    return FiscalYearGloss(
        span=span,
        text=a.text[span.start : span.end],
        sentence=match.sentence.index,
        fiscal_year=None,
        country=country,
        stated_start=f"--{start_month:02d}",
        stated_end=f"--{end_month:02d}",
        expected_start=f"--{exp_start:02d}",
        expected_end=f"--{exp_end:02d}",
        stated_months=_months(start_month, end_month),
        expected_months=_months(exp_start, exp_end),
        # certain only where the year is plainly the country's: "Japan's April-March fiscal year", or a
        # sentence of public money naming the country; else a company or body of that country may keep
        # its own year ("Fast Retailing, the Japanese owner of Uniqlo, ... its September-August year")
        certainty=certainty_of(match) if named == "owner" or (named == "name" and mentions_any(match, "government_words"))
        else "inferred",
        pattern=match.pattern.id,
    )


def _not_twelve_months(match: RelationMatch, a: Analysis, first: Month | None,
                       last: Month | None) -> FiscalYearGloss | None:
    """Whoever's year it is, a fiscal year runs twelve months: "the company's fiscal year runs from April
    to December" cannot be right on any calendar (both ends written; else None)."""
    if first is None or last is None or (last[1] - first[1]) % 12 == 11:
        return None
    span = Span(start=match.start, end=match.end)
    return FiscalYearGloss(
        span=span,
        text=a.text[span.start : span.end],
        sentence=match.sentence.index,
        fiscal_year=None,
        stated_start=f"--{first[1]:02d}",
        stated_end=f"--{last[1]:02d}",
        stated_months=_months(first[1], last[1]),
        fits_naming=False,
        certainty=certainty_of(match),
        pattern=match.pattern.id,
    )


def _dated_span(match: RelationMatch, a: Analysis, first: tuple[int | None, int] | None,
                last: tuple[int | None, int] | None) -> FiscalYearGloss | None:
    """A fiscal year written as the days it runs between, each with its year ("the fiscal year between April 1,
    2016 and March 31, 2017"): on any calendar, twelve months from the first day's month to the last's."""
    if first is None or last is None or first[0] is None or last[0] is None:
        return None
    months = (last[0] - first[0]) * 12 + last[1] - first[1]
    if months == 11:
        return None
    return FiscalYearGloss(
        **placed(match, a),
        fiscal_year=None,
        stated_start=_iso((first[0], first[1])),
        stated_end=_iso((last[0], last[1])),
        stated_months=f"{_months(first[1], last[1])} ({first[0]} to {last[0]})",
        fits_naming=False,
        certainty=certainty_of(match),  # type: ignore[arg-type]
        pattern=match.pattern.id,
    )


def _named_in_sentence(match: RelationMatch, code: str | None) -> str | None:
    """How the sentence names the country whose calendar is used (outside brackets): "owner" when it
    owns the fiscal year ("Japan's fiscal year", "Japan's April-March fiscal year"), "name" when it is
    named by name, "cue" for a demonym or a place; None when it is not named in the sentence."""
    sent = match.sentence
    before = sent.items[match.first_item - 1].mention if match.first_item > 0 else None
    if before is not None and before.type == "country" and before.value.get("code") == code \
            and before.value.get("possessive"):
        return "owner"
    found = [it.mention.value.get("cue") for it in sent.items
             if it.mention is not None and it.mention.type == "country" and it.mention.value.get("code") == code
             and sent.clauses[it.clause].kind != "paren"]
    if not found:
        return None
    return "name" if "name" in found else "cue"


_RELATIVE_NAMES = {0: "current", -1: "previous", 1: "next"}
_BOUNDARY_DAYS = 31  # so near the turn of the year, "the current fiscal year" may still mean the one just ended


def _build_relative(match: RelationMatch, a: Analysis) -> FiscalYearGloss | None:
    """"the current fiscal year ending March 2027": a year named from the publication date, with its last month. The
    twelve months that end there must hold the publication date (a year on for "next", a year back for "previous");
    none is read without a publication date, without a year to the end month, or within a month of the turn of the
    year."""
    rel, last_m = match.mention("year"), match.mention("last")
    published = a.doc.published
    if rel is None or last_m is None or published is None or rel.value.get("unit") != "fiscal_year":
        return None
    offset = rel.value.get("offset")
    last = _side(last_m, False)
    if not isinstance(offset, int) or offset not in _RELATIVE_NAMES or last is None or last[0] is None:
        return None
    name = _RELATIVE_NAMES[offset]
    end_month = last[1]
    current_end = (published.year if published.month <= end_month else published.year + 1, end_month)
    expected_end = (current_end[0] + offset, end_month)
    # about the first day after the end of the year before and of this one
    turns = [dt.date(y, end_month, 1) + dt.timedelta(days=31) for y in (current_end[0] - 1, current_end[0])]
    if min(abs((published - turn).days) for turn in turns) <= _BOUNDARY_DAYS:
        return None
    stated_end: Month = (last[0], last[1])
    span = Span(start=match.start, end=match.end)
    return FiscalYearGloss(
        span=span,
        text=a.text[span.start : span.end],
        sentence=match.sentence.index,
        fiscal_year=stated_end[0],
        country=None,
        stated_start=_iso(_shift(stated_end, -11)),
        stated_end=_iso(stated_end),
        expected_start=_iso(_shift(expected_end, -11)),
        expected_end=_iso(expected_end),
        relative_to_publication=name,
        certainty=certainty_of(match),
        pattern=match.pattern.id,
    )

