"""Layer 3: pattern files load with file:line:col errors, run their examples, and extend from the CLI."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.checker import Checker
from factcheck.cli.main import cli
from factcheck.extract import extract_facts, shipped_patterns
from factcheck.extract.relations.loader import PatternLoadError, load_patterns
from factcheck.load import load_text
from factcheck.resources import shipped_dir

GOOD = """\
id: house.shift-slipped-to
fact: timeline_shift
priority: 5
sequence:
  - {lemma: [slide], as: verb}
  - {gap: 4}
  - {word: [from]}
  - {type: [year], as: from}
  - {word: [to]}
  - {type: [year], as: to}
examples:
  - text: The opening slid quietly from 2027 to 2029.
    fields: {from_year: 2027, to_year: 2029, stated_direction: null}
"""


@pytest.mark.parametrize(("body", "line", "col", "reason"), [
    ("id: x.y\nfact: nonsense\nsequence:\n  - {word: a, as: to}\n", 2, 7, "unknown fact 'nonsense'"),
    ("id: x.y\nfact: timeline_shift\nsequence:\n  - {type: yeer, as: to}\n", 4, 12, "unknown mention type 'yeer'"),
    ("id: x.y\nfact: timeline_shift\nsequence:\n  - {word: to}\n", 4, 3, "must capture slot(s) to"),
    ("id: x.y\nfact: timeline_shift\nsequence:\n  - {word: to, type: year, as: to}\n", 4, 5, "exactly one of"),
    ("id: x.y\nfact: timeline_shift\nsequence:\n  - {gap: 40}\n", 4, 11, "less than or equal to 12"),
    ("id: x.y\nfact: timeline_shift\nsurprise: 1\nsequence:\n  - {type: year, as: to}\n", 3, 1, "unknown key 'surprise'"),
    ("id: x.y\nfact: timeline_shift\nsequence: [{type: year, as: to}\n", 4, 1, "invalid YAML"),
    ("a: &x [1]\nb: *x\n", 1, 4, "anchors and aliases are not allowed"),
])
def test_malformed_pattern_files_name_file_line_column(tmp_path: Path, body: str, line: int, col: int,
                                                       reason: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(body)
    with pytest.raises(PatternLoadError) as exc:
        load_patterns([f])
    problem = exc.value.problems[0]
    assert (problem.path, problem.line, problem.column) == (str(f), line, col), str(problem)
    assert reason in problem.reason


def test_check_with_a_malformed_pattern_file_exits_2_and_checks_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x.y\nfact: timeline_shift\nsequence:\n  - {type: yeer, as: to}\n")
    draft = tmp_path / "d.txt"
    draft.write_text("Nothing to see.")
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "--jobs", "0",
                                      "--patterns", str(bad), str(draft)])
    assert result.exit_code == 2
    assert f"{bad}:4:12: unknown mention type 'yeer'" in result.output
    assert "nothing was checked" in result.output


def test_a_newsroom_pattern_adds_a_phrasing_without_python(tmp_path: Path) -> None:
    text = "The opening slid quietly from 2027 to 2029, two years later."
    d = load_text(text, fmt="text")
    assert not [f for f in extract_facts(d) if f.kind == "timeline_shift"]
    house = tmp_path / "house.yaml"
    house.write_text(GOOD)
    with Checker(patterns=[house], references=False) as checker:
        facts = checker.check(text).documents[0].facts
    (shift,) = [f for f in facts if f.kind == "timeline_shift"]
    assert (shift.from_year, shift.to_year, shift.pattern) == (2027, 2029, "house.shift-slipped-to")
    result = CliRunner().invoke(cli, ["patterns", "test", str(house)])
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.output


def test_a_failing_example_fails_patterns_test(tmp_path: Path) -> None:
    house = tmp_path / "house.yaml"
    house.write_text(GOOD.replace("to_year: 2029", "to_year: 2030"))
    result = CliRunner().invoke(cli, ["patterns", "test", str(house), "--pattern", "house.shift-slipped-to"])
    assert result.exit_code == 1
    assert "FAIL" in result.output and "house.shift-slipped-to" in result.output


def test_patterns_test_on_a_path_runs_only_that_paths_patterns(tmp_path: Path) -> None:
    house = tmp_path / "house.yaml"
    house.write_text(GOOD)
    result = CliRunner().invoke(cli, ["patterns", "test", str(house)])
    assert result.exit_code == 0, result.output
    assert "(1 patterns)" in result.output


def test_a_shipped_pattern_file_named_again_is_not_a_duplicate() -> None:
    shipped = Path(shipped_dir("patterns")) / "timeline" / "shift-verb.yaml"
    result = CliRunner().invoke(cli, ["patterns", "test", str(shipped)])
    assert result.exit_code == 0, result.output
    assert "duplicate" not in result.output
    count = sum(1 for line in shipped.read_text().splitlines() if line.startswith("- id:"))
    assert f"({count} patterns)" in result.output


def test_a_copy_of_a_shipped_pattern_elsewhere_is_still_a_duplicate(tmp_path: Path) -> None:
    shipped = Path(shipped_dir("patterns")) / "timeline" / "shift-verb.yaml"
    copy = tmp_path / "mine.yaml"
    copy.write_text(shipped.read_text())
    result = CliRunner().invoke(cli, ["patterns", "test", str(copy)])
    assert result.exit_code == 2
    assert "duplicate pattern id" in result.output


def test_shipped_patterns_pass_their_examples() -> None:
    result = CliRunner().invoke(cli, ["patterns", "test"])
    assert result.exit_code == 0, result.output
    assert len(shipped_patterns()) >= 10


def test_facts_command_shows_resolved_values(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("---\npublished: 2025-10-29\n---\nThe 2% target was moved up by two years, from fiscal 2027 "
                     "(April 2027-March 2028) to fiscal 2025, Japan's government said.\n")
    result = CliRunner().invoke(cli, ["facts", str(draft)])
    assert result.exit_code == 0, result.output
    assert "timeline_shift [certain] fiscal 2027 -> 2025 (JP)" in result.output
    assert "FY2027 (JP): stated 2027-04..2028-03, calendar says 2027-04..2028-03" in result.output


def test_patterns_stay_linear_on_adversarial_input() -> None:
    unit = "moved up by two years from fiscal 2027 ( April 2027 - March 2028 ) to in 2025 , "
    timings = []
    for n in (2_000, 8_000):
        d = load_text(unit * n, fmt="text")
        t0 = time.perf_counter()
        extract_facts(d)
        timings.append(time.perf_counter() - t0)
    assert timings[1] < timings[0] * 8, timings  # 4x the input, well under quadratic


def test_an_unquoted_yaml_boolean_word_is_refused_with_its_position(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("- id: local.bad\n  fact: timeline_shift\n  sequence:\n    - {word: [on, in]}\n"
                 "    - {type: year, as: to}\n", encoding="utf-8")
    with pytest.raises(PatternLoadError) as err:
        load_patterns([f])
    assert "bad.yaml:4:" in str(err.value) and 'quote the word ("on")' in str(err.value)


def test_only_patterns_whose_words_a_sentence_holds_are_tried() -> None:
    pset = shipped_patterns()
    none = pset.candidates(frozenset({"cat", "sat"}))
    some = pset.candidates(frozenset({"delayed", "by", "@duration", "to", "@year", "from"}))
    assert all(p.compiled.required or p.requires for p in some)
    assert {p.id for p in none} <= {p.id for p in pset.patterns if not p.compiled.required and not p.requires}
    assert "timeline.verb-by-from-to" in {p.id for p in some}
    # the candidates keep the set's priority order
    order = [p.id for p in pset.patterns]
    assert [p.id for p in some] == [i for i in order if i in {p.id for p in some}]


def test_facts_command_shows_a_fiscal_year_named_by_its_months(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("---\npublished: 2025-04-17\n---\nJapan recorded a trade deficit in its March-April fiscal "
                     "year, the Finance Ministry said.\n")
    result = CliRunner().invoke(cli, ["facts", str(draft)])
    assert result.exit_code == 0, result.output
    assert "fiscal_year_gloss [certain] fiscal year (JP): stated March to April, calendar says April to March" \
        in result.output
    checked = CliRunner().invoke(cli, ["check", str(draft), "--format", "json"])
    assert "The fiscal year in Japan runs April to March, not March to April." in checked.output


def test_candidates_are_the_patterns_whose_every_needed_code_set_a_sentence_meets() -> None:
    import random

    pset = shipped_patterns()
    codes = sorted({c for p in pset.patterns for req in (*p.compiled.required, p.requires) for c in req})
    rng = random.Random(5)
    for _ in range(300):
        words = frozenset(rng.sample(codes, rng.randint(0, 25)))
        expected = [p for p in pset.patterns if (not p.requires or not p.requires.isdisjoint(words))
                    and all(not req.isdisjoint(words) for req in p.compiled.required)]
        assert pset.candidates(words) == expected
