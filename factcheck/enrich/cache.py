"""A persistent SQLite cache of *parsed, valid* source answers: one row per entity and per search.

Why not an HTTP cache (hishel 2.0 was evaluated): it keys entries on the request URL, but
``wbgetentities`` asks for batches of up to 50 ids whose make-up differs from document to document,
so a URL-keyed cache would fetch the same entity again in every new batch; "each entity at most once
per TTL" needs entity-level keys, which only exist after the body is parsed. hishel's default mode
also stores every 2xx body, and Wikidata sends its maxlag error as HTTP 200. Here only answers that
parsed as valid API results are written (errors, garbage and over-size bodies never reach ``put``).

Rows are keyed by (endpoint, language, key) so that mirrors and test servers never mix. Which
endpoints each source's rows came from is kept too (table ``endpoints``: source name, endpoint, last
write), so that ``--offline`` can answer from whichever endpoints were cached without the user naming
them again (``get_many(..., fallback=...)``). WAL mode
and a busy timeout let several threads and processes of one run share the file; each thread has
its own connection.

Nothing read back is trusted: a row is decoded and validated (``validate``, the caller's models, the
same the live answers went through) inside the error handling, and a row that fails either is
deleted and reported back as ``bad``, so the caller fetches it again (or says it could not, offline)
instead of silently losing what it stood for. A file SQLite calls corrupt (not a database, malformed
image) is moved aside (``<name>.corrupt-<time>``) and a fresh one built, once per damaged file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Table = Literal["entities", "searches"]
SCHEMA_VERSION = 1
#: Raises on a value that is not what this table holds; returns the value to keep.
Validator = Callable[[Any], Any]
_CORRUPT_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_corrupt(exc: sqlite3.Error) -> bool:
    """True for "the file is damaged" (as opposed to locked, read-only, full)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _CORRUPT_CODES
    text = str(exc)
    return "malformed" in text or "not a database" in text


@dataclass
class CacheRead:
    """What ``get_many`` found: usable rows, and the keys whose rows were unreadable (now deleted)."""

    rows: dict[str, tuple[Any, float]] = field(default_factory=dict)
    bad: dict[str, str] = field(default_factory=dict)


EVICT_EVERY = 256  # writes between evictions


