"""bench/perturb.py: each kind on hand-written passages, the labels, determinism, and no case from a
passage without a plantable structure."""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import bench_module

ROOT = Path(__file__).resolve().parents[2]




perturb = bench_module("perturb.py")
PUB = dt.date(2025, 11, 6)


@dataclass
class P:
    text: str
    published: dt.date | None = PUB
    id: str = "hand-1"
    category: str = "consistent"
    must: list[str] = field(default_factory=list)
    split: str = "dev"
    base_id: str | None = None


def cases(text: str, kind: str | None = None, **kw: Any) -> list[Any]:
    found = perturb.cases_for(P(text, **kw), seed=0, per_site=20)
    return [c for c in found if kind is None or c.kind == kind]


def edited(case: Any, base: str) -> None:
    """The case is the base text with exactly the one recorded edit."""
    assert case.text != base
    assert base[case.start:case.start + len(case.before)] == case.before
    assert case.text == base[:case.start] + case.after + base[case.start + len(case.before):]


# --- (a) shift amount -------------------------------------------------------------------------------

SHIFT = "The ministry brought forward the deadline by two years, from 2030 to 2028, officials said."


def test_shift_amount_changes_the_stated_years() -> None:
    found = cases(SHIFT, "shift-amount")
    assert found and all(c.must == ["timeline.shift-mismatch"] for c in found)
    for c in found:
        edited(c, SHIFT)
        assert c.before == "two years" and c.after != "two years"
        assert re.fullmatch(r"(one year|(three|four|five|six|seven|eight|nine|ten) years)", c.after)


@pytest.mark.parametrize("text, before", [
    ("Japan now expects to reach the goal in fiscal 2025, two years ahead of schedule, instead of by fiscal 2027.",
     "two years"),
    ("Britain will meet its aid pledge three years early, in 2027 rather than in 2030 as first promised.", "three years"),
    ("The target will now be met in 2027, three years earlier than its original 2030 goal.", "three years"),
    ("The launch was delayed by a year, from 2026 to 2027, the agency said.", "a year"),
])
def test_shift_amount_forms(text: str, before: str) -> None:
    found = cases(text, "shift-amount")
    assert found and {c.before for c in found} == {before}
    assert all(c.after not in (before, "one year" if before == "a year" else before) for c in found)


def test_shift_amount_at_least_only_goes_past_the_years_named() -> None:
    text = "The ban was brought forward by at least three years, to 2036 from 2040, officials said."
    found = cases(text, "shift-amount")
    assert found and all(c.after in ("five years", "six years", "seven years", "eight years") for c in found)


def test_shift_amount_in_months_between_two_months() -> None:
    text = "The launch was delayed by six months to March 2027 from September 2026, the agency said."
    found = cases(text, "shift-amount")
    assert found and {c.before for c in found} == {"six months"}
    assert all(re.fullmatch(r"(one month|\w+ months)", c.after) and c.after != "six months" for c in found)
    for c in found:
        edited(c, text)


def test_shift_amount_as_a_hyphenated_modifier_keeps_its_article() -> None:
    text = "The interconnector faces an eight-month delay, with commissioning now due in August 2027 rather than December 2026."
    found = cases(text, "shift-amount")
    assert found and {c.before for c in found} == {"an eight-month"}
    assert {"a seven-month", "a nine-month", "a ten-month"} <= {c.after for c in found}
    assert perturb._article(8, "eight") == "an" and perturb._article(18, "18") == "an" and perturb._article(7, "7") == "a"
    assert "a two-year" in {c.after for c in cases("Works will move from 2027 to 2030, a three-year delay.", "shift-amount")}


@pytest.mark.parametrize("text", [
    "The rollout moved from March 2026 to 2027, a delay of nine months.",  # a month against a bare year
    "The launch was delayed by a year, to March 2027 from September 2026.",  # years said between two months
    "The launch was delayed by six months, from 2026 to 2027.",  # months said between two bare years
])
def test_shift_amount_units_must_match_the_targets(text: str) -> None:
    assert cases(text, "shift-amount") == []


