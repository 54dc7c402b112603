"""Typed facts: what extractors, resolvers and reference sources produce, and what rules read.

Every fact is a pydantic model with a literal ``kind``; ``Fact`` is the discriminated union of all of
them. Rules (``rules/*.yaml``) may name any *scalar* field of a kind (str, int, float, bool, ISO date
strings); list and object fields are for people and formats, not for rules. Field names ``id`` and
``sid`` are reserved by the engine and cannot be used in rule expressions (see ENGINE-NOTES).

Conventions:
- dates are ISO strings (``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY`` when that is all that is known), so
  that both engines compare them as strings; ``*_precision`` says which (``day``/``month``/``year``);
- ``None`` means "unknown": the field is left out of what the engine sees, and a rule that reads it
  stays silent (no guessing);
- ``*_key`` fields are normalised join keys (lower case, diacritics folded), made by
  :mod:`factcheck.model.keys`, so that "Shinjirō Koizumi", "Shinjiro Koizumi" and a later
  "Minister Koizumi" join.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from factcheck.model.document import Span

Precision = Literal["day", "month", "year"]
Direction = Literal["earlier", "later", "same"]


_COMPUTED: dict[type, dict[str, object]] = {}  # each fact class's computed fields


class FactBase(BaseModel):
    """Fields every fact has."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field("", description="Unique within a document: 'f1', 'f2', ... (assigned by the pipeline).")
    span: Span = Field(description="Where the claim is, as offsets into the document body.")
    text: str = Field(description="The source text of the span.")
    sentence: int = Field(0, description="Index of the sentence the fact was found in (0-based).")
    seq: int = Field(0, description="Order of the fact in the document; usable in rules to order pairs.")
    certainty: Literal["certain", "inferred"] = Field(
        "certain", description="'certain' when every slot was read from the fact's own clause; 'inferred' when "
        "one came from elsewhere (a back-reference, an unstated year, a guessed subject). Error rules need certain "
        "facts.")
    inferred: str | None = Field(None, description="What was inferred, in words (for messages), if anything.")
    pattern: str | None = Field(None, description="Id of the relation pattern the fact was read with, if any.")

    @model_validator(mode="before")
    @classmethod
    def _ignore_derived(cls, data: object) -> object:
        """Derived (computed) fields appear in dumped JSON; reading that JSON back recomputes them."""
        if not isinstance(data, dict):
            return data
        computed = _COMPUTED.get(cls)
        if computed is None:  # a class property, dearer than a dict look-up: read once per class
            computed = _COMPUTED[cls] = dict(cls.model_computed_fields)
        if computed and not computed.keys().isdisjoint(data):
            return {k: v for k, v in data.items() if k not in computed}
        return data


class DateMention(FactBase):
    """A date as written: absolute, day-of-month only, weekday, relative, month or year."""

    kind: Literal["date_mention"] = "date_mention"
    form: Literal["absolute", "day_of_month", "weekday", "relative", "month", "year"]
    expression: str = Field(description="The date expression as written, e.g. 'on the 29th'.")
    date: str | None = Field(None, description="Resolved ISO date (or YYYY-MM / YYYY), None if unresolved.")
    precision: Precision | None = None
    weekday: str | None = Field(None, description="Weekday as stated ('monday'), if any.")
    weekday_of_date: str | None = Field(None, description="Weekday the resolved date falls on (derived).")
    anchor: str | None = Field(None, description="Fact id a relative date was resolved against.")
    tense: Literal["past", "future", "present"] | None = None
    other_weekday: str | None = Field(
        None, description="Weekday stated for the same event elsewhere in the text, if different mentions "
        "of one event carry weekdays (resolve).")
    other_date: str | None = Field(
        None, description="Date (ISO) the same event is given elsewhere in the text, when a back-reference "
        "naming it by its date (\"the Nov. 20 approval\") gives another day (extract).")
    other_expression: str | None = Field(
        None, description="The words in the same phrase that give the event its other weekday (\"held on "
        "May 14\" after \"Friday's election,\") (extract).")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def weekday_conflict(self) -> str | None:
        """The weekday the resolved date falls on, when it is not the stated one (derived)."""
        if self.weekday and self.weekday_of_date and self.weekday != self.weekday_of_date:
            return self.weekday_of_date
        return None


