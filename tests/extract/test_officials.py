"""Role mentions and tenure starts: names, titles, countries, keys, and links from short mentions."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run

from factcheck.extract import officials
from factcheck.extract.people import canonical_title, office_key

INTRO = "Japanese Defense Minister Shinjiro Koizumi spoke to reporters. "


def roles(text: str) -> list:
    return of_kind(officials.extract(doc(text)), "role_mention")


def tenures(text: str) -> list:
    return of_kind(officials.extract(doc(text)), "tenure_start")


@pytest.mark.parametrize(
    ("text", "person", "title", "country", "key"),
    [
        ("U.S. Secretary of Defense Pete Hegseth arrived.", "Pete Hegseth", "Secretary of Defense", "US",
         "defense secretary|us"),
        ("Japanese Defense Minister Shinjiro Koizumi arrived.", "Shinjiro Koizumi", "Defense Minister", "JP",
         "defense minister|jp"),
        ("Japanese Prime Minister Sanae Takaichi arrived.", "Sanae Takaichi", "Prime Minister", "JP",
         "prime minister|jp"),
        ("U.S. President Donald Trump arrived.", "Donald Trump", "President", "US", "president|us"),
        ("British Defence Secretary John Healey arrived.", "John Healey", "Defence Secretary", "GB",
         "defense secretary|gb"),
        ("German Chancellor Friedrich Merz arrived.", "Friedrich Merz", "Chancellor", "DE", "chancellor|de"),
        ("South Korean President Lee Jae-myung arrived.", "Lee Jae-myung", "President", "KR", "president|kr"),
    ],
)
def test_role_mentions(text: str, person: str, title: str, country: str, key: str) -> None:
    (r,) = roles(text)
    assert (r.person, r.title, r.country, r.office_key) == (person, title, country, key)
    assert r.person_key == person.lower().replace(" ", "_").replace("-", "_")


def test_short_mentions_link_to_the_full_name_and_office() -> None:
    rs = roles("U.S. Secretary of Defense Pete Hegseth and Japanese Defense Minister Shinjiro Koizumi met. "
               "Minister Koizumi thanked Secretary Hegseth.")
    short = [(r.text, r.person, r.office_key) for r in rs[2:]]
    assert short == [("Minister Koizumi", "Shinjiro Koizumi", "defense minister|jp"),
                     ("Secretary Hegseth", "Pete Hegseth", "defense secretary|us")]
    assert rs[2].person_key == rs[1].person_key == "shinjiro_koizumi"


def test_possessive_after_a_name_is_not_part_of_it() -> None:
    (r,) = roles("Takaichi also conveyed to President Trump Japan’s policy.")
    assert r.person == "Trump"


def test_former_officials_are_not_role_mentions() -> None:
    assert roles("Former Prime Minister Junichiro Koizumi met reporters.") == []


@pytest.mark.parametrize(
    ("text", "person", "office", "date_text"),
    [
        ("Minister Koizumi, who took office on the 21st with the launch of the Takaichi Cabinet, spoke.",
         "Shinjiro Koizumi", "Defense Minister", "took office on the 21st"),
        ("Finance Minister Katsunobu Kato, who took office on May 9, spoke.", "Katsunobu Kato",
         "Finance Minister", "took office on May 9"),
        ("Japanese Prime Minister Sanae Takaichi took office Tuesday.", "Sanae Takaichi", "Prime Minister",
         "took office Tuesday"),
        ("U.S. President Donald Trump was sworn in on Monday (Jan 20).", "Donald Trump", "President",
         "was sworn in on Monday (Jan 20)"),
        ("German Chancellor Friedrich Merz was inaugurated earlier this month.", "Friedrich Merz", "Chancellor",
         "was inaugurated earlier this month"),
        ("Friedrich Merz has pushed for more spending since becoming chancellor last May.", "Friedrich Merz",
         "chancellor", "since becoming chancellor last May"),
        ("U.S. President Donald Trump met newly appointed Defense Minister Shinjiro Koizumi.",
         "Shinjiro Koizumi", "Defense Minister", "newly appointed"),
        ("Defense Minister Shinjiro Koizumi met Hegseth on Thursday, two days after he took office.",
         "Shinjiro Koizumi", "Defense Minister", "two days after he took office"),
    ],
)
def test_tenure_starts(text: str, person: str, office: str, date_text: str) -> None:
    found = tenures(INTRO + text)
    assert [(t.person, t.office, t.date_text) for t in found] == [(person, office, date_text)]
    assert found[0].person_key == person.lower().replace(" ", "_")


def test_tenure_office_key_follows_the_linked_mention() -> None:
    (t,) = tenures(INTRO + "Minister Koizumi, who took office on the 21st, spoke.")
    assert t.office_key == "defense minister|jp"


def test_no_tenure_without_a_date_or_cue() -> None:
    assert tenures(INTRO + "Koizumi became the first minister to visit the island.") == []


@pytest.mark.parametrize(
    ("published", "text", "date"),
    [
        ("2025-10-29", "Minister Koizumi, who took office on the 21st, spoke.", "2025-10-21"),
        ("2025-10-29", "Prime Minister Sanae Takaichi took office Tuesday.", "2025-10-28"),
        ("2025-01-22", "U.S. President Donald Trump was sworn in on Monday (Jan 20).", "2025-01-20"),
        ("2025-10-31", "Defense Minister Shinjiro Koizumi met Pete Hegseth on Thursday, two days after he took "
         "office.", "2025-10-28"),
    ],
)
def test_tenure_dates_resolve(published: str, text: str, date: str) -> None:
    (t,) = of_kind(run(doc(INTRO + text, published)), "tenure_start")
    assert t.date == date


@pytest.mark.parametrize(
    ("title", "canonical"),
    [("Secretary of Defense", "defense secretary"), ("Defence Minister", "defense minister"),
     ("Minister for Foreign Affairs", "foreign affairs minister"), ("Prime Minister", "prime minister"),
     ("Chancellor of the Exchequer", "exchequer chancellor")],
)
def test_canonical_titles(title: str, canonical: str) -> None:
    assert canonical_title(title) == canonical
    assert office_key(title, "JP") == canonical + "|jp"
    assert office_key(title, None) == canonical
