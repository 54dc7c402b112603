"""Documents in a language factcheck does not read are reported as not checked, never as clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import factcheck
from factcheck.cli.main import cli
from factcheck.language import detect, normalise

GERMAN = ("Die Bundesregierung hat am Mittwoch beschlossen, die Verteidigungsausgaben bis 2029 auf 3,5 Prozent des "
          "Bruttoinlandsprodukts zu erhöhen. Das Ziel wurde um drei Jahre vorgezogen, von 2027 auf 2025, sagte "
          "Finanzminister Lars Klingbeil in Berlin.\n")
JAPANESE = ("小泉進次郎防衛相は29日、東京でヘグセス米国防長官と会談した。両氏は防衛費を国内総生産比3.5%に引き上げる"
            "目標について協議した。\n")
SHIFT = "The government said the 2% target would be moved up by three years, from fiscal 2027 to fiscal 2025.\n"


@pytest.mark.parametrize(("text", "language"), [(GERMAN, "de"), (JAPANESE, "ja")])
def test_a_german_and_a_japanese_draft_are_not_checked(tmp_path: Path, text: str, language: str) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("---\npublished: 2025-10-29\n---\n" + text, encoding="utf-8")
    english = tmp_path / "english.md"
    english.write_text("---\npublished: 2025-10-29\n---\n" + SHIFT, encoding="utf-8")
    base = ["check", "--no-config", "--no-references", "-j", "0", "--fail-on", "never"]
    r = CliRunner().invoke(cli, [*base, str(draft)])
    assert r.exit_code == 0
    assert (f"{draft}: note [language-not-supported] language {language} is not supported (as detected; "
            "factcheck reads en): the document was not checked") in r.stdout
    assert f"0 documents checked, 1 not checked (language {language} not supported)" in r.stdout
    assert f"1 document (1 not checked: language {language} not supported)" in r.stderr
    strict = CliRunner().invoke(cli, [*base, "--fail-on-unchecked", str(draft), str(english)])
    assert strict.exit_code == 3, strict.output
    failing = CliRunner().invoke(cli, [*base[:-2], "--fail-on-unchecked", str(draft), str(english)])
    assert failing.exit_code == 1  # findings still come first
    js = CliRunner().invoke(cli, [*base, "--format", "json", str(draft)])
    doc = json.loads(js.stdout)["documents"][0]
    assert doc["language"] == language and doc["findings"] == [] and doc["facts"] == []
    assert json.loads(js.stdout)["summary"]["not_checked"] == 1


def test_declared_language_wins_over_detection(tmp_path: Path) -> None:
    (de,) = factcheck.check("---\nlanguage: de-DE\n---\n" + SHIFT, references=False).documents
    assert de.language == "de" and de.not_checked and de.findings == []
    (en,) = factcheck.check("---\nlanguage: en-GB\n---\n" + GERMAN, references=False).documents
    assert en.language == "en" and not en.not_checked
    page = f'<html lang="ja"><body><p>{SHIFT}</p></body></html>'
    (ja,) = factcheck.Checker(references=False).check(page, fmt="html").documents
    assert ja.language == "ja" and ja.not_checked
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "r1", "text": SHIFT, "language": "fr", "published": "2025-10-29"}) + "\n")
    r = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "-j", "0", "--format", "json", str(feed)])
    assert json.loads(r.stdout)["documents"][0]["notes"][0]["kind"] == "language-not-supported"


@pytest.mark.parametrize("sentence", [
    "The 2% target was moved up by three years.",
    "Koizumi met Hegseth in Tokyo on the 29th.",
    "Spending rose 8 percent to 58.7 trillion won.",
    "Die Regierung hat es beschlossen.",  # too short to tell: checked, not refused
])
def test_short_drafts_are_checked(sentence: str) -> None:
    assert detect(sentence).language in (None, "en")
    (doc,) = factcheck.check(sentence, published="2025-10-29", references=False).documents
    assert not doc.not_checked


def test_language_tags_are_normalised() -> None:
    assert [normalise(t) for t in ("en-US", "EN", "eng", "de_DE", "Japanese")] == ["en", "en", "en", "de", "ja"]


KOREAN = "국방부는 29일 내년 국방 예산을 국내총생산 대비 3.5%로 늘리겠다고 발표했다.\n"
CHINESE = "国防部长二十九日在东京会见美国国防部长，双方讨论了国防开支目标。\n"


@pytest.mark.parametrize(("text", "language"), [(JAPANESE, "ja"), (KOREAN, "ko"), (CHINESE, "zh"),
                                                (SHIFT * 3 + "防衛費国内総生産比目標会談東京", "en")])
def test_scripts_are_told_by_their_count_and_share_of_the_letters(text: str, language: str) -> None:
    """Ten characters of a script are not enough when they are a small share of the letters (an English
    story quoting a Japanese name); the letters are only counted where a script reaches ten."""
    found = detect(text)
    assert found.language == language
    assert found.method == ("script" if language != "en" else "function words")