class Event(FactBase):
    """Something that happened or will happen: a meeting, summit, address, announcement."""

    kind: Literal["event"] = "event"
    event_type: str = Field(description="Normalised type: 'meeting', 'summit', 'address', ...")
    label: str = Field(description="Short human label, e.g. 'the summit between Trump and Takaichi'.")
    participants: list[str] = Field(default_factory=list)
    place: str | None = None
    date: str | None = None
    precision: Precision | None = None
    date_text: str | None = None
    weekday: str | None = Field(None, description="Weekday its date is stated with ('monday'), if any.")
    event_key: str | None = Field(
        None, description="Same key for mentions of one event: type + participants, or inherited by a "
        "definite back-reference ('the summit') from the event it refers to (resolve).")


class Sequence(FactBase):
    """A stated order between two dated things ("the meeting followed the summit the previous day").

    ``earlier_*`` is what the text says came first. Rules compare the resolved dates.
    """

    kind: Literal["sequence"] = "sequence"
    cue: str = Field(description="The words that state the order: 'followed', 'the previous day', ...")
    earlier_label: str
    later_label: str
    earlier_date: str | None = None
    later_date: str | None = None
    strict: bool = Field(True, description="True if the text implies different days.")
    earlier_at: int | None = Field(None, description="Offset of the words naming the earlier side.")
    later_at: int | None = Field(None, description="Offset of the words naming the later side.")
    earlier_ref: str | None = Field(None, description="Fact id the earlier side was linked to (resolve).")
    later_ref: str | None = Field(None, description="Fact id the later side was linked to (resolve).")
    stated_days: int | None = Field(
        None, description="The interval as stated, in days ('a day after' -> 1, 'three weeks before' -> 21).")
    tolerance_days: int = Field(0, description="How far the dates may be from stated_days (a week: 1 day).")
    stated_bound: Literal["exact", "at_most", "at_least"] = Field(
        "exact", description="'less than a week after' (at_most), 'more than a month after' (at_least).")
    span_days: int | None = Field(
        None, description="A length stated for a range of days ('the two-day meeting on Dec. 9-11' -> 2; 'one "
        "week' -> 7), against range_days.")
    range_days: int | None = Field(None, description="The days of that range, counted inclusively (Dec. 9-11 -> 3).")
    stated_years: int | None = Field(
        None, description="An interval stated in whole years from a dated event ('the ninth anniversary of' -> 9); "
        "the later date is then checked against the anniversary nearest it, within tolerance_days.")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def years_between(self) -> int | None:
        """Which anniversary of the earlier date the later one is, when it lies within tolerance_days of one
        (derived; only for an interval stated in years)."""
        if self.stated_years is None or not self.later_date or len(self.later_date) != 10:
            return None
        try:
            later = dt.date.fromisoformat(self.later_date)
            parts = [int(x) for x in (self.earlier_date or "").split("-")]
            year, month, day = [*parts, 15] if len(parts) == 2 else parts
            if not 1000 <= year <= 9999:
                return None
            nearest = min(range(later.year - year - 1, later.year - year + 2),
                          key=lambda n: abs((later - _on_year(year + n, month, day)).days))
        except ValueError:
            return None
        close = abs((later - _on_year(year + nearest, month, day)).days) <= self.tolerance_days
        return nearest if close and nearest > 0 else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def days_between(self) -> int | None:
        """Days from the earlier date to the later one, when both are full dates (derived)."""
        if not self.earlier_date or not self.later_date or len(self.earlier_date) != 10 or len(self.later_date) != 10:
            return None
        return (dt.date.fromisoformat(self.later_date) - dt.date.fromisoformat(self.earlier_date)).days

    @computed_field  # type: ignore[prop-decorator]
    @property
    def interval_ok(self) -> bool | None:
        """Whether the dates are the stated interval apart (None when no interval is stated, or no dates)."""
        if self.span_days is not None:
            return None if self.range_days is None else abs(self.range_days - self.span_days) <= self.tolerance_days
        if self.stated_years is not None:
            return None if self.years_between is None else self.years_between == self.stated_years
        if self.stated_days is None or self.days_between is None:
            return None
        if self.stated_bound == "at_most":
            return self.days_between <= self.stated_days + self.tolerance_days
        if self.stated_bound == "at_least":
            return self.days_between >= self.stated_days - self.tolerance_days
        return abs(self.days_between - self.stated_days) <= self.tolerance_days

    @computed_field  # type: ignore[prop-decorator]
    @property
    def stated_interval(self) -> str | None:
        """The stated interval in words, for messages ('1 day after', 'at most 7 days after') (derived)."""
        if self.stated_years is not None:
            return f"{_years(self.stated_years)} after"
        if self.stated_days is None:
            return None
        bound = {"exact": "", "at_most": "at most ", "at_least": "at least "}[self.stated_bound]
        return f"{bound}{_days(self.stated_days)} after"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def dates_interval(self) -> str | None:
        """What the dates put between the two sides, in words ('3 days after', '2 days before', 'the same day
        as') (derived)."""
        if self.stated_years is not None:
            return None if self.years_between is None else f"{_years(self.years_between)} after"
        d = self.days_between
        if d is None:
            return None
        return "the same day as" if d == 0 else f"{_days(abs(d))} {'after' if d > 0 else 'before'}"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _years(n: int) -> str:
    return "1 year" if n == 1 else f"{n} years"


