"""Property-based fuzzing (hypothesis): only the project's typed errors escape, spans round-trip,
resolved dates are possible dates, and the two engines agree.

Profiles are in conftest.py (``ci`` by default, ``long`` via ``bench/fuzz.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.checker import number_facts
from factcheck.evaluate import RuleLoadError, load_rules
from factcheck.evaluate.expr import ExprError, parse_where
from factcheck.evaluate.plan import plan_branch
from factcheck.evaluate.templates import TemplateError, parse_template
from factcheck.extract import extract_facts
from factcheck.load import LoadError, iter_jsonl, load_bytes, load_text
from factcheck.load.html import html_to_text
from factcheck.model.document import Document
from factcheck.resolve import resolve_facts

# --- text strategies -------------------------------------------------------------------------------
WORDS = (
    "Japan", "Japanese", "U.S.", "Defense", "Minister", "Secretary", "Shinjiro", "Koizumi", "Pete", "Hegseth",
    "Prime", "Sanae", "Takaichi", "met", "in", "Tokyo", "on", "the", "29th", "21st", "1st", "previous", "day",
    "following", "after", "before", "taking", "office", "took", "who", "fiscal", "year", "2027", "2025", "2026",
    "(April", "2027-March", "2028)", "January", "October", "moved", "up", "by", "two", "three", "years",
    "delayed", "from", "to", "2%", "3.5%", "percent", "of", "GDP", "trillion", "won", "yen", "$1.5", "billion",
    "reportedly", "unofficially", "requested", "sources", "said", "it", "is", "known", "that", "Monday",
    "last", "week", "month", "summit", "meeting", "first", "since", ",", ".", ";", "\n", "\n\n", "—", "-",
    "'s", '"', "“", "”", "Mr.", "Gen.", "about", "at", "least", "as", "much", "as", "0", "99", "9999",
    "31st", "32nd", "February", "30th", "Feb.", "29", "2024", "1900", "0000", "12/31", "2025-10-29",
)  # fmt: skip
NOISE = st.sampled_from(["\u200b", "\u202e", "\ufeff", "\x00", "\t", "é", "日本", "\U0001f600", "&amp;", "<b>", "%"])
token = st.one_of(st.sampled_from(WORDS), NOISE, st.text(max_size=6), st.integers(-10, 10**6).map(str))
news_text = st.lists(token, min_size=0, max_size=80).map(lambda ts: " ".join(ts))
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
published = st.one_of(st.none(), dates, st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)))

ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
DATE_FIELDS = (
    "date", "start", "end", "earlier_date", "later_date", "claim_date", "start_common", "claim_date_common",
    "stated_start", "stated_end", "expected_start", "expected_end",
)  # fmt: skip


def assert_possible_date(value: object, where: str) -> None:
    if not isinstance(value, str):
        return
    if ISO_DAY.match(value):
        dt.date.fromisoformat(value)  # raises on 2025-02-30
    elif m := ISO_MONTH.match(value):
        assert 1 <= int(m.group(2)) <= 12, (where, value)
    elif re.fullmatch(r"\d{4}", value):
        pass
    else:
        raise AssertionError(f"{where}: not an ISO date: {value!r}")


def assert_spans(doc: Document, facts: list) -> None:  # type: ignore[type-arg]
    for f in facts:
        assert 0 <= f.span.start <= f.span.end <= len(doc.text), f
        assert doc.text[f.span.start : f.span.end] == f.text, f


# --- loaders ---------------------------------------------------------------------------------------
@given(st.text(max_size=400), st.sampled_from(["markdown", "text", "html"]), published)
def test_load_text_gives_a_document_or_a_load_error(text: str, fmt: str, date: dt.date | None) -> None:
    try:
        doc = load_text(text, doc_id="d", fmt=fmt, published=date)
    except LoadError:
        return
    if fmt != "html":
        body_text = doc.raw_text or doc.text  # Markdown code and comments are blanked in `text`, same length
        assert text.endswith(body_text) and len(doc.text) == len(body_text)
    for i in range(0, len(doc.text) + 1, max(len(doc.text) // 10, 1)):
        assert 0 <= doc.source_map.to_source(i) <= len(text)
    doc.sentences  # noqa: B018


front_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=10), dates),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=10,
)


@given(
    st.one_of(
        st.dictionaries(
            st.sampled_from(["published", "date", "title", "url", "lang", "x"]), front_value, max_size=4
        ).map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
        st.text(max_size=120),
        front_value.map(lambda v: yaml.safe_dump(v)),
    ),
    news_text,
)
def test_front_matter_gives_a_document_or_a_load_error(front: str, body: str) -> None:
    text = f"---\n{front}\n---\n{body}"
    try:
        doc = load_text(text, doc_id="d", fmt="markdown")
    except LoadError as exc:
        assert exc.line is None or exc.line >= 1
        return
    body_text = doc.raw_text or doc.text  # code and comments are blanked in `text`, same length
    assert text.endswith(body_text) and len(doc.text) == len(body_text)
    assert doc.published is None or isinstance(doc.published, dt.date)


html_token = st.one_of(
    st.sampled_from(["<p>", "</p>", "<div>", "<br/>", "<script>", "</script>", "<!--", "-->", "<a href='x'>", "<",
                     ">", "&amp;", "&#x1F600;", "&#0;", "&nbsp;", "&bogus;", "<style>", "</style>", "<!x>", "<?x?>"]),
    token,
)  # fmt: skip


@given(st.lists(html_token, max_size=60).map("".join))
def test_html_source_map_points_into_the_source(source: str) -> None:
    text, anchors = html_to_text(source)
    assert anchors == sorted(anchors, key=lambda a: a[0])
    for body, src in anchors:
        assert 0 <= body <= len(text) and 0 <= src <= len(source)
    doc = load_text(source, doc_id="d", fmt="html")
    assert doc.text == text
    for i in range(len(text) + 1):
        assert 0 <= doc.source_map.to_source(i) <= len(source)


@given(st.binary(max_size=300), st.sampled_from(["d.md", "d.txt", "d.html", "d"]))
def test_load_bytes_gives_a_document_or_a_load_error(data: bytes, name: str) -> None:
    with contextlib.suppress(LoadError):
        load_bytes(data, path=name)


json_line = st.one_of(
    st.text(max_size=40),
    st.dictionaries(
        st.sampled_from(["id", "text", "body", "markdown", "html", "published", "title", "url", "language"]),
        st.one_of(st.none(), st.integers(), st.text(max_size=30), news_text, st.lists(st.integers(), max_size=2)),
        max_size=5,
    ).map(lambda d: __import__("json").dumps(d)),
)


@given(st.lists(json_line, max_size=8))
def test_json_lines_account_for_every_line(lines: list[str]) -> None:
    lines = [ln.replace("\n", " ").replace("\r", " ") for ln in lines]
    data = "\n".join(lines)
    results = list(iter_jsonl(data, path="d.jsonl"))
    assert all(isinstance(r, Document | LoadError) for r in results)
    assert len(results) == sum(1 for ln in data.split("\n") if ln.strip())


# --- extraction and resolution ---------------------------------------------------------------------
@given(news_text, published, st.sampled_from(["text", "markdown", "html"]))
def test_extractors_and_resolution(text: str, date: dt.date | None, fmt: str) -> None:
    try:
        doc = load_text(text, doc_id="d", fmt=fmt, published=date)
    except LoadError:
        return
    facts = number_facts(extract_facts(doc))
    assert_spans(doc, facts)
    facts = resolve_facts(doc, facts)
    assert_spans(doc, facts)
    for f in facts:
        for name in DATE_FIELDS:
            assert_possible_date(getattr(f, name, None), f"{f.kind}.{name} from {f.text!r}")


# --- rules -----------------------------------------------------------------------------------------
FIELDS = ["q.value", "q.unit", "q.seq", "q.scale", "q.holder", "r.value", "r.seq", "q.nope", "q._k", "q.id", "x.y"]
expr_token = st.one_of(
    st.sampled_from(FIELDS),
    st.sampled_from(["==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "**", "%", "and", "or", "not", "in",
                     "not in", "is", "is not", "None", "(", ")", ",", "[", "]", "true", "false", "lambda", ":",
                     "__class__", ".", "0", "1", "2.5", "1e15", "1e16", "-1", "'a'", "'\\ud800'", "f'{q}'"]),
    st.integers(-(10**20), 10**20).map(str),
    st.text(max_size=3),
)  # fmt: skip


@given(st.lists(expr_token, min_size=1, max_size=25).map(" ".join))
def test_where_parser_and_planner_raise_only_expr_errors(source: str) -> None:
    when = {"q": "quantity", "r": "quantity"}
    try:
        dnf = parse_where(source, when)
        for conj in dnf:
            plan_branch(conj, when)
    except ExprError as exc:
        assert exc.reason and exc.line >= 1 and exc.column >= 1


names = st.sampled_from(["q", "a", "value", "unit", "x", "_k", "__class__"])


@given(st.text(max_size=60), st.dictionaries(names, st.dictionaries(names, front_value, max_size=3), max_size=3))
def test_templates_raise_only_template_errors_and_render_anything(text: str, values: dict) -> None:  # type: ignore[type-arg]
    try:
        tpl = parse_template(text)
    except TemplateError as exc:
        assert exc.column >= 1
        return
    out = tpl.render(values)
    assert isinstance(out, str)


rule_value = st.one_of(
    front_value,
    st.sampled_from(["error", "warning", "t.x", "q.value > 1", "{q: quantity}", "m {q.value}", "quantity"]),
)
rule_dict = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.sampled_from(["t.x", "T.x", "x", "t.x-1"]), rule_value),
        "severity": st.one_of(st.sampled_from(["error", "warning", "info", "fatal"]), rule_value),
        "title": rule_value,
        "when": st.one_of(st.just({"q": "quantity"}), st.dictionaries(st.text(max_size=5), rule_value, max_size=5)),
        "where": st.one_of(st.lists(expr_token, min_size=1, max_size=12).map(" ".join), rule_value),
        "message": st.one_of(st.text(max_size=30), rule_value),
        "at": rule_value,
        "evidence": rule_value,
        "examples": rule_value,
        "extra": rule_value,
    },
)


@given(data=st.one_of(st.lists(rule_dict, max_size=3), rule_dict, front_value))
def test_rule_loader_raises_only_rule_load_errors(data: object, tmp_path_factory_dir: Path) -> None:
    path = tmp_path_factory_dir / "rules.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_rules([path])
    except RuleLoadError as exc:
        assert exc.problems and all(p.line >= 1 and p.column >= 1 for p in exc.problems)


@given(text=st.text(max_size=300))
def test_rule_loader_on_arbitrary_text(text: str, tmp_path_factory_dir: Path) -> None:
    path = tmp_path_factory_dir / "rules.yaml"
    try:
        path.write_text(text, encoding="utf-8")
    except UnicodeEncodeError:
        assume(False)
    with contextlib.suppress(RuleLoadError):
        load_rules([path])


# --- engines ---------------------------------------------------------------------------------------
@given(seed=st.integers(min_value=0, max_value=2**63))
def test_engines_agree_on_generated_rules_and_facts(seed: int, diff_worker) -> None:  # type: ignore[no-untyped-def]
    from diffgen import generate, render

    case = generate(f"fuzz:{seed}")
    out = diff_worker.run(case)
    assert not out.failed, (out.status, [render(r["tree"]) for r in case["rules"]], out.detail[:500])
