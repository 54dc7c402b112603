"""A local fake of the Wikidata Action API for tests, ``factcheck rules test`` and benchmarks.

``FakeWikidata`` (:mod:`.server`) replays entities stored in the recorded response shape and can
misbehave on purpose; :mod:`.shapes` builds entities in that shape.
"""

from pathlib import Path

from factcheck.enrich.testing.server import FakeWikidata, Fault, load_entities
from factcheck.enrich.testing.shapes import item, position_held
from factcheck.enrich.testing.worldbank import FakeWorldBank

__all__ = [
    "FAST_SOURCE_CONFIG",
    "FakeWikidata",
    "FakeWorldBank",
    "Fault",
    "fixtures_dir",
    "item",
    "load_entities",
    "position_held",
    "serve_fixtures",
    "serve_worldbank_fixtures",
    "worldbank_fixtures",
]


def fixtures_dir() -> Path:
    """The checkout's ``tests/fixtures/wikidata`` (entities for the seed's people and look-alikes)."""
    return Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "wikidata"


def serve_fixtures(**kwargs: object) -> FakeWikidata:
    """A started :class:`FakeWikidata` over :func:`fixtures_dir` (stop it, or use it in ``with``)."""
    return FakeWikidata.from_dir(fixtures_dir(), **kwargs).start()  # type: ignore[arg-type]


def worldbank_fixtures() -> Path:
    """The checkout's ``tests/fixtures/worldbank/series.json`` (series for the fake World Bank API)."""
    return Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "worldbank" / "series.json"


def serve_worldbank_fixtures() -> FakeWorldBank:
    """A started :class:`FakeWorldBank` over :func:`worldbank_fixtures` (stop it, or use it in ``with``)."""
    return FakeWorldBank.from_file(worldbank_fixtures()).start()


# Settings for tests and rule examples: fail fast instead of waiting like a polite production client.
FAST_SOURCE_CONFIG: dict[str, object] = {
    "timeouts": {"connect": 2.0, "read": 2.0, "document_budget": 10.0},
    "retries": {"attempts": 3, "backoff": 0.05, "backoff_max": 0.2, "retry_after_max": 5.0},
}
