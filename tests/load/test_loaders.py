"""Loaders: front matter, HTML offsets, encodings, JSON Lines, and errors that name the place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.load import LoadError, iter_jsonl, load_bytes, load_path, load_text
from factcheck.model.document import Span
from tests.conftest import SEED


def test_seed_front_matter_and_body_offsets() -> None:
    doc = load_path(SEED)
    assert doc.published == dt.date(2025, 10, 29)
    assert doc.title and doc.title.startswith("Importance of Deterring China")
    assert doc.text.startswith("During his tour of Asia")
    i = doc.text.index("unofficially requested")
    loc = doc.locate(Span(start=i, end=i + 12))
    line = SEED.read_text(encoding="utf-8").splitlines()[loc.line - 1]
    assert line[loc.column - 1 :].startswith("unofficially requested")


def test_published_argument_overrides_front_matter() -> None:
    doc = load_text("---\npublished: 2025-10-29\n---\nBody.", published=dt.date(2024, 1, 2))
    assert doc.published == dt.date(2024, 1, 2)


def test_missing_publication_date_is_allowed() -> None:
    assert load_text("No front matter here.").published is None


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("---\npublished: [2025\n---\nBody", "front matter is not valid YAML", 3),
        ("---\n- a list\n---\nBody", "front matter must be a mapping", 2),
        ("---\npublished: yesterday\n---\nBody", "published is not a date", None),
    ],
)
def test_bad_front_matter(text: str, message: str, line: int | None) -> None:
    with pytest.raises(LoadError) as err:
        load_text(text, doc_id="draft.md")
    assert message in str(err.value)
    assert err.value.path == "draft.md"
    if line is not None:
        assert err.value.line == line


def test_html_text_and_offsets_map_back_to_the_source() -> None:
    source = "<html><head><style>p{}</style></head><body><h1>Title</h1><p>Koizumi &amp; Hegseth met on the <b>29th</b>.</p></body></html>"
    doc = load_text(source, fmt="html")
    assert "p{}" not in doc.text
    assert doc.text.strip() == "Title\nKoizumi & Hegseth met on the 29th."
    i = doc.text.index("29th")
    assert doc.source_map.to_source(i) == source.index("29th")
    j = doc.text.index("Hegseth")
    assert doc.source_map.to_source(j) == source.index("Hegseth")


def test_pathological_html_is_linear_and_harmless() -> None:
    source = "<div>" * 10_000 + "Text <unclosed " + "</div>" * 10
    doc = load_text(source, fmt="html")
    assert "Text" in doc.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary data"),
        (b"Caf\xe9 au lait", "not valid UTF-8: byte 0xe9"),
        (b"   \n", "empty document"),
    ],
)
def test_broken_bytes_are_load_errors(data: bytes, message: str) -> None:
    with pytest.raises(LoadError, match=message) as err:
        load_bytes(data, path="bad.txt")
    assert str(err.value).startswith("bad.txt")


def test_invalid_utf8_names_line_and_column() -> None:
    with pytest.raises(LoadError) as err:
        load_bytes(b"line one\nab\xffc", path="x.md")
    assert (err.value.line, err.value.column) == (2, 3)


def test_boms_and_crlf() -> None:
    doc = load_bytes("\ufeffHello\r\nworld".encode(), path="a.txt")
    assert doc.text == "Hello\nworld"
    doc16 = load_bytes("Hello".encode("utf-16"), path="b.txt")
    assert doc16.text == "Hello"


def test_jsonl_records_and_bad_lines() -> None:
    data = "\n".join(
        [
            '{"id": "a", "text": "First.", "published": "2025-10-29"}',
            "{not json",
            '{"id": "c", "body": "Third.", "title": "T"}',
            '["a list"]',
            '{"id": "e"}',
        ]
    )
    items = list(iter_jsonl(data, path="batch.jsonl"))
    assert [type(i).__name__ for i in items] == ["Document", "LoadError", "Document", "LoadError", "LoadError"]
    assert items[0].published == dt.date(2025, 10, 29)  # type: ignore[union-attr]
    assert str(items[1]).startswith("batch.jsonl:2:2:")
    assert items[2].title == "T"  # type: ignore[union-attr]
    assert "no text" in str(items[4])


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("x" * 2000)
    with pytest.raises(LoadError, match="over the limit"):
        load_path(p, max_bytes=1000)


@pytest.mark.parametrize("text", ["The budget sets aside Rs. 18.6 trillion for 2026-27. Revenue is put at Rs. 12.9 trillion.",
                                  "A ticket costs Re. 1 more. The govt. said so."])
def test_a_currency_or_office_abbreviation_ends_no_sentence(text: str) -> None:
    d = load_text(text, fmt="text")
    assert len(d.sentences) == 2
