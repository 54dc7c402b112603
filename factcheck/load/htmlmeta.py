"""A web page's own metadata: publication date, title, language and canonical URL.

- published: ``<meta property="article:published_time">`` (also ``itemprop``/``name`` variants), then
  JSON-LD ``datePublished`` (in ``<script type="application/ld+json">``, ``@graph`` and lists too),
  then the first ``<time datetime>`` (one marked ``pubdate`` or ``itemprop="datePublished"`` first);
- title: ``og:title``, else ``<title>``;
- language: ``<html lang>``; url: ``<link rel="canonical">``, else ``og:url``.

Read with the tag scanner of :mod:`factcheck.load.html` (linear; unclosed tags are harmless). A value
that is not a date is ignored, not an error: metadata is a hint, ``--published`` overrides it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

from pydantic import BaseModel

from factcheck.load.html import TAG

MAX_JSONLD = 256 * 1024
MAX_DEPTH = 16
_PUBLISHED_META = ("article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
                   "dc.date.issued", "date")


class PageMeta(BaseModel):
    published: dt.date | None = None
    title: str | None = None
    language: str | None = None
    url: str | None = None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _json_ld_date(data: object, depth: int = 0) -> str | None:
    if depth > MAX_DEPTH:
        return None
    if isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str):
            return value
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data and (found := _json_ld_date(data[key], depth + 1)):
                return found
    elif isinstance(data, list):
        for item in data[:100]:
            if found := _json_ld_date(item, depth + 1):
                return found
    return None


_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_WANTED = frozenset({"html", "meta", "time", "link", "title", "script"})
MAX_TAG = 4096  # attributes are read from a tag's first 4 KiB only


def _attrs(tag: str) -> dict[str, str]:
    inner = tag[1:MAX_TAG].split(None, 1)
    if len(inner) < 2:
        return {}
    out: dict[str, str] = {}
    for m in _ATTR.finditer(inner[1]):
        value = next((g for g in m.groups()[1:] if g is not None), "")
        out.setdefault(m.group(1).lower(), html.unescape(value))
    return out


class _Collector:
    """One pass over the tags, with the scanner of :mod:`factcheck.load.html` (linear on any input)."""

    def __init__(self) -> None:
        self.meta: dict[str, str] = {}
        self.times: list[tuple[bool, str]] = []  # (marked as the publication date, datetime)
        self.json_ld: list[str] = []
        self.title: str | None = None
        self.lang: str | None = None
        self.canonical: str | None = None

    def feed(self, source: str) -> None:
        end = source.rfind(">") + 1
        ld_size = 0
        title_seen = False
        script_close = 0  # position of the next '</script' (-1: there is none)
        for m in TAG.finditer(source, 0, end):
            name = (m.group(2) or "").lower()
            if m.group(1) or name not in _WANTED:
                continue
            a = _attrs(m.group(0))
            if name == "html" and a.get("lang"):
                self.lang = self.lang or a["lang"]
            elif name == "meta":
                key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
                if key and "content" in a:
                    self.meta.setdefault(key, a["content"])
            elif name == "time" and a.get("datetime"):
                marked = "pubdate" in a or a.get("itemprop", "").lower() == "datepublished"
                self.times.append((marked, a["datetime"]))
            elif name == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
                self.canonical = self.canonical or a["href"]
            elif name == "title" and not title_seen:
                title_seen = True
                close = source.find("</title", m.end())
                content = source[m.end() : close if close != -1 else m.end() + 2000]
                self.title = " ".join(html.unescape(content[:2000]).split()) or None
            elif name == "script" and a.get("type", "").lower() == "application/ld+json" and ld_size < MAX_JSONLD:
                if script_close < m.end() and script_close != -1:  # each close tag is searched for once
                    script_close = source.find("</script", m.end())
                if script_close == -1:
                    break
                content = source[m.end() : script_close]
                ld_size += len(content)
                if ld_size <= MAX_JSONLD:
                    self.json_ld.append(content)


def page_meta(source: str) -> PageMeta:
    """The metadata of an HTML page (every field None when the page does not say)."""
    c = _Collector()
    c.feed(source)
    published = next((d for k in _PUBLISHED_META if (d := _date(c.meta.get(k)))), None)
    if published is None:
        for blob in c.json_ld:
            try:
                found = _date(_json_ld_date(json.loads(blob)))
            except (ValueError, RecursionError):
                continue
            if found:
                published = found
                break
    if published is None:
        for _, value in sorted(c.times, key=lambda t: not t[0]):
            if found := _date(value):
                published = found
                break
    title = c.meta.get("og:title") or c.title
    url = c.canonical or c.meta.get("og:url") or None
    return PageMeta(published=published, title=title, language=c.lang or None, url=url)