@pytest.mark.parametrize("text", [
    "The ministry brought forward the deadline by about two years, from 2030 to 2028.",  # hedged
    "The ministry brought forward the deadline by three years, from 2030 to 2028.",  # already inconsistent
    "The deadline was brought forward by two years. It moves from 2030 to 2028.",  # years in another sentence
    "The target will be met in 2025, two years earlier than planned, while the budget for 2026 grows.",  # no old year
    "The deadline was delayed by two years, from 2030 to 2032. The launch was postponed to 2029.",  # two shifts
    "The plan covers the 2028-29 fiscal year and was moved up by two years from 2030.",  # not a plain year
])
def test_shift_amount_not_planted_without_a_clear_shift(text: str) -> None:
    assert cases(text, "shift-amount") == []


# --- (f) shift direction ----------------------------------------------------------------------------

def test_shift_direction_flips_the_verb() -> None:
    found = cases(SHIFT, "shift-direction")
    assert {c.after for c in found} == {"pushed back", "delayed", "postponed"}
    for c in found:
        edited(c, SHIFT)
        assert c.before == "brought forward" and c.must == ["timeline.shift-mismatch"]


def test_shift_direction_flips_later_to_earlier_and_keeps_capitals() -> None:
    text = "Delayed by a year, from 2026 to 2027, the launch is now set for spring."
    assert {c.after for c in cases(text, "shift-direction")} == {"Moved up", "Brought forward", "Moved forward"}


def test_shift_direction_flips_a_comparison() -> None:
    text = "The target will now be met in 2027, three years earlier than its original 2030 goal."
    found = cases(text, "shift-direction")
    assert [(c.before, c.after) for c in found] == [("earlier than", "later than")]


@pytest.mark.parametrize("text", [
    "The deadline was delayed by two years, from 2030 to 2028, the ministry said.",  # direction already wrong
    "Exports advanced 3% in 2024 from 2023, the ministry said.",  # no stated order of a shift
    "A delayed budget for 2026 replaces the 2025 plan.",  # adjective, no order
])
def test_shift_direction_not_planted_without_a_clear_shift(text: str) -> None:
    assert cases(text, "shift-direction") == []



@pytest.mark.parametrize("text, before", [
    # the move told by a verb split from its particle, after "instead of"
    ("The country will aim for net zero in 2045 instead of 2050, bringing the goal forward by five years.", "five years"),
    # "extended by N years from" after the new target
    ("The dam is now due to open in 2030 after the completion date was extended by two years from 2028.", "two years"),
    # a year of a modifier ("set in 2019") is no third target
    ("The line will not open until 2031, the city said, a delay of three years from the 2028 date set in 2019.",
     "three years"),
])
def test_shift_amount_s23_forms(text: str, before: str) -> None:
    found = cases(text, "shift-amount")
    assert found and {c.before for c in found} == {before}
    for c in found:
        edited(c, text)


def test_no_shift_site_from_a_fiscal_year_told_by_its_end() -> None:
    """"The fiscal year ending March 31, 2027" spans 2026 and 2027: against a calendar year a shift has two
    readings, so no edit of it is certainly wrong."""
    text = ("Canada will meet the goal in the fiscal year ending March 31, 2027, the minister said, three years "
            "earlier than the 2030 date set out last year.")
    assert cases(text, "shift-amount") == [] and cases(text, "shift-direction") == []


def test_shift_direction_flips_the_particle_of_a_split_verb() -> None:
    text = "The country will aim for net zero in 2045 instead of 2050, bringing the goal forward by five years."
    assert [(c.before, c.after) for c in cases(text, "shift-direction")] == [("forward", "back")]


