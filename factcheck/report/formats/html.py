"""``--format html``: the draft with every finding highlighted, as one self-contained HTML file.

What a page holds, per document: the body text with each finding's span in a ``<mark>`` coloured by
severity (overlapping spans are split into segments; a segment carries the ids of every finding
covering it in ``data-findings``), a margin note per finding (severity, rule id, message, quote,
evidence links), a claims table (each extracted fact with its verdict: contradicted, unverifiable
or supported, see :func:`claim_verdicts`) and a severity filter. CSS and JavaScript are inlined from
``html_assets/``; a Content-Security-Policy forbids every fetch, so opening a report never touches
the network. Without JavaScript everything is shown; print CSS lays notes out after the text.

Spans are offsets into the document's body text, which the JSON report does not carry: pass
``include_text=True`` to :meth:`factcheck.Checker.check` / ``check_document`` (it fills
``DocumentReport.text``). Without it, a report whose ``path`` is a readable file has its body
re-loaded from that file, if every finding's quote still matches; otherwise the notes are rendered
without the text.

Batch runs: :class:`SiteWriter` streams one page per document into a directory and writes
``index.html`` linking them at the end (:func:`write_html_reports` does the same for a whole
:class:`Report`; :func:`render_index` / :func:`index_page` build the index alone)::

    from factcheck.report.formats.html import SiteWriter, write_html_reports
    index = write_html_reports(report, "out/html")   # -> out/html/index.html
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

from factcheck.model.facts import FactBase
from factcheck.model.findings import SEVERITY_RANK, DocumentReport, Finding, Report
from factcheck.model.verdicts import VERDICT_ORDER, Verdict
from factcheck.report.formats.controls import for_html

SEVERITIES = ("error", "warning", "info")
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def esc(value: object) -> str:
    """HTML-escaped, with control characters (NUL, ESC, ...) shown as symbols, one for one."""
    return html.escape(for_html(str(value)), quote=True)


@cache
def _asset(name: str) -> str:
    return (resources.files("factcheck.report.formats") / "html_assets" / name).read_text(encoding="utf-8")


# --- the body text ------------------------------------------------------------------------------
def body_text(doc: DocumentReport) -> str | None:
    """The body the spans point into: ``doc.text``, else re-loaded from ``doc.path`` if it still fits."""
    if doc.text is not None:
        return doc.text
    path = Path(doc.path)
    try:
        if not path.is_file():
            return None
        from factcheck.load import load_path

        text = load_path(path, published=doc.published).text
    except Exception:  # not loadable any more: render without the text
        return None
    return text if all(_placeable(f, text) for f in doc.findings if f.quote) else None


def _placeable(f: Finding, text: str) -> bool:
    s, e = f.span.start, f.span.end
    return 0 <= s <= e <= len(text) and (not f.quote or text[s:e] == f.quote)


# --- verdicts -----------------------------------------------------------------------------------
def claim_verdicts(doc: DocumentReport) -> dict[str, Verdict]:
    """Verdict per fact id of the text's claims: the JSON report's ``claims`` (:mod:`factcheck.model.verdicts`)."""
    return {c.fact: c.verdict for c in doc.claims}


# --- segments -----------------------------------------------------------------------------------
def segments(length: int, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, list[int]]]:
    """Split ``[0, length)`` at every span boundary: ``(start, end, indexes of the spans covering it)``."""
    cuts = {0, length}
    for s, e in spans:
        cuts.update((s, e))
    points = sorted(c for c in cuts if 0 <= c <= length)
    out = []
    for a, b in pairwise(points):
        if a < b:
            out.append((a, b, [i for i, (s, e) in enumerate(spans) if s <= a and b <= e and s < e]))
    return out


def _order(doc: DocumentReport) -> list[int]:
    return sorted(range(len(doc.findings)), key=lambda i: (doc.findings[i].span.start, doc.findings[i].span.end, i))


def _text_html(text: str, doc: DocumentReport, numbers: dict[int, int]) -> str:
    placed = {i: f for i, f in enumerate(doc.findings) if _placeable(f, text)}
    spans = [(f.span.start, f.span.end) if i in placed else (-1, -1) for i, f in enumerate(doc.findings)]
    points: dict[int, list[int]] = {}
    for i, f in placed.items():
        if f.span.start == f.span.end:
            points.setdefault(f.span.start, []).append(i)
    parts: list[str] = []
    for a, b, covering in segments(len(text), spans):
        parts.extend(_point(points.pop(a, []), numbers))
        chunk = esc(text[a:b])
        if not covering:
            parts.append(chunk)
            continue
        found = [doc.findings[i] for i in covering]
        worst = max(found, key=lambda f: SEVERITY_RANK[f.severity]).severity
        classes = f"fc-mark sev-{worst}" + (" suppressed" if all(f.suppressed for f in found) else "")
        ending = [str(numbers[i]) for i in covering if doc.findings[i].span.end == b]
        label = f' data-label="{",".join(ending)}"' if ending else ""
        tip = esc("\n".join(f"[{f.severity}] {f.rule}: {f.message}" for f in found))
        parts.append(
            f'<mark class="{classes}" data-findings="{" ".join(map(str, covering))}"{label} title="{tip}">{chunk}</mark>'
        )
    for rest in points.values():
        parts.extend(_point(rest, numbers))
    return "".join(parts)


def _point(ids: list[int], numbers: dict[int, int]) -> list[str]:
    if not ids:
        return []
    label = ",".join(str(numbers[i]) for i in ids)
    return [f'<span class="fc-point" data-findings="{" ".join(map(str, ids))}" data-label="{label}"></span>']


# --- notes --------------------------------------------------------------------------------------
def _evidence_html(f: Finding) -> str:
    if not f.evidence:
        return ""
    items = []
    for ev in f.evidence:
        label = f"{esc(ev.source)}: {esc(ev.value)}" + (f" (fetched {esc(ev.retrieved_at)})" if ev.retrieved_at else "")
        if ev.url and re.match(r"^https?://", ev.url, re.IGNORECASE):
            items.append(
                f'<li><a class="fc-evidence-link" href="{esc(ev.url)}" rel="noopener noreferrer" '
                f'target="_blank">{label}</a></li>'
            )
        else:
            items.append(f"<li>{label}</li>")
    return f'<ul class="fc-evidence">{"".join(items)}</ul>'


def _note_html(doc_n: int, i: int, number: int, f: Finding, placed: bool) -> str:
    classes = f"fc-note sev-{f.severity}" + (" suppressed" if f.suppressed else "")
    title = f'<div class="fc-title">{esc(f.title)}</div>' if f.title else ""
    quote = f'<blockquote class="fc-quote">“{esc(f.quote)}”</blockquote>' if f.quote else ""
    where = "" if placed else '<div class="fc-supp">(not located in the text)</div>'
    supp = f'<div class="fc-supp">Suppressed: {esc(f.suppressed)}</div>' if f.suppressed else ""
    return (
        f'<li class="{classes}" id="d{doc_n}-n{i}" data-finding="{i}" data-severity="{f.severity}" '
        f'data-rule="{esc(f.rule)}">'
        f'<div class="fc-head"><span class="fc-num">{number}</span><span class="fc-sev">{f.severity}</span>'
        f'<code class="fc-rule">{esc(f.rule)}</code><span class="fc-supp">line {f.span.line}, col {f.span.column}'
        f"</span></div>{title}"
        f'<p class="fc-msg">{esc(f.message)}</p>{quote}{_evidence_html(f)}{supp}{where}</li>'
    )


# --- claims table -------------------------------------------------------------------------------
def _claims_html(doc_n: int, doc: DocumentReport, numbers: dict[int, int]) -> str:
    verdicts = claim_verdicts(doc)
    claims = [f for f in doc.facts if not f.kind.startswith("reference_")]
    if not claims:
        return '<h3>Claims</h3><p class="fc-meta">No claims were extracted.</p>'
    citing: dict[str, list[int]] = {}
    for i, f in enumerate(doc.findings):
        for fid in f.facts:
            citing.setdefault(fid, []).append(i)

    def row(fact: FactBase) -> str:
        fid = fact.id
        verdict = verdicts.get(fid)
        links = " ".join(
            f'<a href="#d{doc_n}-n{i}">{numbers[i]} {esc(doc.findings[i].rule)}</a>' for i in citing.get(fid, [])
        )
        return (
            f'<tr class="fc-claim v-{verdict or "none"}" data-fact="{esc(fid)}"><td>{esc(fid)}</td>'
            f"<td>{esc(getattr(fact, 'kind', ''))}</td><td>{esc(fact.text)}</td>"
            f'<td class="fc-verdict">{verdict or "no finding"}</td><td>{links}</td></tr>'
        )

    head = "<tr><th>Fact</th><th>Kind</th><th>Claim</th><th>Verdict</th><th>Findings</th></tr>"
    judged = sorted((c for c in claims if c.id in verdicts), key=lambda c: (VERDICT_ORDER[verdicts[c.id]], c.seq))
    others = [c for c in claims if c.id not in verdicts]
    out = ["<h3>Claims</h3>"]
    if judged:
        out.append(f'<table class="fc-claims"><thead>{head}</thead><tbody>{"".join(map(row, judged))}</tbody></table>')
    else:
        out.append('<p class="fc-meta">No claim was contradicted, supported or found unverifiable.</p>')
    if others:
        out.append(
            f"<details><summary>{len(others)} other extracted fact(s) with no finding</summary>"
            f'<table class="fc-claims"><thead>{head}</thead><tbody>{"".join(map(row, others))}</tbody></table>'
            "</details>"
        )
    return "".join(out)


# --- pages --------------------------------------------------------------------------------------
def _counts(findings: Sequence[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        if f.suppressed is None:
            counts[f.severity] += 1
    return counts


def document_html(doc: DocumentReport, doc_n: int = 0) -> str:
    """One ``<section class="fc-doc">``: text with marks, margin notes, claims table."""
    order = _order(doc)
    numbers = {i: n for n, i in enumerate(order, start=1)}
    text = body_text(doc)
    meta = [f"published {esc(doc.published)}" if doc.published else "no publication date"]
    counts = _counts(doc.findings)
    meta.append(", ".join(f"{n} {sev}" for sev, n in counts.items()))
    errors = ""
    if doc.errors:
        items = "".join(f"<li>{esc(e.stage)}: {esc(e.message)}</li>" for e in doc.errors)
        errors = f'<div class="fc-errors"><strong>Problems checking this document</strong><ul>{items}</ul></div>'
    if text is None:
        body = '<p class="fc-meta">(The body text is not available; findings are listed without it.)</p>'
        placed: set[int] = set()
    else:
        body = f'<div class="fc-text" id="d{doc_n}-text">{_text_html(text, doc, numbers)}</div>'
        placed = {i for i, f in enumerate(doc.findings) if _placeable(f, text)}
    notes = "".join(_note_html(doc_n, i, numbers[i], doc.findings[i], i in placed) for i in order)
    return (
        f'<section class="fc-doc" id="d{doc_n}" data-path="{esc(doc.path)}"><h2>{esc(doc.path)}</h2>'
        f'<p class="fc-meta">{" · ".join(meta)}</p>{errors}'
        f'<div class="fc-columns"><div>{body}</div><ol class="fc-notes" aria-label="Findings">{notes}</ol></div>'
        f"{_claims_html(doc_n, doc, numbers)}</section>"
    )


def _filters(findings: Sequence[Finding]) -> str:
    counts = _counts(findings)
    boxes = "".join(
        f'<label><input type="checkbox" class="fc-filter" value="{sev}" checked> {sev} '
        f'<span class="fc-count sev-{sev}">{counts[sev]}</span></label>'
        for sev in SEVERITIES
    )
    return f'<div class="fc-filter-group" role="group" aria-label="Filter by severity">Show: {boxes}</div>'


def page(title: str, body: str, header: str = "", script: bool = True) -> str:
    """A complete, self-contained HTML page (inline CSS and, optionally, the report script)."""
    js = f"<script>{_asset('report.js')}</script>" if script else ""
    return for_html(  # every piece is escaped already; this keeps any control character out of the file
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="factcheck">'
        f"<title>{esc(title)}</title><style>{_asset('report.css')}</style></head>"
        f'<body><header class="fc-top"><h1>{esc(title)}</h1>{header}</header><main>{body}</main>{js}</body></html>\n'
    )


def render(report: Report, *, title: str | None = None, **_: object) -> str:
    """All documents of ``report`` on one page (a table of contents when there are several)."""
    docs = report.documents
    heading = title or (f"factcheck: {docs[0].path}" if len(docs) == 1 else f"factcheck: {len(docs)} documents")
    toc = ""
    if len(docs) > 1:
        items = "".join(f'<li><a href="#d{n}">{esc(d.path)}</a></li>' for n, d in enumerate(docs))
        toc = f'<nav class="fc-toc"><ul>{items}</ul></nav>'
    sections = "".join(document_html(d, n) for n, d in enumerate(docs))
    return page(heading, toc + sections, _filters(report.findings))


# --- batch: one page per document and an index ----------------------------------------------------
@dataclass(frozen=True)
class IndexRow:
    """What the index shows of one document (kept instead of the report, so memory stays small)."""

    path: str
    href: str
    published: str
    counts: dict[str, int]
    problems: int

    @classmethod
    def of(cls, doc: DocumentReport, href: str) -> IndexRow:
        return cls(doc.path, href, str(doc.published or ""), _counts(doc.findings), len(doc.errors))


def index_page(rows: Sequence[IndexRow], *, title: str = "factcheck reports") -> str:
    """An index page: one row per document (severity counts, problems) linking its page."""
    body = "".join(
        f'<tr><td><a class="fc-doc-link" href="{esc(r.href)}">{esc(r.path)}</a></td><td>{esc(r.published)}</td>'
        f"<td>{r.counts['error']}</td><td>{r.counts['warning']}</td><td>{r.counts['info']}</td>"
        f"<td>{r.problems}</td></tr>"
        for r in rows
    )
    totals = {sev: sum(r.counts[sev] for r in rows) for sev in SEVERITIES}
    table = (
        '<table class="fc-index"><thead><tr><th>Document</th><th>Published</th><th>Errors</th><th>Warnings</th>'
        f"<th>Info</th><th>Problems</th></tr></thead><tbody>{body}</tbody></table>"
    )
    meta = (
        f'<p class="fc-meta">{len(rows)} document(s): {totals["error"]} error(s), {totals["warning"]} warning(s), '
        f"{totals['info']} info; {sum(1 for r in rows if r.problems)} with problems.</p>"
    )
    return page(title, meta + table, script=False)


def render_index(report: Report, hrefs: Sequence[str], *, title: str = "factcheck reports") -> str:
    """The index page of ``report``'s documents, linking ``hrefs[i]`` for document ``i``."""
    return index_page([IndexRow.of(d, h) for d, h in zip(report.documents, hrefs, strict=True)], title=title)


