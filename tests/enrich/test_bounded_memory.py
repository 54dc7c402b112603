"""The in-memory layer in front of each source's cache is bounded (the service runs for weeks)."""

from __future__ import annotations

from factcheck.enrich.memory import BoundedMemory


def test_least_recently_used_goes_first() -> None:
    m: BoundedMemory[str] = BoundedMemory(2)
    m.put("a", (1, 0.0))
    m.put("b", (2, 0.0))
    assert m.get("a") == (1, 0.0)  # "a" is now the most recently used
    m.put("c", (3, 0.0))
    assert (m.get("a"), m.get("b"), m.get("c"), len(m)) == ((1, 0.0), None, (3, 0.0), 2)