def test_no_shift_site_when_the_split_verb_disagrees_with_the_years() -> None:
    text = "The country will aim for net zero in 2045 instead of 2050, pushing the goal back by five years."
    assert cases(text, "shift-direction") == [] and cases(text, "shift-amount") == []

# --- (b) weekday ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, weekday", [
    ("The vote took place on Thursday, Oct. 30, 2025, the commission said.", "Thursday"),
    ("The two leaders met in Tokyo on Tuesday (Nov 4) and agreed to deepen ties.", "Tuesday"),
    ("The ministry released the figures on Nov. 4 (Tuesday), a day early.", "Tuesday"),
    ("Parliament will reconvene on Monday, 3 November 2025, the speaker said.", "Monday"),
    ("The budget will be presented on Friday, March 6, 2026, officials said.", "Friday"),
    # a weekday naming an event its noun dates right after it
    ("Congress removed the president in Thursday's vote on Nov. 6, 2025, the speaker said.", "Thursday"),
])
def test_weekday_changed_to_every_other_day(text: str, weekday: str) -> None:
    found = cases(text, "weekday")
    others = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"} - {weekday}
    assert {c.after for c in found} == others
    for c in found:
        edited(c, text)
        assert c.before == weekday and c.must == ["dates.weekday-mismatch"]


@pytest.mark.parametrize("text, published", [
    ("The vote took place on Friday, Oct. 30, 2025, the commission said.", PUB),  # wrong already
    ("The leaders met on Tuesday and agreed to deepen ties.", PUB),  # no date given with it
    ("The two leaders met in Tokyo on Tuesday (Nov 4).", None),  # no year, no publication date
    ("The leaders met on Tuesday, Feb. 30, the ministry said.", PUB),  # no such date
])
def test_weekday_not_planted_without_a_checkable_date(text: str, published: dt.date | None) -> None:
    assert cases(text, "weekday", published=published) == []


# --- (c) fiscal gloss -------------------------------------------------------------------------------

GLOSS = "Japan plans to reach the goal in fiscal year 2027 (April 2027-March 2028), the government said."


def test_fiscal_gloss_years_changed() -> None:
    found = cases(GLOSS, "fiscal-gloss")
    glosses = {c.after for c in found}
    assert glosses == {"2026-March 2027", "2028-March 2029", "2025-March 2026", "2029-March 2030",
                       "2026-March 2028", "2027-March 2029"}
    for c in found:
        edited(c, GLOSS)
        assert c.before == "2027-March 2028" and c.must == ["fiscal.gloss-mismatch"]


@pytest.mark.parametrize("text", [
    "The U.S. Congress approved spending for fiscal 2026 (October 2025-September 2026).",
    "India set a deficit target for 2026-27 (April 2026-March 2027) in the budget.",
    "Britain's Treasury said the 2025 fiscal year (April 2025 to March 2026) would see less borrowing.",
])
def test_fiscal_gloss_forms(text: str) -> None:
    assert len(cases(text, "fiscal-gloss")) == len(perturb.GLOSS_EDITS)


@pytest.mark.parametrize("text", [
    "The company's fiscal year 2026 (April 2026-March 2027) results will be released in May.",  # a company
    "Spending for fiscal 2026 (April 2026-March 2027) was approved on Friday.",  # no country
    "Japan plans to reach the goal in fiscal year 2027 (April 2027-March 2029).",  # not twelve months
    "Japan and India set targets for fiscal 2026 (April 2026-March 2027).",  # two countries
    "Japan plans to reach the goal in fiscal year 2030 (April 2027-March 2028).",  # label and gloss disagree
])
def test_fiscal_gloss_not_planted_without_a_clear_gloss(text: str) -> None:
    assert cases(text, "fiscal-gloss") == []


# --- (d) parts of a total ---------------------------------------------------------------------------

SUM = "The army gets £8.7 billion and the navy £5.1 billion, a total of £13.8 billion, the ministry said."


