"""Generated officials (for batching tests and the benchmark): people, their posts, and article text."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from factcheck.enrich.testing.shapes import item, position_held

_FIRST = ["Akira", "Maria", "Kenji", "Sofia", "Liam", "Yuna", "Omar", "Ines", "Tomas", "Mei", "Jonas", "Aiko",
          "Pavel", "Lena", "Ravi", "Chloé", "Bjørn", "Zoë", "Émile", "Noor"]
_LAST = ["Tanaka", "Novak", "Silva", "Okafor", "Lindqvist", "Moreau", "Haddad", "Kowalski", "Nakamura",
         "Ferreira", "Østergaard", "Dubois", "Yilmaz", "Castillo", "Ivanova", "Müller", "Sato", "Brennan",
         "Quispe", "Abe"]
_PORTFOLIOS = ["Defense", "Finance", "Foreign Affairs", "Health", "Justice", "Energy", "Transport", "Education",
               "Agriculture", "Trade"]
_COUNTRIES = [("Japan", "Japanese"), ("Canada", "Canadian"), ("Australia", "Australian"), ("France", "French"),
              ("Germany", "German")]


@dataclass(frozen=True)
class Official:
    id: str
    name: str
    position_id: str
    title: str  # as an article writes it: "Japanese Finance Minister"
    start: str


def officials(n: int, *, seed: int = 7, base: int = 91_000_000) -> tuple[list[Official], dict[str, dict[str, Any]]]:
    """``n`` distinct officials with one post each, and the entities (people + posts) to serve."""
    rng = random.Random(seed)
    entities: dict[str, dict[str, Any]] = {}
    posts: dict[tuple[str, str], str] = {}
    people: list[Official] = []
    for i in range(n):
        first, last = _FIRST[i % len(_FIRST)], _LAST[(i // len(_FIRST)) % len(_LAST)]
        name = f"{first} {last}" if i < len(_FIRST) * len(_LAST) else f"{first} {last} {i}"
        portfolio = _PORTFOLIOS[i % len(_PORTFOLIOS)]
        country, demonym = _COUNTRIES[(i // len(_PORTFOLIOS)) % len(_COUNTRIES)]
        key = (portfolio, country)
        if key not in posts:
            pid = f"Q{base + 50_000 + len(posts)}"
            posts[key] = pid
            entities[pid] = item(pid, f"Minister of {portfolio}", description=f"cabinet minister of {country}",
                                 aliases=[f"{demonym} Minister of {portfolio}", f"{portfolio} Minister of {country}"])
        start = (dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(900))).isoformat()
        qid = f"Q{base + i}"
        entities[qid] = item(qid, name, description=f"{demonym} politician", instance_of="Q5",
                             positions=[position_held(qid, posts[key], start=start)])
        people.append(Official(qid, name, posts[key], f"{demonym} {portfolio} Minister", start))
    return people, entities