def _on_year(year: int, month: int, day: int) -> dt.date:
    """The date in ``year`` (Feb. 29 falls on Feb. 28 in other years)."""
    return dt.date(year, month, min(day, 28) if month == 2 and day == 29 else day)


class TimelineShift(FactBase):
    """A target moved from one year (or month) to another, with the shift as stated."""

    kind: Literal["timeline_shift"] = "timeline_shift"
    target: str = Field(description="What the deadline is for, e.g. 'defense spending to 2% of GDP'.")
    from_year: int
    to_year: int
    from_month: int | None = None
    to_month: int | None = None
    from_day: int | None = Field(None, description="Day of the month, when both targets are full dates with their years.")
    to_day: int | None = Field(None, description="Day of the month, when both targets are full dates with their years.")
    from_label: str
    to_label: str
    year_type: Literal["calendar", "fiscal"] = "calendar"
    country: str | None = Field(None, description="ISO 3166 alpha-2 of the fiscal calendar, if fiscal.")
    span_days: int | None = Field(
        None, description="A length stated for a range of days ('the two-day meeting on Dec. 9-11' -> 2; 'one "
        "week' -> 7), against range_days.")
    range_days: int | None = Field(None, description="The days of that range, counted inclusively (Dec. 9-11 -> 3).")
    stated_years: int | None = Field(None, description="The shift as stated, in years ('by two years' -> 2).")
    stated_months: int | None = Field(None, description="The shift as stated in months ('a delay of 18 months' -> 18).")
    stated_days: int | None = Field(None, description="The shift as stated in days or weeks ('postponed by four days' -> 4, "
                                    "'a week later' -> 7).")
    stated_bound: Literal["exact", "at_least", "at_most", "about"] = "exact"
    stated_direction: Literal["earlier", "later"] | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def months_between(self) -> int | None:
        """Absolute number of months between the two targets when both name a month (derived)."""
        if self.from_month is None or self.to_month is None:
            return None
        return abs((self.to_year * 12 + self.to_month) - (self.from_year * 12 + self.from_month))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def days_between(self) -> int | None:
        """Absolute number of days between the two targets when both are full dates (derived)."""
        if None in (self.from_month, self.to_month, self.from_day, self.to_day):
            return None
        try:
            a = dt.date(self.from_year, self.from_month, self.from_day)  # type: ignore[arg-type]
            b = dt.date(self.to_year, self.to_month, self.to_day)  # type: ignore[arg-type]
        except ValueError:
            return None
        return abs((b - a).days)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def years_between(self) -> int:
        """Absolute number of years between the two targets (derived: the engine has no abs())."""
        return abs(self.to_year - self.from_year)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def actual_direction(self) -> Direction:
        """Whether the new target is earlier or later than the old one (derived)."""
        a = (self.from_year, self.from_month or 0, self.from_day or 0)
        b = (self.to_year, self.to_month or 0, self.to_day or 0)
        return "earlier" if b < a else "later" if b > a else "same"


Attribution = Literal["on_record", "media_report", "anonymous", "unofficial", "hearsay", "none"]
#: Units of a figure. Rules may compare ``unit`` only with these (``rules lint`` lists them).
QuantityUnit = Literal["percent", "percent_of_gdp", "percentage_points", "currency", "count"]
ArithmeticUnit = Literal["percent", "percentage_points", "amount"]
ClaimKind = Literal["tenure_start", "role_mention"]
Hedge = Literal["exact", "approx", "upper_bound", "lower_bound"]