def test_sum_part_changed_beyond_rounding() -> None:
    found = cases(SUM, "sum-part")
    assert {c.before for c in found} == {"8.7", "5.1"}
    for c in found:
        edited(c, SUM)
        other = 13.8 - float(c.before)
        assert abs(float(c.after) + other - 13.8) >= 0.69 - 1e-9  # 5% of the total, far beyond ±0.15
        assert c.must == ["numbers.arithmetic-mismatch"]


def test_sum_part_across_scales_and_grouped_digits() -> None:
    text = "Lawmakers approved $893 billion for defense and $708 billion for other programs, a combined $1.6 trillion."
    assert {c.before for c in cases(text, "sum-part")} == {"893", "708"}
    crowd = "The final drew 48,200 fans and the semi-final 61,000, a combined 109,200 for the weekend."
    assert all(re.fullmatch(r"\d{2,3},\d{3}", c.after) for c in cases(crowd, "sum-part"))


@pytest.mark.parametrize(("text", "parts"), [
    # the total before its parts
    ("The county passed a Sh7.85 billion budget for 2025/26, made up of Sh5.21 billion for recurrent spending and "
     "Sh2.64 billion for development.", {"5.21", "2.64"}),
    ("The opposition won 53 seats, of which the Socialists took 31 and the Greens 22.", {"31", "22"}),
    ("Turnout was 52%: 30% in the city and 22% in the suburbs.", {"30", "22"}),
    # a sentence led by its total
    ("Of the Sh9.42 billion budget passed on Thursday, Sh6.12 billion will go to recurrent spending and Sh3.30 "
     "billion to development.", {"6.12", "3.30"}),
    # parts in the sentence after their total
    ("The state passed a N3.2 trillion budget. Of the total, N2.1 trillion is for recurrent costs and N1.1 trillion "
     "for capital projects.", {"2.1", "1.1"}),
    # the total before its parts, with a finite verb
    ("The 2.5 trillion yen package comprises 1.4 trillion yen for fuel aid and 1.1 trillion yen for flood works.",
     {"1.4", "1.1"}),
    # a period's total after its parts
    ("Exports earned $1.4 billion in April, $2.2 billion in May and $2.9 billion in June, giving a second-quarter "
     "total of $6.5 billion.", {"1.4", "2.2", "2.9"}),
    # "over" before a duration and "from" before a source are no hedge and no change
    ("The state will spend $4.2 billion on roads and $1.8 billion on bridges, a total of $6.0 billion over three "
     "years.", {"4.2", "1.8"}),
    ("Of its $6.8 billion in revenue, $4.1 billion came from advertising and $2.7 billion from subscriptions.",
     {"4.1", "2.7"}),
    # "m" after a currency is millions; Indian digit groups
    ("Funding of £2.3bn, made up of £1.5bn in grants and £800m in loans, was agreed.", {"1.5", "800"}),
    ("The outlay of Rs 4,90,600 crore is made up of Rs 3,10,600 crore for revenue spending and Rs 1,80,000 crore "
     "for capital spending.", {"3,10,600", "1,80,000"}),
    # a total with its noun before "in all"; a total verb; parts between spaced hyphens
    ("The fund received 85 applications in all, 52 from companies and 33 from universities.", {"52", "33"}),
    ("The 52 medals - 18 gold, 16 silver and 18 bronze - were a record.", {"18", "16"}),
    # parts counted and totalled in the next sentence
    ("The city will put 310 million euros into trams, 145 million euros into cycle paths and 65 million euros into "
     "bus lanes. The three schemes add up to 520 million euros.", {"310", "145", "65"}),
])
def test_sum_part_sites_of_totals_before_their_parts(text: str, parts: set[str]) -> None:
    found = cases(text, "sum-part")
    assert {c.before for c in found} == parts
    for c in found:
        edited(c, text)


