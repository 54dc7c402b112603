"""A directory of results keyed by content hash, written as each result arrives.

Layout: ``DIR/v1/<settings>/<key[:2]>/<key>.json``, where ``<settings>`` is a hash of everything
that can change a result (checker settings, the factcheck code and rule files) and ``key`` the
hash of the document's raw input and identity. Each file is written to a temporary name and
renamed, so an interrupted run leaves only whole entries behind and the next run continues where
it stopped. Reports with error entries are not stored: they are tried again next time.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factcheck.model.findings import DocumentReport

LAYOUT = "v1"


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

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def load(self, key: str) -> DocumentReport:
        self.hits += 1
        return DocumentReport.model_validate_json(self._path(key).read_bytes())

    def store(self, key: str, report: DocumentReport) -> None:
        if report.errors:
            return
        path = self._path(key)
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(report.model_dump_json(exclude_none=True).encode())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.stored += 1