class Quantity(FactBase):
    """A figure with its unit, the subject it measures, its hedge and its attribution."""

    kind: Literal["quantity"] = "quantity"
    value: float
    unit: QuantityUnit = Field(description="'percent' (3%), 'percent_of_gdp' (3% of GDP), 'percentage_points', "
                               "'currency' (money: see currency and scale), 'count' (people, cases, votes: see "
                               "subject).")
    currency: str | None = Field(None, description="ISO 4217 code for money ('JPY', 'KRW', 'USD').")
    scale: float = Field(1.0, description="Multiplier the value is stated in (1e9 for 'billion').")
    subject: str | None = Field(None, description="What it measures, normalised ('defense spending').")
    subject_key: str | None = Field(None, description="Join key: subject + holder + claim type.")
    holder: str | None = Field(None, description="Whose figure it is ('Japan').")
    claim_type: Literal["target", "request", "actual", "forecast", "change", "other"] = "other"
    hedge: Hedge = "exact"
    hedge_text: str | None = None
    attribution: Attribution = "none"
    attribution_cue: str | None = Field(None, description="The words carrying the attribution.")
    attributed_to: str | None = Field(None, description="Who said it, if named.")
    decimals: int = Field(0, description="Decimal places as stated (for rounding tolerance).")


class TenureStart(FactBase):
    """A stated start of an official's tenure: 'X, who took office on the 21st'."""

    kind: Literal["tenure_start"] = "tenure_start"
    person: str
    person_key: str
    office: str | None = None
    office_key: str | None = None
    date_text: str
    date: str | None = None
    precision: Precision | None = None


class RoleMention(FactBase):
    """A person named with a title: 'Japanese Defense Minister Shinjiro Koizumi'."""

    kind: Literal["role_mention"] = "role_mention"
    person: str
    person_key: str
    title: str
    office_key: str | None = None
    country: str | None = None
    date: str | None = Field(None, description="Date the sentence implies the role was held on.")
    precision: Precision | None = None


class FiscalYearGloss(FactBase):
    """A fiscal year with its months spelled out: 'fiscal year 2027 (April 2027-March 2028)'."""

    kind: Literal["fiscal_year_gloss"] = "fiscal_year_gloss"
    fiscal_year: int | None = Field(
        description="The fiscal year's number; None for a fiscal year named by its months alone (\"Japan's "
        "April-March fiscal year\"), whose sides are then months without a year ('--MM').")
    country: str | None = None
    stated_start: str = Field(description="YYYY-MM as written ('--MM' when no year is named).")
    stated_end: str = Field(description="YYYY-MM as written ('--MM' when no year is named).")
    expected_start: str | None = Field(None, description="YYYY-MM by the country's fiscal calendar.")
    expected_end: str | None = None
    quarter: int | None = Field(None, description="1-4 when the gloss is of a quarter of the fiscal year "
                                "(\"the first quarter of FY2025-26 (April-June 2025)\"); its months are then the quarter's.")
    half: int | None = Field(None, description="1 or 2 when the gloss is of a half of the fiscal year (\"H1 FY26 "
                             "(April-September 2025)\"); its months are then the half's.")
    alias: str | None = Field(None, description="'FY24': another name given for the fiscal year in brackets "
                              "(\"financial year 2024-25 (FY24)\"); its months are then the stated ones.")
    opening_months: int | None = Field(None, description="N when the gloss is of the first N months of the fiscal "
                                       "year (\"October and November 2025, the first two months of fiscal 2026\"); "
                                       "its months are then those N.")
    stated_months: str | None = Field(None, description="'March to April': the stated months, for a fiscal year "
                                      "named without a year.")
    expected_months: str | None = Field(None, description="'April to March': the calendar's months, for a fiscal "
                                        "year named without a year.")
    fits_naming: bool | None = Field(
        None, description="Whether the stated months can be this fiscal year under either naming (after the "
        "year it starts in or the year it ends in), whatever the calendar; None when the name gives its months.")
    label: str | None = Field(None, description="'2024-25': the name of a fiscal year named for the two calendar "
                              "years it spans.")
    relative_to_publication: str | None = Field(
        None, description="'current', 'previous' or 'next' for a year named from the publication date ('the current "
        "fiscal year ending March 2025'): expected_start/expected_end are then that year's months.")