@pytest.mark.parametrize("text", [
    # two figures before the parts: the one they add up to is no sentence away
    "The state passed a N3.2 trillion budget and a N0.4 trillion supplement. Of the total, N2.1 trillion is for "
    "recurrent costs and N1.1 trillion for capital projects.",
    # the next sentence is not led by a back-reference
    "The state passed a N3.2 trillion budget. Roads get N2.1 trillion and schools N1.1 trillion.",
    # the parts after the cue do not make the total
    "The county passed a Sh7.85 billion budget, made up of Sh5.21 billion for wages and Sh2.14 billion for roads.",
    # a number written onto letters is a name, not a currency
    "Wards P4 and R2 reopened, of which P4 holds 12 beds and R2 holds 9 beds.",
])
def test_sum_part_sites_not_planted_without_a_sum_across(text: str) -> None:
    assert cases(text, "sum-part") == []


@pytest.mark.parametrize("text", [
    # the count is not the number of figures before
    "The city will put 310 million euros into trams and 145 million euros into cycle paths. The three schemes add up "
    "to 455 million euros.",
    # the sentence before compares its figures
    "Coffee earned $3.2 billion, up from $1.9 billion. Together, the two seasons accounted for $5.1 billion.",
])
def test_sum_part_not_planted_for_a_count_that_does_not_fit(text: str) -> None:
    assert cases(text, "sum-part") == []


def test_sum_part_planted_above_only_for_parts_after_with() -> None:
    """"X, with A ... and B ...": the parts may be some of X, so only larger parts are planted."""
    found = cases("Sales totalled 3.2 million cars, with 1.9 million sold in China and 1.3 million in Europe.",
                  "sum-part")
    assert {c.before for c in found} == {"1.9", "1.3"}
    assert all(float(c.after) > float(c.before) for c in found)


def test_a_metre_distance_is_no_million() -> None:
    (f,) = perturb.figures("She won the 800m final.")
    assert f.scale == 1 and f.unit == "metre"
    (g,) = perturb.figures("a loan of £800m")
    assert g.absolute == 800_000_000


def test_sum_part_below_planted_where_the_last_part_is_what_is_left() -> None:
    """"..., leaving 8": the parts are all of the total, so a smaller part is an error too (without "leaving" a
    total that leads its parts gets only larger ones)."""
    text = "Of the 28 units, 11 have shut, and 9 more will close by 2030, leaving 8 for the final phase."
    found = cases(text, "sum-part")
    assert {c.before for c in found} == {"11", "9", "8"}
    assert any(int(c.after) < int(c.before) for c in found)
    plain = "Of the 28 units, 11 have shut and 9 will close by 2030 and 8 later."
    planted = cases(plain, "sum-part")
    assert planted and all(int(c.after) > int(c.before) for c in planted)


@pytest.mark.parametrize("text", [
    "The army gets £8.7 billion and the navy £5.1 billion, a total of £15.8 billion.",  # does not add up
    "The army gets about £8.7 billion and the navy £5.1 billion, a total of £13.8 billion.",  # hedged
    "The army gets £8.7 billion, a total of £8.7 billion.",  # one part
    "The army gets £8.7 billion and the navy £5.1 billion this year.",  # no total
])
def test_sum_part_not_planted_without_a_clear_sum(text: str) -> None:
    assert cases(text, "sum-part") == []


# --- (e) percentage change --------------------------------------------------------------------------