def _slug(path: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(path).name or path).strip("-.")
    return name[:60] or "document"


class SiteWriter:
    """Streams a batch to a directory: ``write(doc)`` writes ``NNNN-<name>.html`` at once (only a small
    index row is kept); ``close()`` writes ``index.html`` and returns its path. For a batch CLI::

        site = SiteWriter("out/html")
        for doc in run_batch(...):
            site.write(doc)            # DocumentReport, ideally checked with include_text=True
        index = site.close()
    """

    def __init__(self, directory: str | Path, *, index_name: str = "index.html", title: str = "factcheck reports"):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.index_name = index_name
        self.title = title
        self.rows: list[IndexRow] = []

    def write(self, doc: DocumentReport) -> Path:
        name = f"{len(self.rows) + 1:04d}-{_slug(doc.path)}.html"
        target = self.directory / name
        target.write_text(render(Report.of([doc])), encoding="utf-8")
        self.rows.append(IndexRow.of(doc, name))
        return target

    def close(self) -> Path:
        index = self.directory / self.index_name
        index.write_text(index_page(self.rows, title=self.title), encoding="utf-8")
        return index


def write_html_reports(report: Report, directory: str | Path, *, index_name: str = "index.html") -> Path:
    """Write one page per document of ``report`` and an index linking them; returns the index path."""
    site = SiteWriter(directory, index_name=index_name)
    for doc in report.documents:
        site.write(doc)
    return site.close()