class ArithmeticClaim(FactBase):
    """A stated result of arithmetic on figures in the same sentence, and the result recomputed.

    "7.5 percent, or 4.1 trillion won, higher than 54.6 trillion" (percent change), "the €9.2 billion
    gap between €41.5 billion and €50.7 billion" (difference), "A and B, a total of C" (total). Like
    statcheck, the check allows for rounding: every figure stands for the interval it rounds from
    (half a unit of its last stated decimal), and hedges widen or bound the stated side ("about" +-5%,
    "nearly"/"almost" up to 10% below, "more than"/"at least" an exact lower bound, "less than"/"up to" an
    exact upper one). ``consistent`` is False when no reading of the figures meets the stated result.
    """

    kind: Literal["arithmetic_claim"] = "arithmetic_claim"
    relation: Literal["percent_change", "difference", "total", "share", "ratio"] = Field(
        description="'share': a part as a percentage of its whole ('12 of 40, or 30%'); 'ratio': a stated multiple "
        "('more than doubled', 'halved'), its size given as a percentage change.")
    stated: float = Field(description="The stated result (percent for percent_change, else the amount).")
    stated_text: str
    computed: float = Field(description="The result recomputed from the operands (point value).")
    computed_low: float
    computed_high: float
    stated_low: float = Field(description="Lowest value the stated result admits (rounding and hedge).")
    stated_high: float
    operands: list[float] = Field(default_factory=list)
    unit: ArithmeticUnit = Field(
        "amount", description="'percent' for percent changes, 'percentage_points' for a gap between percentages, "
        "else 'amount'.")
    hedge: Hedge = "exact"
    computed_text: str = Field("", description="The recomputed result, written like the stated one.")
    stated_direction: Literal["up", "down"] | None = Field(
        None, description="Which way the text says the change goes ('rose', 'down', 'a fall of'), if it says.")
    actual_direction: Literal["up", "down", "same"] | None = Field(
        None, description="Which way the operands go, old to new (changes only).")
    whole: str | None = Field(
        None, description="What the parts are shares of when the whole is implied, not stated ('the vote': \"A won "
        "52.3% of the vote, B 41.1% and C 9.2%\" can add up to no more than 100%).")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def tolerance(self) -> float:
        """Half-width of the stated interval (derived: rounding of the stated precision, widened by hedges)."""
        return round((self.stated_high - self.stated_low) / 2, 10)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def consistent(self) -> bool:
        """Whether the recomputed interval meets the stated one, and the stated direction (if any) is the
        operands' (derived: the engine has no intervals)."""
        if self.stated_direction is not None and self.actual_direction not in (None, self.stated_direction):
            return False
        return self.computed_high >= self.stated_low and self.computed_low <= self.stated_high


class ReferenceTenure(FactBase):
    """A position held, per a reference source (e.g. Wikidata P39 with P580/P582 qualifiers)."""

    kind: Literal["reference_tenure"] = "reference_tenure"
    person: str
    person_key: str = Field(description="The key of the text mention this reference was looked up for.")
    person_id: str
    office: str
    office_key: str | None = Field(None, description="The office_key of the claim it matched, if any.")
    office_id: str
    start: str | None = None
    end: str | None = None
    precision: Precision | None = None
    source: str = "wikidata"
    url: str
    retrieved_at: str | None = Field(
        None, description="When the source's answer was fetched (ISO 8601, UTC): a cached answer keeps its fetch time.")
    # Derived for rules, computed when the reference is built for one claim (the grammar has no
    # date truncation): both dates cut to the precision they share, so "last October" (2025-10)
    # agrees with 2025-10-21 while "the 12th" (2025-10-12) does not.
    claim_kind: ClaimKind | None = Field(None, description="Kind of the claim this reference answers.")
    claim_date: str | None = Field(None, description="The claim's date (tenure start or implied date).")
    common_precision: Precision | None = Field(None, description="Coarser of the two precisions.")
    start_common: str | None = Field(None, description="Reference start cut to common_precision.")
    claim_date_common: str | None = Field(None, description="Claim date cut to common_precision.")
    in_office: bool | None = Field(None, description="Held on the claim's date per the reference.")


