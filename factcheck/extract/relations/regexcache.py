"""Compiled pattern regexes kept on disk between runs.

Compiling the shipped patterns' regexes is most of the time ``load_patterns`` takes (Python's regex
parser and compiler are pure Python: about 2 s for the ~470 regexes), and every CLI run, worker and
service process pays it. What the compiler makes of a regex is a list of integers that depends only on
the regex's source text and on the Python that runs it, so it is stored in the user cache directory
(``$FACTCHECK_CACHE_DIR``, else the platform's user cache dir), one file per Python build, and
handed to the regex engine directly the next time. The engine validates the code it is given; a file
that is missing, unreadable, from another Python or damaged is ignored and the regexes are compiled
as usual, so the cache can only ever change how fast patterns load, never what they match.
``FACTCHECK_REGEX_CACHE=0`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import threading
from array import array
from pathlib import Path

try:  # CPython 3.11+
    from re import _compiler as _sre_compile  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - CPython 3.10
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

try:
    import _sre
except ImportError:  # pragma: no cover - not CPython
    _sre = None  # type: ignore[assignment]

MAX_ENTRIES = 5000  # a file with more (user patterns come and go) is started afresh
_VERSION = 1  # of the file's layout

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # flags, code, groups, index, names


def _enabled() -> bool:
    return _sre is not None and os.environ.get("FACTCHECK_REGEX_CACHE", "1").lower() not in ("0", "off", "no", "false")


def _build_key() -> str:
    """What the compiled code depends on besides the source: the Python build and its regex engine."""
    ident = f"{_VERSION}|{sys.version}|{sys.implementation.cache_tag}|{getattr(_sre, 'MAGIC', 0)}|" \
            f"{getattr(_sre, 'CODESIZE', 0)}|{sys.maxunicode}"
    return hashlib.sha256(ident.encode()).hexdigest()[:16]


def _cache_file() -> Path:
    env = os.environ.get("FACTCHECK_CACHE_DIR")
    if env:
        base = Path(env)
    else:
        from platformdirs import user_cache_dir

        base = Path(user_cache_dir("factcheck"))
    return base / "regex" / f"patterns-{_build_key()}.bin"


class _Store:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: dict[str, Entry] | None = None  # read lazily, once per process
        self.path: Path | None = None
        self.new = 0
        self.used: set[str] = set()

    def _read(self) -> dict[str, Entry]:
        if self.entries is not None:
            return self.entries
        self.entries = {}
        try:
            self.path = _cache_file()
            self.entries.update(_decode(self.path.read_bytes()))
        except Exception:  # no cache, or one that cannot be read: compile as usual
            pass
        return self.entries

    def compile(self, source: str) -> re.Pattern[str]:
        if not _enabled():
            return _compile_fresh(source)[0]
        with self.lock:
            entries = self._read()
            entry = entries.get(source)
            self.used.add(source)
        if entry is not None:
            try:
                flags, code, groups, groupindex, indexgroup = entry
                return _sre.compile(source, flags, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]
            except Exception:  # damaged entry: the engine refused its code
                pass
        rx, entry = _compile_fresh(source)
        if entry is not None:
            with self.lock:
                entries[source] = entry
                self.new += 1
        return rx

    def flush(self) -> None:
        """Write the file if regexes were compiled that it did not hold (atomically; errors ignored)."""
        if not _enabled():
            return
        with self.lock:
            if not self.new or self.entries is None:
                return
            entries = self.entries
            if len(entries) > MAX_ENTRIES:
                entries = {s: e for s, e in entries.items() if s in self.used}
            self.new = 0
            try:
                path = self.path or _cache_file()
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
                try:
                    with os.fdopen(fd, "wb") as fh:
                        fh.write(_encode(entries))
                    os.replace(tmp, path)
                except BaseException:
                    Path(tmp).unlink(missing_ok=True)
                    raise
            except Exception:  # a read-only or full cache dir only costs speed
                pass


def _typecode() -> str:
    return next(t for t in ("I", "L", "H") if array(t).itemsize == getattr(_sre, "CODESIZE", 4))


def _encode(entries: dict[str, Entry]) -> bytes:
    """One line of JSON (the regexes, their groups and where their code lies), then all the code as one
    array of machine integers (``json`` would take a second to read the millions of them)."""
    blob = array(_typecode())
    index = []
    for source, (flags, code, groups, groupindex, indexgroup) in entries.items():
        index.append([source, flags, groups, groupindex, list(indexgroup), len(blob), len(code)])
        blob.extend(code)
    raw = blob.tobytes()
    head = {"key": _build_key(), "sha256": hashlib.sha256(raw).hexdigest(), "regexes": index}
    return json.dumps(head, separators=(",", ":")).encode("ascii") + b"\n" + raw


def _decode(data: bytes) -> dict[str, Entry]:
    """The entries of a file :func:`_encode` wrote; none when it is from another build or damaged."""
    head_bytes, _, raw = data.partition(b"\n")
    head = json.loads(head_bytes)
    if not isinstance(head, dict) or head.get("key") != _build_key() \
            or head.get("sha256") != hashlib.sha256(raw).hexdigest():
        return {}
    blob = array(_typecode())
    blob.frombytes(raw)
    out: dict[str, Entry] = {}
    for e in head.get("regexes") or ():
        source, flags, groups, groupindex, indexgroup, offset, length = e
        if not (isinstance(source, str) and type(flags) is int and type(groups) is int and isinstance(groupindex, dict)
                and isinstance(indexgroup, list) and type(offset) is int and type(length) is int
                and offset >= 0 and offset + length <= len(blob)):
            continue
        out[source] = (flags, blob[offset : offset + length].tolist(), groups, groupindex, tuple(indexgroup))
    return out


def _compile_fresh(source: str) -> tuple[re.Pattern[str], Entry | None]:
    """``source`` compiled (outside the ``re`` module's cache of 512 patterns: a probe per pattern would
    fill it, and every ``re.sub(str, ...)`` call elsewhere whose entry is pushed out compiles again),
    and what to store for it (None when this Python's regex compiler is not the one expected)."""
    if _sre is None:  # pragma: no cover
        return re.compile(source), None
    try:
        p = _sre_parse.parse(source, 0)
        code = _sre_compile._code(p, 0)
        groupindex = dict(p.state.groupdict)
        indexgroup: list[str | None] = [None] * p.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        flags = p.state.flags
        rx = _sre.compile(source, flags, code, p.state.groups - 1, groupindex, tuple(indexgroup))
    except re.error:
        raise
    except Exception:  # internals not as expected: the public compiler, nothing stored
        compiler = getattr(re, "_compiler", None)
        return (compiler.compile(source, 0) if compiler is not None else re.compile(source)), None
    return rx, (flags, list(code), p.state.groups - 1, groupindex, tuple(indexgroup))


_STORE = _Store()


def compile_regex(source: str) -> re.Pattern[str]:
    """``re.compile(source)``, from the on-disk cache when it holds the source."""
    return _STORE.compile(source)


def flush() -> None:
    _STORE.flush()
