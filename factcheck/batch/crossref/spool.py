"""Reports kept on disk between the per-document pass and the replay, in input order.

An anonymous temporary file (unlinked at creation, so no other process can open or swap it) holding
the reports pickled one after the other: pickle keeps what JSON leaves out (the body text the html
format shows, the cross-article entries) and reads back several times faster. Only this process
writes the file and only this process reads it, in the same run.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import IO

from factcheck.model.findings import DocumentReport


class Spool:
    def __init__(self) -> None:
        self._fh: IO[bytes] = tempfile.TemporaryFile(prefix="factcheck-spool-")  # noqa: SIM115 - closed by replay()/close()
        self.count = 0

    def put(self, report: DocumentReport) -> None:
        pickle.dump(report, self._fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def replay(self) -> Iterator[DocumentReport]:
        """Every report put, in order; the file is closed at the end."""
        self._fh.flush()
        self._fh.seek(0)
        try:
            for _ in range(self.count):
                yield pickle.load(self._fh)
        finally:
            self.close()

    def close(self) -> None:
        self._fh.close()
