"""Progress on stderr (a tqdm bar when asked or on a terminal) and the one-line summary."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from factcheck.batch.inputs import STDIN, walk
from factcheck.load.documents import JSONL
from factcheck.model.findings import DocumentReport


@dataclass
class RunStats:
    """Counts over a run, updated as reports stream by."""

    documents: int = 0
    failed: int = 0
    partial: int = 0
    not_checked: dict[str, int] = field(default_factory=dict)  # language -> documents not checked
    findings: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    suppressed: int = 0
    baselined: int = 0
    cached: int = 0
    checked: int = 0  # documents through the per-document pass (ahead of `documents` while the cross pass holds them)
    started: float = field(default_factory=time.monotonic)

    def add(self, report: DocumentReport) -> None:
        self.documents += 1
        if report.not_checked:
            lang = report.language or "?"
            self.not_checked[lang] = self.not_checked.get(lang, 0) + 1
        if report.unchecked:
            self.failed += 1
        elif report.errors or report.lookups_failed:
            self.partial += 1
        for f in report.findings:
            if f.suppressed is not None:
                self.suppressed += 1
            else:
                self.findings[f.severity] += 1

    def count_checked(self, _: DocumentReport) -> None:
        self.checked += 1

    @property
    def total_findings(self) -> int:
        return sum(self.findings.values())

    def summary(self, *, not_shown: str = "", interrupted: str | None = None) -> str:
        """The one-line summary; ``not_shown`` says what --min-severity hid, ``interrupted`` names the signal."""
        secs = max(time.monotonic() - self.started, 1e-9)
        n = max(self.documents, self.checked) if interrupted else self.documents
        done = f"{n} document{'s' * (n != 1)}"
        parts = [f"interrupted by {interrupted} after {done} done" if interrupted else done]
        if self.failed:
            parts[0] += f" ({self.failed} could not be checked)"
        if self.partial:
            parts[0] += f" ({self.partial} with reference look-ups failed)"
        if self.not_checked:
            n = sum(self.not_checked.values())
            langs = ", ".join(sorted(self.not_checked))
            parts[0] += f" ({n} not checked: language {langs} not supported)"
        sev = ", ".join(f"{n} {k}" for k, n in self.findings.items() if n)
        parts.append(f"{self.total_findings} finding{'s' * (self.total_findings != 1)}" + (f" ({sev})" if sev else ""))
        if not_shown:
            parts.append(not_shown)
        if self.suppressed:
            parts.append(f"{self.suppressed} suppressed")
        if self.baselined:
            parts.append(f"{self.baselined} in baseline")
        if self.cached:
            parts.append(f"{self.cached} unchanged (from --state)")
        return f"factcheck: {', '.join(parts)} in {secs:.1f} s ({self.documents / secs:.0f} documents/s)"


def count_documents(paths: Iterable[str], include: Iterable[str], exclude: Iterable[str]) -> int:
    """How many documents the inputs hold (for the ETA): files, plus one per JSON Lines line."""
    total = 0
    for arg in paths:
        p = Path(arg)
        files = [] if arg == STDIN else walk(p, include, exclude) if p.is_dir() else [p]
        if arg == STDIN:
            total += 1
        for f in files:
            if f.suffix.lower() in JSONL:
                try:
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def wants_bar(flag: bool, stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    if flag:
        return True
    if os.environ.get("CI"):
        return False
    return stream.isatty()


def with_progress(
    reports: Iterable[DocumentReport], stats: RunStats, *, bar: bool, total: int | None = None,
    stream: TextIO | None = None,
) -> Iterator[DocumentReport]:
    """Pass reports through, counting them, with a tqdm bar on ``stream`` if ``bar``."""
    if not bar:
        for report in reports:
            stats.add(report)
            yield report
        return
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: workers are forked from this process
    with tqdm(total=total, unit="doc", file=stream or sys.stderr, dynamic_ncols=True, mininterval=0.25) as pbar:
        for report in reports:
            stats.add(report)
            pbar.update(1)
            if stats.documents % 16 == 0 or report.findings:
                pbar.set_postfix(findings=stats.total_findings, failed=stats.failed, refresh=False)
            yield report
