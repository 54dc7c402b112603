"""Cross-article checks after the per-document pass: batch.conflicting-figure and batch.conflicting-date."""

from __future__ import annotations

from pathlib import Path

from factcheck.batch import BatchSettings, CheckerSettings, run_batch
from factcheck.batch.crossref.entries import resolve_period
from factcheck.batch.crossref.index import MAX_VALUES, CrossIndex
from factcheck.model.crossref import CrossFact
from factcheck.model.document import Location
from factcheck.model.findings import DocumentReport
from factcheck.state import StateStore

REAL = CheckerSettings(references=False, cross_article=True)
HEAD = "---\npublished: {date}\n---\n"


def batch(tmp_path: Path, texts: dict[str, str], settings: CheckerSettings = REAL, **kw: object) -> list[DocumentReport]:
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    return list(run_batch([str(tmp_path)], settings, BatchSettings(jobs=0), **kw))  # type: ignore[arg-type]


def rules(report: DocumentReport, prefix: str = "batch.") -> list[str]:
    return [f.rule for f in report.findings if f.rule.startswith(prefix)]


def test_two_articles_that_disagree_on_a_figure_are_both_flagged(tmp_path: Path) -> None:
    a = HEAD.format(date="2025-03-01") + "Canada's defence spending was 1.4% of GDP in 2024, the government said.\n"
    b = HEAD.format(date="2025-03-02") + "Intro.\nCanada's defense spending reached 1.9% of GDP last year, officials said.\n"
    one, two = batch(tmp_path, {"a.md": a, "b.md": b})
    assert rules(one) == rules(two) == ["batch.conflicting-figure"]
    fa, fb = one.findings[-1], two.findings[-1]
    assert fa.severity == "warning" and fa.quote == "1.4% of GDP" and fa.span.line == 4
    assert f"{tmp_path}/b.md:5" in fa.message and "reached 1.9% of GDP last year" in fa.message
    assert f"{tmp_path}/a.md:4" in fb.message and "was 1.4% of GDP in 2024" in fb.message
    assert fa.evidence[0].source.endswith("b.md") and fb.evidence[0].source.endswith("a.md")
    assert fa.context is not None and fa.context.sentence[fa.context.start:fa.context.end] == "1.4% of GDP"


def test_articles_that_agree_or_speak_of_different_years_are_not_flagged(tmp_path: Path) -> None:
    same = {"a.md": "Canada's defence spending was 1.4% of GDP in 2024, the government said.\n",
            "b.md": "Canada's defense spending was 1.4% of GDP in 2024, officials said.\n"}
    (tmp_path / "same").mkdir()
    assert not any(rules(r) for r in batch(tmp_path / "same", same))
    years = {"a.md": "Canada's defence spending was 1.4% of GDP in 2024, the government said.\n",
             "b.md": "Canada's defense spending was 1.9% of GDP in 2025, officials said.\n",
             "c.md": "Japan's defense spending was 1.9% of GDP in 2024, officials said.\n"}
    (tmp_path / "years").mkdir()
    assert not any(rules(r) for r in batch(tmp_path / "years", years))


def test_one_event_dated_differently_in_two_articles(tmp_path: Path) -> None:
    met = "Defense Minister Bill Blair and Foreign Minister Melanie Joly held a meeting in Ottawa on February {d}, 2025.\n"
    reports = batch(tmp_path, {"a.md": met.format(d=12), "b.md": met.format(d=14), "c.md": met.format(d=12),
                               "d.md": met.format(d=28)})  # two weeks later: another meeting, not this one
    assert [rules(r) for r in reports] == [["batch.conflicting-date"], ["batch.conflicting-date"],
                                           ["batch.conflicting-date"], []]
    assert "2025-02-14" in reports[0].findings[-1].message and reports[0].findings[-1].message.count("b.md") == 1
    assert "2025-02-12" in reports[1].findings[-1].message


def test_per_article_findings_are_unchanged(tmp_path: Path) -> None:
    texts = {f"{i}.md": HEAD.format(date="2025-10-29") +
             f"Japan will raise defense spending to 2% of GDP by 2027, the government said. Later, the ministry said "
             f"Japan would raise defense spending to {2 + i}% of GDP by 2027.\n" for i in range(3)}
    with_cross = batch(tmp_path, texts)
    without = list(run_batch([str(tmp_path)], REAL.model_copy(update={"cross_article": False}), BatchSettings(jobs=0)))
    assert [[f for f in r.findings if not f.rule.startswith("batch.")] for r in with_cross] == [r.findings for r in without]
    assert all(rules(r) for r in with_cross) and not any(rules(r) for r in without)


def test_disabled_and_suppressed_batch_rules(tmp_path: Path) -> None:
    a = "Canada's defence spending was 1.4% of GDP in 2024, the government said.\n"
    b = ("<!-- factcheck-disable-next-line batch.conflicting-figure: the other desk is wrong -->\n"
         "Canada's defense spending was 1.9% of GDP in 2024, officials said.\n")
    one, two = batch(tmp_path, {"a.md": a, "b.md": b})
    assert one.findings[-1].suppressed is None and two.findings[-1].suppressed == "the other desk is wrong"
    assert not any(f.rule == "factcheck.bad-suppression" for f in two.findings)
    off = REAL.model_copy(update={"disabled_rules": ["batch."]})
    assert not any(rules(r) for r in batch(tmp_path, {}, off))


def test_results_from_the_state_still_take_part(tmp_path: Path) -> None:
    a = "Canada's defence spending was 1.4% of GDP in 2024, the government said.\n"
    b = "Canada's defense spending was 1.9% of GDP in 2024, officials said.\n"
    first = batch(tmp_path, {"a.md": a, "b.md": b}, state=StateStore(tmp_path / ".state", "k"))
    cached = StateStore(tmp_path / ".state", "k")
    second = batch(tmp_path, {}, state=cached)
    assert cached.hits == 2 and [rules(r) for r in second] == [rules(r) for r in first] == [
        ["batch.conflicting-figure"]] * 2


def entry(value: str, n: int = 0) -> CrossFact:
    return CrossFact(kind="figure", key="k", value=value, text=value, quote=value, label="x", fact="f1",
                     span=Location(start=0, end=1, line=1 + n, column=1), sentence="s")


def test_the_index_is_bounded_by_values_not_documents() -> None:
    index = CrossIndex()
    for doc in range(10_000):
        index.add(f"d{doc}", [entry(str(doc % 50))])
    (values,) = index.keys.values()
    assert len(values) == MAX_VALUES and all(len(w) == 2 for w in values.values())
    assert index.dropped == (50 - MAX_VALUES) * 200  # every mention of a value past the first MAX_VALUES
    assert index.conflict("d0", entry("0")) is not None and index.conflict("d0", entry("0")).doc != "d0"  # type: ignore[union-attr]


def test_periods() -> None:
    import datetime as dt

    pub = dt.date(2025, 3, 1)
    assert [resolve_period(t, pub) for t in ("2024", "fiscal 2025", "fy2025", "last year", "this year", "december",
                                             "the first quarter")] == ["2024", "fiscal 2025", "fiscal 2025", "2024",
                                                                       "2025", None, None]
    assert resolve_period("last year", None) is None