class ReferenceStatus(FactBase):
    """The outcome of looking a claim up in a reference source (for 'unverified' findings)."""

    kind: Literal["reference_status"] = "reference_status"
    person: str
    person_key: str
    office_key: str | None = None
    source: str = "wikidata"
    status: Literal["found", "not_found", "failed", "offline"]
    reason: str | None = None
    claim_kind: ClaimKind | None = Field(None, description="Kind of the claim that was looked up.")
    person_id: str | None = None
    office: str | None = Field(None, description="Label of the matched position, if any.")
    office_id: str | None = None
    url: str | None = Field(None, description="Entity page of the person (evidence).")
    retrieved_at: str | None = Field(
        None, description="When the person's record was fetched from the source (ISO 8601, UTC), if it was.")
    date: str | None = Field(None, description="The date the office was checked on.")
    in_office: bool | None = Field(
        None, description="Whether any statement of the matched position covers `date`; None if unknown."
    )
    held: str | None = Field(None, description="The position's terms, e.g. '2001-04-26 to 2006-09-26'.")
    unknown_to: str | None = Field(
        None, description="The source, when it knows no one by the person's name (status not_found, no person_id).")
    first_mention: bool = Field(
        True, description="First status of this person with this outcome in the document (derived)."
    )


StatisticUnit = Literal["percent_of_gdp", "percent", "count", "usd"]


class StatisticClaim(FactBase):
    """A stated current or past value of a known statistical indicator, for a country and a year.

    "Japan spent 1.4% of GDP on defence in 2024": indicator MS.MIL.XPND.GD.ZS, country JP, year 2024.
    Targets, pledges, requests and forecasts are not statistic claims.
    """

    kind: Literal["statistic_claim"] = "statistic_claim"
    indicator: str = Field(description="Indicator id of the source ('MS.MIL.XPND.GD.ZS').")
    indicator_label: str
    country: str = Field(description="ISO 3166 alpha-2 code.")
    country_name: str = Field(description="The country as written.")
    value: float = Field(description="The stated value in the indicator's unit (a count, not millions).")
    value_text: str = Field(description="The figure as written ('1.4%').")
    unit: StatisticUnit
    decimals: int = Field(0, description="Decimal places as stated.")
    scale: float = Field(1.0, description="Multiplier the value is stated in (1e6 for 'million').")
    hedge: Hedge = "exact"
    year: int = Field(description="The year the value is stated for.")
    year_source: Literal["explicit", "relative", "tense"] = Field(
        description="'explicit' ('in 2023'), 'relative' ('last year') or 'tense' (present tense and the "
        "publication date).")
    period_text: str | None = Field(None, description="The words giving the period, if any.")


StatisticStatus = Literal["found", "no_data", "failed", "offline"]


class ReferenceStatistic(FactBase):
    """A source's value of an indicator for a country and year, against one statistic claim."""

    kind: Literal["reference_statistic"] = "reference_statistic"
    claim: str = Field(description="Fact id of the statistic_claim it answers.")
    claim_seq: int = Field(description="``seq`` of that claim (rules join on it: ``id`` is reserved).")
    indicator: str
    indicator_label: str
    country: str = Field(description="ISO 3166 alpha-2 code.")
    country_name: str = Field(description="The country as the source names it (or as written).")
    year: int = Field(description="The year the value is for.")
    status: StatisticStatus
    reason: str | None = None
    value: float | None = Field(None, description="The source's value (None: no data for that year).")
    value_text: str | None = Field(None, description="The source's value, written like the stated one.")
    unit: StatisticUnit
    stated: float = Field(description="The claim's value.")
    stated_text: str
    stated_low: float = Field(description="Lowest value the stated figure admits (precision and hedge).")
    stated_high: float
    year_explicit: bool = Field(description="The claim names its year ('in 2023').")
    source: str = "worldbank"
    url: str | None = Field(None, description="The series' page (evidence).")
    retrieved_at: str | None = Field(None, description="When the source's answer was fetched (ISO 8601, UTC).")
    note: str | None = Field(None, description="How the source defines the indicator, if notable.")
    agrees: bool | None = Field(None, description="The source's value is within the stated interval.")
    first_mention: bool = Field(True, description="First unverified claim of this indicator and country.")


Fact = Annotated[
    DateMention
    | Event
    | Sequence
    | TimelineShift
    | Quantity
    | TenureStart
    | RoleMention
    | FiscalYearGloss
    | ArithmeticClaim
    | ReferenceTenure
    | ReferenceStatus
    | StatisticClaim
    | ReferenceStatistic,
    Field(discriminator="kind"),
]

FACT_TYPES: dict[str, type[FactBase]] = {
    cls.model_fields["kind"].default: cls
    for cls in (
        DateMention,
        Event,
        Sequence,
        TimelineShift,
        Quantity,
        TenureStart,
        RoleMention,
        FiscalYearGloss,
        ArithmeticClaim,
        ReferenceTenure,
        ReferenceStatus,
        StatisticClaim,
        ReferenceStatistic,
    )
}
