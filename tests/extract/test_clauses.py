"""Layer 2: clauses, their markers in the pattern stream, tense and modality."""

from __future__ import annotations

from extract_helpers import doc

from factcheck.extract.analysis import analyse


def first(text: str):  # type: ignore[no-untyped-def]
    return analyse(doc(text)).sentences[0]


def test_participial_modifier_is_its_own_clause() -> None:
    s = first("The goal would be met in fiscal 2025, two years earlier than the fiscal 2027 date laid out in a 2022 plan.")
    assert "[p laid out in a @year plan" in s.stream
    kinds = [c.kind for c in s.clauses]
    assert kinds == ["main", "participial"]


def test_relative_clause_and_tense() -> None:
    s = first("Defense Minister Shinjiro Koizumi, who took office on the 21st, met Hegseth.")
    assert "[r who took office on the @day_of_month ]" in s.stream
    assert s.clauses[1].kind == "relative" and s.clauses[1].tense == "past"


def test_respectively_and_coordination() -> None:
    s = first("Koizumi and Motegi took office in October and January, respectively.")
    assert s.clauses[0].respectively
    s = first("Exports rose 4% in May, while imports fell 2% over the same period.")
    assert "|" in s.stream.split()


def test_future_and_conditional() -> None:
    s = first("Trump may visit Tokyo in early February, officials said.")
    assert (s.clauses[0].tense, s.clauses[0].modality) == ("future", "conditional")
    s = first("The minister will take office on Monday.")
    assert s.clauses[0].tense == "future"


def test_parentheses_are_clauses_that_keep_their_parents_tense() -> None:
    s = first("The fiscal 2027 budget (April 2027-March 2028) will rise.")
    paren = [c for c in s.clauses if c.kind == "paren"]
    assert paren and paren[0].tense == "future"


def test_a_participle_after_a_determiner_is_not_a_clause() -> None:
    from extract_helpers import doc

    from factcheck.extract.analysis import analyse

    (s,) = analyse(doc("The bank pushed back its forecast for inflation by one year, from 2026 to 2027.")).sentences
    assert "[p" not in s.stream


def test_a_participle_clause_ends_at_the_main_clause_verb() -> None:
    s = first("The 2.8 trillion yen package endorsed by ministers on Monday consists of 1.3 trillion yen for relief and "
              "1.5 trillion yen for roads.")
    assert "[p endorsed by ministers on @weekday ] consists of @money" in s.stream
    # a participle clause closed by its comma is unchanged
    s = first("The date laid out in the plan, which consists of three phases, is 2027.")
    assert "[p laid out in the plan ] , [r which consists of" in s.stream


def test_a_participle_clause_ends_at_the_main_clause_finite_be() -> None:
    s = first("The $2.7 billion package announced by the two governments on Monday is split between $1.5 billion for "
              "rail and $1.2 billion for roads.")
    assert "[p announced by the @number governments on @weekday ] is split between @money" in s.stream
    s = first("The target set by the board in 2023 will be reviewed in March.")
    assert "[p set by the board in @year ] will be" in s.stream


def test_a_bare_noun_after_a_conjunction_takes_a_verb_not_a_participle() -> None:
    # "a day after eight OPEC+ members agreed at a meeting": the conjunction's clause has its own verb
    s = first("Prices rose on July 5, a day after eight OPEC+ members agreed at an online meeting on July 4.")
    assert "[p" not in s.stream
    s = first("The ministry confirmed the plan before ministers signed in Rome on Friday.")
    assert "[p" not in s.stream
    # with no conjunction before its noun, the participle still modifies it
    s = first("The package endorsed by ministers on Monday consists of two parts.")
    assert "[p endorsed by ministers on @weekday ]" in s.stream
