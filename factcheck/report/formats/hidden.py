"""How a summary says what ``--min-severity`` left out, so that it never reads "0 findings" on a failed run."""

from __future__ import annotations

from factcheck.model.findings import SeverityCounts


def not_shown_text(counts: SeverityCounts) -> str:
    """``1 warning, 2 info not shown (below --min-severity)``, or '' when nothing was hidden."""
    parts = [f"{n} {k}{'s' * (n != 1 and k != 'info')}" for k, n in counts.model_dump().items() if n]
    return f"{', '.join(parts)} not shown (below --min-severity)" if parts else ""
