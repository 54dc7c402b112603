"""A damaged reference cache never drops findings silently: bad rows heal, a corrupt file is rebuilt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from enrich_helpers import of_kind, seed_doc, seed_facts

from factcheck.enrich.cache import SqliteCache
from factcheck.enrich.factory import CACHE_FILE


def _found(result) -> list[tuple[str, str]]:
    return [(r.text, r.start) for r in of_kind(result.facts, "reference_tenure")]


def _poison(cache_dir: Path) -> tuple[str, str]:
    """One non-JSON search row and one wrong-shape entity row; returns their keys."""
    conn = sqlite3.connect(cache_dir / CACHE_FILE)
    with conn:
        (search_key,) = conn.execute("SELECT key FROM searches ORDER BY key LIMIT 1").fetchone()
        conn.execute("UPDATE searches SET body = 'not json {' WHERE key = ?", (search_key,))
        (entity_key,) = conn.execute("SELECT key FROM entities WHERE key LIKE 'Q%' ORDER BY key LIMIT 1").fetchone()
        conn.execute("UPDATE entities SET body = ? WHERE key = ?", (f'{{"id":"{entity_key}"}}', entity_key))
        conn.execute("UPDATE searches SET body = '{}' WHERE key = (SELECT key FROM searches ORDER BY key DESC LIMIT 1)")
    conn.close()
    return search_key, entity_key


def test_bad_rows_are_deleted_and_fetched_again(make_enricher, wikidata, cache_dir: Path) -> None:
    doc = seed_doc()
    first = make_enricher().enrich(doc, seed_facts(doc))
    assert _found(first)
    _poison(cache_dir)
    wikidata.reset_counts()
    again = make_enricher().enrich(doc, seed_facts(doc))
    assert _found(again) == _found(first) and again.errors == []
    assert 0 < wikidata.count() <= 3  # only the bad rows were fetched again
    wikidata.reset_counts()
    healed = make_enricher().enrich(doc, seed_facts(doc))
    assert wikidata.count() == 0 and _found(healed) == _found(first)


def test_bad_rows_offline_are_a_note(make_enricher, wikidata, cache_dir: Path) -> None:
    doc = seed_doc()
    first = make_enricher().enrich(doc, seed_facts(doc))
    _poison(cache_dir)
    wikidata.reset_counts()
    offline = make_enricher(offline=True).enrich(doc, seed_facts(doc))
    assert wikidata.count() == 0
    assert offline.errors == []
    notes = " ".join(n.message for n in offline.notes)
    assert "unreadable" in notes and "deleted" in notes
    statuses = {s.status for s in of_kind(offline.facts, "reference_status")}
    assert "failed" in statuses  # the affected claims are unverified, and say why
    assert len(_found(offline)) < len(_found(first)) or "failed" in statuses


def test_corrupt_file_is_moved_aside_and_rebuilt(make_enricher, wikidata, cache_dir: Path) -> None:
    doc = seed_doc()
    cache_dir.mkdir(parents=True)
    (cache_dir / CACHE_FILE).write_bytes(b"this is not an SQLite database" * 100)
    first = make_enricher().enrich(doc, seed_facts(doc))
    assert _found(first) and first.errors == []
    assert list(cache_dir.glob(f"{CACHE_FILE}.corrupt-*"))
    wikidata.reset_counts()
    again = make_enricher().enrich(doc, seed_facts(doc))
    assert wikidata.count() == 0 and _found(again) == _found(first)  # the rebuilt cache answers


def test_get_many_decodes_inside_the_error_handling(tmp_path: Path) -> None:
    cache = SqliteCache(tmp_path / "c.sqlite3", ttl=3600)
    cache.put_many("entities", "e", "en", {"Q1": {"id": "Q1"}, "Q2": {"id": "Q2"}}, fetched_at=1e12)
    conn = sqlite3.connect(tmp_path / "c.sqlite3")
    with conn:
        conn.execute("UPDATE entities SET body = ? WHERE key = 'Q1'", ("\x00garbage",))
    conn.close()

    def validate(value: object) -> object:
        if value == {"id": "Q2"}:
            raise ValueError("wrong shape")
        return value

    read = cache.get_many("entities", "e", "en", ["Q1", "Q2"], validate=validate)
    assert read.rows == {} and set(read.bad) == {"Q1", "Q2"}
    assert cache.get_many("entities", "e", "en", ["Q1", "Q2"]).bad == {}  # deleted, not read again
    cache.close()


@pytest.mark.parametrize("body", ['{"id": "Q1"}', "{}", "[]", '{"id": 5, "missing": false}'])
def test_wrong_shape_entities_are_refused(body: str) -> None:
    import json

    from factcheck.enrich.wikidata.client import cached_entity

    with pytest.raises(ValueError):
        cached_entity(json.loads(body))
