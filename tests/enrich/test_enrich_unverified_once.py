"""When the source is down, an editor sees one 'unverified' note per person, not one per mention."""

from __future__ import annotations

from collections import Counter

from factcheck import Checker
from factcheck.model.facts import ReferenceStatus


def test_one_unverified_finding_per_person_but_a_status_per_claim(seed_text: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    with Checker(sources={"wikidata": "http://127.0.0.1:9/w/api.php"}, cache_dir=tmp_path) as checker:
        doc = checker.check(seed_text, doc_id="seed.md").documents[0]
    statuses = [f for f in doc.facts if isinstance(f, ReferenceStatus)]
    assert len(statuses) > 4 and {s.status for s in statuses} == {"failed"}
    unverified = [f for f in doc.findings if f.rule == "tenure.unverified"]
    people = Counter(f.message.split(" against ")[0] for f in unverified)
    assert len(unverified) == len({s.person_key for s in statuses}) == 4
    assert all(n == 1 for n in people.values())
    assert doc.errors == [] and doc.notes and {n.kind for n in doc.notes} == {"reference-lookup-failed"}
    assert not [f for f in doc.findings if f.severity == "error"]


def test_unverified_changes_the_exit_code_only_when_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from factcheck.cli.main import cli
    from tests.conftest import SEED

    args = ["check", "--jobs", "0", "--cache-dir", str(tmp_path), "--source", "wikidata=http://127.0.0.1:9/w/api.php"]
    plain = CliRunner().invoke(cli, [*args, str(SEED)])
    assert plain.exit_code == 0, plain.output
    assert " info tenure.unverified " in plain.stdout
    strict = CliRunner().invoke(cli, [*args, "--fail-on-unverified", str(SEED)])
    assert strict.exit_code == 1