@pytest.mark.parametrize("text, stated", [
    ("Exports rose 10 percent to 55 billion dollars from 50 billion dollars, the office said.", "10"),
    ("Spending rose 7.5 percent to 58.7 trillion won from 54.6 trillion won, the ministry said.", "7.5"),
    ("Tariffs were cut from 50 billion dollars to 45 billion dollars, a fall of 10%, officials said.", "10"),
    ("NATO allies agreed to a 40% increase from 2.5% to 3.5% of GDP in core spending.", "40"),
    ("The cabinet endorsed a ¥122.3 trillion budget for fiscal 2026, up 6.3% from ¥115.1 trillion.", "6.3"),
    ("The ministry requested ¥8.8 trillion, a 3.9% increase on the ¥8.47 trillion allocated this year.", "3.9"),
])
def test_percent_change_moved_out_of_tolerance(text: str, stated: str) -> None:
    found = cases(text, "percent-change")
    assert found and {c.before for c in found} == {stated}
    for c in found:
        edited(c, text)
        assert abs(float(c.after) - float(stated)) >= 1.0 and c.must == ["numbers.arithmetic-mismatch"]


def test_percent_change_respects_hedges() -> None:
    text = "Spending rose more than 7 percent to 58.7 trillion won from 54.6 trillion won."
    found = cases(text, "percent-change")
    assert found and all(float(c.after) > 8.6 for c in found)  # a lower bound is only broken upwards
    nearly = "Raising the target from 2.5% to 3.5% of GDP would be nearly a 40% increase, analysts said."
    assert all(not 34 <= float(c.after) <= 47 for c in cases(nearly, "percent-change"))


@pytest.mark.parametrize("text", [
    "Spending rose 9.5 percent to 58.7 trillion won from 54.6 trillion won.",  # already inconsistent
    "Turnout rose 4.9 percentage points to 63.1% from 58.2%.",  # points, not percent
    "The budget is up 7.5 percent from this year, the ministry said.",  # no figures
    "Spending fell 7.5 percent to 58.7 trillion won from 54.6 trillion won.",  # direction already wrong
    "Revenue reached 130 billion yen and profit 12 billion yen, up 8% from 100 billion yen.",  # no figure fits
])
def test_percent_change_not_planted_without_a_clear_change(text: str) -> None:
    assert cases(text, "percent-change") == []


# --- cases as a whole -------------------------------------------------------------------------------

PLAIN = "The minister visited the base and spoke to troops about morale, the ministry said."


def test_no_case_without_plantable_structure() -> None:
    assert perturb.find_sites(PLAIN, PUB) == []
    assert perturb.cases_for(P(PLAIN)) == []


def test_only_clean_base_passages_are_perturbed() -> None:
    assert perturb.cases_for(P(SHIFT, category="planted", must=["timeline.shift-mismatch"])) == []
    assert perturb.cases_for(P(SHIFT, base_id="other")) == []
    assert perturb.cases_for(P(SHIFT, category="tricky"))


def test_case_fields() -> None:
    text = f"{SHIFT} The vote took place on Thursday, Oct. 30, 2025."
    found = perturb.cases_for(P(text, id="tl-x", split="frozen"))
    assert {c.kind for c in found} == {"shift-amount", "shift-direction", "weekday"}
    for c in found:
        assert c.id.startswith(f"tl-x~{c.kind}-") and c.base_id == "tl-x" and c.split == "frozen"
        assert c.published == PUB and c.must == [perturb.RULES[c.kind]]
    assert len({c.id for c in found}) == len(found)


def test_deterministic_and_seeded() -> None:
    passages = [P(SHIFT, id="a"), P(GLOSS, id="b"), P(SUM, id="c")]
    first = perturb.generate(passages, seed=3, per_site=2)
    assert first == perturb.generate(passages, seed=3, per_site=2)
    assert len(first) == 2 + 2 + 2 + 2 * 2  # two per site: shift amount and direction, gloss, two parts
    assert {(c.kind, c.start) for c in first} == {(c.kind, c.start) for c in perturb.generate(passages, 4, 2)}
    sample = perturb.generate(passages, seed=3, limit=5)
    assert len(sample) == 5 and sample == perturb.generate(passages, seed=3, limit=5)


def test_independent_of_the_extractors() -> None:
    tree = ast.parse((ROOT / "bench" / "perturb.py").read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name.split(".")[0] == "factcheck" for name in imported)
