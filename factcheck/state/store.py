"""A directory of results keyed by content hash, written as each result arrives.

Layout: ``DIR/v1/<settings>/<key[:2]>/<key>.json``, where ``<settings>`` is a hash of everything
that can change a result (checker settings, the factcheck code and rule files) and ``key`` the
hash of the document's raw input and identity. Each file is written to a temporary name, flushed
to disk (``fsync``) and renamed, so an interrupted run (or a power loss) leaves only whole entries
behind and the next run continues where it stopped. Reports with error entries are not stored: they
are tried again next time.

Nothing read back is trusted: an entry that is empty, truncated or not a report (a disk that lied
about ``fsync``, a hand edit) is deleted and treated as absent, so that document is checked again,
and the run says so in a note on that document (``recovered``). Temporary files a killed run left
behind (``.tmp-*``, older than ``STALE_TMP_SECONDS``) are removed when a store is opened.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from factcheck.model.crossref import CrossFact
from factcheck.model.findings import DocumentError, DocumentReport

LAYOUT = "v1"
TMP_PREFIX = ".tmp-"
STALE_TMP_SECONDS = 60.0  # a live writer holds its temporary file for milliseconds


def code_fingerprint(extra_paths: Iterable[str | Path] = ()) -> str:
    """Hash of the factcheck package source, the shipped rules/sources and the given rule paths."""
    import factcheck

    pkg = Path(factcheck.__file__).resolve().parent
    roots: list[Path] = [pkg, pkg.parent / "rules", pkg.parent / "sources", *map(Path, extra_paths)]
    h = hashlib.sha256()
    for root in roots:
        if root.is_file():
            files = [root]
        elif root.is_dir():
            files = sorted(p for p in root.rglob("*") if p.suffix in {".py", ".yaml", ".yml"} and p.is_file())
        else:
            h.update(f"missing:{root}".encode())
            continue
        for f in files:
            h.update(str(f.relative_to(root) if f != root else f.name).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


class StateStore:
    """Cached results of one configuration, under ``directory``."""

    def __init__(self, directory: str | Path, settings_key: str):
        self.root = Path(directory) / LAYOUT / settings_key
        self.root.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.stored = 0
        #: key -> why its entry was unreadable (deleted; the document is checked again)
        self.recovered: dict[str, str] = {}
        self.removed_tmp = self._remove_stale_tmp()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def _remove_stale_tmp(self) -> int:
        cutoff = time.time() - STALE_TMP_SECONDS
        removed = 0
        for tmp in self.root.glob(f"*/{TMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
                    removed += 1
        return removed

    def has(self, key: str) -> bool:
        """True if a readable entry exists; an unreadable one is deleted and noted in ``recovered``."""
        path = self._path(key)
        if not path.is_file():
            return False
        try:
            DocumentReport.model_validate_json(path.read_bytes())
        except (OSError, ValueError, ValidationError) as exc:
            self.recovered[key] = _why(exc, path)
            with contextlib.suppress(OSError):
                path.unlink()
            return False
        return True

    def load(self, key: str, doc_id: str | None = None) -> DocumentReport:
        """The stored report; if it became unreadable since :meth:`has`, an error entry saying so."""
        self.hits += 1
        path = self._path(key)
        try:
            return DocumentReport.model_validate_json(path.read_bytes())
        except (OSError, ValueError, ValidationError) as exc:
            return DocumentReport(path=doc_id or key, errors=[DocumentError(
                stage="load", message=f"resume state entry {path.name} became unreadable: {_why(exc, path)}")])

    def note(self, key: str, report: DocumentReport) -> DocumentReport:
        """``report`` with a note if its document was checked again because its entry was unreadable."""
        why = self.recovered.pop(key, None)
        if why is None:
            return report
        note = DocumentError(stage="report", message=f"resume state entry was unreadable ({why}); checked again")
        return report.model_copy(update={"errors": [*report.errors, note]})

    def store(self, key: str, report: DocumentReport) -> None:
        if report.errors:
            return
        path = self._path(key)
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_dump(report))
                fh.flush()
                os.fsync(fh.fileno())  # the data is on disk before the name points at it
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(path.parent)
        self.stored += 1


_CROSSREF: TypeAdapter[list[CrossFact]] = TypeAdapter(list[CrossFact])


def _dump(report: DocumentReport) -> bytes:
    """The report's JSON with its cross-article entries, which a report never shows but a rerun compares."""
    body = report.model_dump_json(exclude_none=True).encode()
    if not report.crossref:
        return body
    return body[:-1] + b',"crossref":' + _CROSSREF.dump_json(report.crossref) + b"}"


def _why(exc: Exception, path: Path) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    try:
        size = path.stat().st_size
    except OSError:
        size = -1
    if size == 0:
        return "empty"
    first = str(exc).strip().splitlines()
    return f"{size} bytes, not a report: {first[-1][:120] if first else type(exc).__name__}"


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
