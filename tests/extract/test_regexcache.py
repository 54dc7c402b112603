"""The on-disk cache of compiled pattern regexes: it changes how fast patterns load, never what they match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.extract.relations import regexcache
from factcheck.extract.relations.loader import load_patterns
from factcheck.resources import shipped_dir

SOURCES = [r"(?<![^ ])(?P<verb__0>(?:moved |shifted ))(?:[^\s|\[\]()]\S* ){0,3}?@year ", r"(?:a|b)+c", r"(?i:x)y"]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> regexcache._Store:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("FACTCHECK_REGEX_CACHE", raising=False)
    return regexcache._Store()


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in ("moved 2027 ", "it moved two @year ", "aabac", "Xy xy", ""):
        assert [m.span(0) for m in a.finditer(text)] == [m.span(0) for m in b.finditer(text)]


def test_round_trip_gives_the_regexes_re_compiles(store: regexcache._Store, tmp_path: Path) -> None:
    for s in SOURCES:
        _same(store.compile(s), re.compile(s))
    store.flush()
    files = list((tmp_path / "regex").iterdir())
    assert len(files) == 1
    fresh = regexcache._Store()  # the next process
    assert set(fresh._read()) == set(SOURCES)
    for s in SOURCES:
        _same(fresh.compile(s), re.compile(s))
    assert fresh.new == 0  # every one came from the file


def test_a_damaged_or_foreign_file_is_ignored(store: regexcache._Store, tmp_path: Path) -> None:
    for s in SOURCES:
        store.compile(s)
    store.flush()
    (path,) = (tmp_path / "regex").iterdir()
    data = path.read_bytes()
    for bad in (data[:-7], data[:40], b"garbage", data.replace(b'"key":"', b'"key":"x', 1), b""):
        path.write_bytes(bad)
        fresh = regexcache._Store()
        assert fresh._read() == {}
        for s in SOURCES:
            _same(fresh.compile(s), re.compile(s))


def test_an_unwritable_cache_dir_only_costs_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker))
    store = regexcache._Store()
    _same(store.compile(SOURCES[0]), re.compile(SOURCES[0]))
    store.flush()  # no error


def test_patterns_load_the_same_with_and_without_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_STORE", regexcache._Store())
    monkeypatch.setenv("FACTCHECK_REGEX_CACHE", "0")
    plain = load_patterns([shipped_dir("patterns")])
    monkeypatch.setenv("FACTCHECK_REGEX_CACHE", "1")
    first = load_patterns([shipped_dir("patterns")])  # compiles and writes the file
    monkeypatch.setattr(regexcache, "_STORE", regexcache._Store())
    cached = load_patterns([shipped_dir("patterns")])  # reads it
    assert regexcache._STORE.new == 0
    for a, b, c in zip(plain.patterns, first.patterns, cached.patterns, strict=True):
        assert a.id == b.id == c.id
        for x in (b, c):
            assert x.compiled.regex.pattern == a.compiled.regex.pattern
            assert x.compiled.regex.groupindex == a.compiled.regex.groupindex
            assert (x.compiled.probe is None) == (a.compiled.probe is None)
            if a.compiled.probe is not None:
                assert x.compiled.probe.pattern == a.compiled.probe.pattern  # type: ignore[union-attr]
