"""Machine formats for JSON Lines input: a record's findings point at the .jsonl file and its line."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from factcheck.cli.main import cli

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
SHIFT = "The ministry said the 2% target would be moved up by three years, from fiscal 2027 to fiscal 2025."
RECORDS = [
    {"id": "clean-1", "text": "The ministers met in Tokyo.", "published": "2025-10-29"},
    {"id": "story-42", "text": "Intro line.\n\nSecond paragraph.\n" + SHIFT, "published": "2025-10-29",
     "url": "https://news.example/story-42", "title": "Budget story"},
    {"id": "story-43", "text": SHIFT, "published": "2025-10-29"},
]
BASE = ["check", "--no-config", "--no-references", "-j", "0", "--fail-on", "never"]


def feed(tmp_path: Path) -> Path:
    p = tmp_path / "archive.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in RECORDS[:2]) + "\n\n" + json.dumps(RECORDS[2]) + "\n")
    return p


def test_sarif_of_json_lines_is_valid_and_points_at_record_lines(tmp_path: Path) -> None:
    path = feed(tmp_path)
    r = CliRunner().invoke(cli, [*BASE, "--format", "sarif", str(path)])
    sarif = json.loads(r.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    results = sarif["runs"][0]["results"]
    got = [(x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            x["locations"][0]["physicalLocation"]["region"]["startLine"],
            x["locations"][0]["logicalLocations"][0]["name"]) for x in results if x["ruleId"] == "timeline.shift-mismatch"]
    assert got == [(str(path), 2, "story-42"), (str(path), 4, "story-43")]


def test_gitlab_of_json_lines_points_at_record_lines(tmp_path: Path) -> None:
    path = feed(tmp_path)
    r = CliRunner().invoke(cli, [*BASE, "--format", "gitlab", str(path)])
    items = [i for i in json.loads(r.stdout) if i["check_name"] == "timeline.shift-mismatch"]
    assert [(i["location"]["path"], i["location"]["lines"]["begin"]) for i in items] == [(str(path), 2), (str(path), 4)]


def test_claimreview_takes_the_record_url_and_the_configured_organisations(tmp_path: Path) -> None:
    path = feed(tmp_path)
    config = tmp_path / "factcheck.yaml"
    config.write_text("claimreview: {author: Desk Fact Check, publisher: The Example Times}\n")
    r = CliRunner().invoke(cli, [*BASE[:2], "--config", str(config), *BASE[3:], "--format", "claimreview",
                                 str(path)])
    reviews = [x for x in json.loads(r.stdout) if x["identifier"].startswith("timeline.shift-mismatch/")]
    first, second = reviews
    assert first["itemReviewed"]["appearance"]["url"] == "https://news.example/story-42"
    assert first["url"].startswith("https://news.example/story-42#factcheck-")
    assert first["author"] == {"@type": "Organization", "name": "Desk Fact Check"}
    assert first["publisher"] == {"@type": "Organization", "name": "The Example Times"}
    assert not second["itemReviewed"]["appearance"]["url"].startswith("https://")  # no URL given: a stand-in
    md = tmp_path / "draft.md"
    md.write_text(f"---\npublished: 2025-10-29\nurl: https://news.example/draft\n---\n{SHIFT}\n")
    r = CliRunner().invoke(cli, [*BASE, "--format", "claimreview", str(md)])
    (review,) = json.loads(r.stdout)
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/draft"
    assert "file://" not in r.stdout and "urn:" not in r.stdout
