"""Loaders: a path, bytes, text, or a JSON Lines record in; a :class:`Document` out."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from factcheck.load.decode import decode
from factcheck.load.errors import LoadError
from factcheck.load.frontmatter import parse_date, split_front_matter
from factcheck.load.html import html_to_text
from factcheck.load.htmlmeta import page_meta
from factcheck.load.markdown import mask_markdown
from factcheck.model.document import Document, SourceMap

MARKDOWN = frozenset({".md", ".markdown", ".mdx"})
HTML = frozenset({".html", ".htm", ".xhtml"})
TEXT = frozenset({".txt", ".text", ""})
JSONL = frozenset({".jsonl", ".ndjson"})
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def load_text(
    text: str,
    *,
    doc_id: str = "<text>",
    fmt: str = "markdown",
    published: dt.date | None = None,
    path: str | None = None,
    max_chars: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Build a Document from text. ``fmt`` is ``markdown`` (front matter allowed), ``text`` or ``html``.

    ``published`` overrides any date in the front matter. A text longer than ``max_chars`` (default
    20 Mi characters, ``None`` for no limit) is refused with a LoadError: memory and time grow with size.
    """
    if max_chars is not None and len(text) > max_chars:
        raise LoadError(path or doc_id, f"document is {len(text)} characters, over the limit of {max_chars}")
    text = _valid_unicode(text)  # a lone surrogate (from JSON) is U+FFFD: offsets stay, writers cannot fail
    meta: dict[str, object] = {}
    raw: str | None = None
    if fmt == "html":
        body, anchors = html_to_text(text)
        source_map = SourceMap(anchors=anchors)
        page = page_meta(text)
        meta = {k: v for k, v in page.model_dump().items() if v is not None}
    elif fmt == "markdown":
        meta, body_start = split_front_matter(text, doc_id)
        raw = text[body_start:]
        body = mask_markdown(raw)  # code and comments blanked: same offsets, not read as prose
        source_map = SourceMap(anchors=[(0, body_start)])
    else:
        body, source_map = text, SourceMap()
    date = published or parse_date(meta.get("published", meta.get("date")), doc_id)
    return Document(
        id=doc_id,
        path=path,
        text=body,
        raw_text=raw if raw != body else None,
        published=date,
        title=_str(meta.get("title")),
        language=_str(meta.get("language", meta.get("lang"))),
        url=_str(meta.get("url")),
        metadata=meta,
        source_text=text,
        source_map=source_map,
    )


def format_for(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in HTML:
        return "html"
    if suffix in MARKDOWN:
        return "markdown"
    return "text" if suffix in TEXT else "markdown"


def load_bytes(data: bytes, *, path: str, published: dt.date | None = None, fmt: str | None = None) -> Document:
    """Decode and load one file's bytes (not JSON Lines); ``fmt`` defaults to the one the name implies."""
    text = decode(data, path)
    if not text.strip():
        raise LoadError(path, "empty document")
    return load_text(text, doc_id=path, fmt=fmt or format_for(path), published=published, path=path)


def load_path(path: str | Path, *, published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Load one Markdown, text or HTML file."""
    p = Path(path)
    name = str(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise LoadError(name, f"document is {size} bytes, over the limit of {max_bytes} (--max-bytes)")
        data = p.read_bytes()
    except OSError as exc:
        raise LoadError(name, exc.strerror or str(exc)) from None
    return load_bytes(data, path=name, published=published)


def iter_jsonl(
    data: str, *, path: str, published: dt.date | None = None, date_field: str = "published"
) -> Iterator[Document | LoadError]:
    """Documents of a JSON Lines file, one per record; a bad line yields a LoadError and the rest go on.

    A record has ``id``, ``text`` or ``body`` (``markdown``/``html`` are accepted too), and optionally
    ``published`` (or ``date_field``), ``title``, ``url``, ``language``.
    """
    for lineno, line in enumerate(data.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield load_jsonl_line(line, path=path, lineno=lineno, published=published, date_field=date_field)
        except LoadError as exc:
            yield exc


def load_jsonl_line(
    line: str | bytes, *, path: str, lineno: int, published: dt.date | None = None, date_field: str = "published"
) -> Document:
    """One line of a JSON Lines file as a Document; any fault is a LoadError naming ``path:lineno``."""
    if isinstance(line, bytes):
        line = decode(line, f"{path}:{lineno}")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LoadError(path, f"not a JSON object: {exc.msg}", lineno, exc.colno) from None
    except (ValueError, RecursionError) as exc:  # nesting too deep; a 5,000-digit number
        raise LoadError(path, f"not a JSON object: {type(exc).__name__}: {str(exc)[:200]}", lineno, 1) from None
    try:
        return load_record(record, path=path, lineno=lineno, published=published, date_field=date_field)
    except LoadError:
        raise
    except Exception as exc:  # a record of an unexpected shape must not stop the file
        raise LoadError(f"{path}:{lineno}", f"bad record: {exc}", lineno, 1) from None


def load_record(
    record: object, *, path: str, lineno: int, published: dt.date | None = None, date_field: str = "published"
) -> Document:
    """One JSON Lines record (already parsed) as a Document; raises LoadError naming path:line."""
    if not isinstance(record, dict):
        raise LoadError(path, f"record must be a JSON object, got {type(record).__name__}", lineno, 1)
    rid = _valid_unicode(str(record.get("id") or f"{path}:{lineno}"))
    fmt, body = "text", None
    for key, kind in (("text", "text"), ("body", "text"), ("markdown", "markdown"), ("html", "html")):
        if isinstance(record.get(key), str):
            fmt, body = kind, record[key]
            break
    if body is None or not body.strip():
        raise LoadError(path, f"record {rid!r} has no text (keys: text, body, markdown or html)", lineno, 1)
    body = _valid_unicode(body)
    date = published or parse_date(record.get(date_field), f"{path}:{lineno}", date_field)
    doc = load_text(body, doc_id=rid, fmt=fmt, published=date, path=path)
    doc.title = _str(record.get("title")) or doc.title
    doc.url = _str(record.get("url")) or doc.url
    doc.language = _str(record.get("language")) or doc.language
    # Line/column point into the JSONL file: the record's line; columns are then relative to the text.
    doc.line_offset = lineno - 1
    doc.record_line = lineno
    return doc


def _valid_unicode(text: str) -> str:
    """JSON may escape lone surrogates (``"\\ud800"``): they become U+FFFD, as a decoder would make them
    (they cannot be encoded as UTF-8, so every report writer and the C engine would fail on them)."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


valid_unicode = _valid_unicode


def _str(value: object) -> str | None:
    return None if value is None else _valid_unicode(str(value))
