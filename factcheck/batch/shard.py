"""``--shard I/N``: a stable subset of a run's documents, by a hash of each document's id.

The id is the one the input names (the path as given; ``path:line`` for a JSON Lines record;
``<stdin>``), so a document stays in its shard when other files are added or removed, and every
machine of a CI matrix that is given the same paths agrees on who checks what.
"""

from __future__ import annotations

import hashlib
import re

_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


class ShardError(ValueError):
    """A ``--shard`` value that is not ``I/N`` with 1 <= I <= N."""


def parse_shard(text: str) -> tuple[int, int]:
    m = _SPEC.fullmatch(text)
    if not m:
        raise ShardError(f"{text!r}: expected I/N, e.g. 1/3")
    i, n = int(m.group(1)), int(m.group(2))
    if n < 1 or not 1 <= i <= n:
        raise ShardError(f"{text!r}: I must be between 1 and N (N >= 1)")
    return i, n


def shard_of(doc_id: str, count: int) -> int:
    """The 1-based shard of ``doc_id`` among ``count`` (the same on every machine and Python version)."""
    digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def in_shard(doc_id: str, shard: tuple[int, int] | None) -> bool:
    return shard is None or shard_of(doc_id, shard[1]) == shard[0]