class SqliteCache:
    """``max_age``: rows older than this are deleted (``--offline`` may use rows up to this age);
    ``max_rows``: at most this many rows per table, the oldest fetched deleted first. Eviction runs
    when the cache is opened and every ``EVICT_EVERY`` writes."""

    def __init__(
        self, path: Path, *, ttl: float, max_age: float | None = None, max_rows: int | None = None
    ) -> None:
        self.path = path
        self.ttl = ttl
        self.max_age = max_age
        self.max_rows = max_rows
        self._writes = 0
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._generation = 0  # bumped when the file is rebuilt: every thread reconnects
        self._inode: int | None = None
        self.rebuilt: list[Path] = []  # where damaged files were moved
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._create()
        except sqlite3.DatabaseError as exc:
            if not is_corrupt(exc):
                raise
            self._rebuild()
            self._create()
        self.evict()

    def evict(self, *, now: float | None = None) -> int:
        """Delete rows past ``max_age`` and beyond ``max_rows``; how many were deleted (0 if read-only)."""
        if self.max_age is None and self.max_rows is None:
            return 0
        oldest = (now or time.time()) - self.max_age if self.max_age is not None else None

        def work() -> int:
            conn = self._conn()
            deleted = 0
            with conn:
                for table in ("entities", "searches"):
                    if oldest is not None:
                        deleted += conn.execute(f"DELETE FROM {table} WHERE fetched_at < ?", (oldest,)).rowcount
                    if self.max_rows is not None:
                        (count,) = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
                        if count > self.max_rows:
                            deleted += conn.execute(
                                f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} "
                                "ORDER BY fetched_at ASC LIMIT ?)", (count - self.max_rows,)
                            ).rowcount
                if oldest is not None:  # an endpoint not written to for max_age has no rows left
                    conn.execute("DELETE FROM endpoints WHERE written_at < ?", (oldest,))
            return deleted

        try:
            return int(self._guarded(work))
        except sqlite3.OperationalError:  # read-only or locked: evicted another time
            return 0

    def _create(self) -> None:
        conn = self._conn()
        with conn:
            for table in ("entities", "searches"):
                conn.execute(
                    f"CREATE TABLE IF NOT EXISTS {table} (endpoint TEXT NOT NULL, lang TEXT NOT NULL, "
                    "key TEXT NOT NULL, body TEXT NOT NULL, fetched_at REAL NOT NULL, "
                    "PRIMARY KEY (endpoint, lang, key))"
                )
            conn.execute(
                "CREATE TABLE IF NOT EXISTS endpoints (source TEXT NOT NULL, endpoint TEXT NOT NULL, "
                "written_at REAL NOT NULL, PRIMARY KEY (source, endpoint))"
            )

    def endpoints(self, source: str) -> list[str]:
        """The endpoints rows of ``source`` were fetched from, the most recently written first."""

        def read() -> list[str]:
            rows = self._conn().execute(
                "SELECT endpoint FROM endpoints WHERE source=? ORDER BY written_at DESC, endpoint", (source,)
            ).fetchall()
            return [str(r[0]) for r in rows]

        try:
            return self._guarded(read)  # type: ignore[no-any-return]
        except sqlite3.OperationalError:  # locked: no fallback this time
            return []

    def _conn(self) -> sqlite3.Connection:
        held: tuple[int, sqlite3.Connection] | None = getattr(self._local, "conn", None)
        if held is not None and held[0] == self._generation:
            return held[1]
        conn = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except BaseException:
            conn.close()
            raise
        with self._lock:
            self._connections.append(conn)
            if self._inode is None:
                self._inode = _inode(self.path)
        self._local.conn = (self._generation, conn)
        return conn

    def _rebuild(self) -> None:
        """Move a damaged file aside (once: another thread or process may have done it already)."""
        with self._lock:
            current = _inode(self.path)
            for conn in self._connections:
                conn.close()
            self._connections.clear()
            self._generation += 1
            if current is not None and (self._inode is None or current == self._inode):
                aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
                os.replace(self.path, aside)
                for suffix in ("-wal", "-shm"):
                    side = self.path.with_name(self.path.name + suffix)
                    if side.exists():
                        os.replace(side, aside.with_name(aside.name + suffix))
                self.rebuilt.append(aside)
            self._inode = None

    def _guarded(self, work: Callable[[], Any]) -> Any:
        """Run ``work``; if SQLite says the file is damaged, rebuild it and run ``work`` once more."""
        try:
            return work()
        except sqlite3.DatabaseError as exc:
            if not is_corrupt(exc):
                raise
        self._rebuild()
        self._create()
        return work()

    def get_many(
        self, table: Table, endpoint: str, lang: str, keys: Iterable[str], *, allow_stale: bool = False,
        validate: Validator | None = None, fallback: Sequence[str] = (),
    ) -> CacheRead:
        """Fresh rows (or any rows with ``allow_stale``) as ``rows[key] = (value, fetched_at)``.

        Keys without a row for ``endpoint`` are looked up under each ``fallback`` endpoint in turn.
        A row whose body is not JSON, or that ``validate`` refuses, is deleted and listed in ``bad``.
        """
        wanted = list(dict.fromkeys(keys))
        oldest = 0.0 if allow_stale else time.time() - self.ttl

        def read_one(conn: sqlite3.Connection, out: CacheRead, where: str, keys: list[str]) -> None:
            bad: list[str] = []
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT key, body, fetched_at FROM {table} WHERE endpoint=? AND lang=? "
                    f"AND key IN ({marks}) AND fetched_at >= ?",
                    (where, lang, *chunk, oldest),
                ).fetchall()
                for key, body, fetched_at in rows:
                    try:
                        value = json.loads(body)
                        out.rows[key] = (validate(value) if validate else value, float(fetched_at))
                        out.bad.pop(key, None)
                    except Exception as exc:  # a row we did not write, or wrote with other models
                        out.bad[key] = f"{type(exc).__name__}: {str(exc)[:200]}"
                        bad.append(key)
            if bad:
                self._delete(conn, table, where, lang, bad)

        def read() -> CacheRead:
            out = CacheRead()
            conn = self._conn()
            for where in dict.fromkeys([endpoint, *fallback]):
                rest = [k for k in wanted if k not in out.rows]
                if not rest:
                    break
                read_one(conn, out, where, rest)
            return out

        return self._guarded(read)  # type: ignore[no-any-return]

    @staticmethod
    def _delete(conn: sqlite3.Connection, table: Table, endpoint: str, lang: str, keys: list[str]) -> None:
        try:
            with conn:
                conn.executemany(
                    f"DELETE FROM {table} WHERE endpoint=? AND lang=? AND key=?", [(endpoint, lang, k) for k in keys]
                )
        except sqlite3.OperationalError:  # read-only or locked: the row is skipped this time anyway
            pass

    def put_many(
        self, table: Table, endpoint: str, lang: str, items: dict[str, Any], fetched_at: float,
        *, source: str | None = None,
    ) -> None:
        """Write rows; with ``source``, remember that its rows come from ``endpoint`` (for ``--offline``)."""
        if not items:
            return
        rows = [(endpoint, lang, k, json.dumps(v, separators=(",", ":")), fetched_at) for k, v in items.items()]

        def write() -> None:
            conn = self._conn()
            with conn:
                conn.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?, ?, ?)", rows)
                if source is not None:
                    conn.execute("INSERT OR REPLACE INTO endpoints VALUES (?, ?, ?)", (source, endpoint, fetched_at))

        self._guarded(write)
        with self._lock:
            self._writes += 1
            due = self._writes % EVICT_EVERY == 0
        if due:
            self.evict()

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
            self._generation += 1
        self._local = threading.local()


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None
