"""A persistent SQLite cache of *parsed, valid* source answers: one row per entity and per search.

Why not an HTTP cache (hishel 2.0 was evaluated): it keys entries on the request URL, but
``wbgetentities`` asks for batches of up to 50 ids whose make-up differs from document to document,
so a URL-keyed cache would fetch the same entity again in every new batch; "each entity at most once
per TTL" needs entity-level keys, which only exist after the body is parsed. hishel's default mode
also stores every 2xx body, and Wikidata sends its maxlag error as HTTP 200. Here only answers that
parsed as valid API results are written (errors, garbage and over-size bodies never reach ``put``).

Rows are keyed by (endpoint, language, key) so that mirrors and test servers never mix. WAL mode
and a busy timeout let several threads and processes of one run share the file; each thread has
its own connection.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

Table = Literal["entities", "searches"]
SCHEMA_VERSION = 1


class SqliteCache:
    def __init__(self, path: Path, *, ttl: float) -> None:
        self.path = path
        self.ttl = ttl
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = self._conn()
        with conn:
            for table in ("entities", "searches"):
                conn.execute(
                    f"CREATE TABLE IF NOT EXISTS {table} (endpoint TEXT NOT NULL, lang TEXT NOT NULL, "
                    "key TEXT NOT NULL, body TEXT NOT NULL, fetched_at REAL NOT NULL, "
                    "PRIMARY KEY (endpoint, lang, key))"
                )

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def get_many(
        self, table: Table, endpoint: str, lang: str, keys: Iterable[str], *, allow_stale: bool = False
    ) -> dict[str, tuple[Any, float]]:
        """Fresh rows (or any rows with ``allow_stale``) as ``{key: (value, fetched_at)}``."""
        wanted = list(dict.fromkeys(keys))
        out: dict[str, tuple[Any, float]] = {}
        oldest = 0.0 if allow_stale else time.time() - self.ttl
        conn = self._conn()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT key, body, fetched_at FROM {table} WHERE endpoint=? AND lang=? "
                f"AND key IN ({marks}) AND fetched_at >= ?",
                (endpoint, lang, *chunk, oldest),
            ).fetchall()
            for key, body, fetched_at in rows:
                out[key] = (json.loads(body), fetched_at)
        return out

    def put_many(self, table: Table, endpoint: str, lang: str, items: dict[str, Any], fetched_at: float) -> None:
        if not items:
            return
        rows = [(endpoint, lang, k, json.dumps(v, separators=(",", ":")), fetched_at) for k, v in items.items()]
        conn = self._conn()
        with conn:
            conn.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?, ?, ?)", rows)

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()
