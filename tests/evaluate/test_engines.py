"""The durable-rules engine and the Python engine give identical matches (differential tests)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from factcheck.evaluate import load_rules, make_engine

RULES = """\
- id: t.single
  severity: error
  title: single
  when: {q: quantity}
  where: q.value > 2 and q.unit == "percent_of_gdp"
  message: m
- id: t.arith
  severity: error
  title: arithmetic on one fact
  when: {s: timeline_shift}
  where: s.stated_years != s.years_between or s.to_year - s.from_year > 3
  message: m
- id: t.join
  severity: warning
  title: join with arithmetic across facts
  when: {a: quantity, b: quantity}
  where: a.seq < b.seq and a.subject_key == b.subject_key and b.value > a.value * 1.5
  message: m
- id: t.division
  severity: info
  title: division is true division on both engines
  when: {a: quantity}
  where: a.value / 2 == 3.5
  message: m
- id: t.dates
  severity: error
  title: string dates compared across facts
  when: {t: tenure_start, r: reference_tenure}
  where: r.person_key == t.person_key and r.start != t.date and (r.start > t.date or t.precision == "month")
  message: m
- id: t.missing
  severity: info
  title: missing fields never match
  when: {q: quantity}
  where: q.subject_key is None or q.holder != "JP"
  message: m
"""


def random_facts(rng: random.Random, n: int) -> list[dict[str, object]]:
    facts: list[dict[str, object]] = []
    for i in range(1, n + 1):
        kind = rng.choice(["quantity", "timeline_shift", "tenure_start", "reference_tenure"])
        f: dict[str, object] = {"id": f"f{i}", "kind": kind, "_k": 0, "seq": i}
        if kind == "quantity":
            f.update(value=rng.choice([1, 2, 3, 7, 2.5, 3.5, 4.0]), unit=rng.choice(["percent_of_gdp", "percent"]))
            if rng.random() < 0.7:
                f["subject_key"] = rng.choice(["a", "b"])
            if rng.random() < 0.5:
                f["holder"] = rng.choice(["JP", "US"])
        elif kind == "timeline_shift":
            a, b = rng.randint(2020, 2035), rng.randint(2020, 2035)
            f.update(from_year=a, to_year=b, years_between=abs(a - b))
            if rng.random() < 0.8:
                f["stated_years"] = rng.randint(0, 4)
        else:
            f["person_key"] = rng.choice(["x", "y"])
            day = f"2025-10-{rng.randint(10, 30)}"
            if kind == "tenure_start":
                f.update(date=day, precision=rng.choice(["day", "month"]))
            else:
                f["start"] = day
        facts.append(f)
    return facts


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("rules") / "rules.yaml"
    path.write_text(RULES)
    rs = load_rules([path])
    return make_engine(rs, "durable"), make_engine(rs, "python")


def test_engines_agree_on_random_documents(engines) -> None:  # type: ignore[no-untyped-def]
    durable, python = engines
    rng = random.Random(20251029)
    fired = 0
    for _ in range(300):
        facts = random_facts(rng, rng.randint(0, 14))
        d, p = durable.run(facts), python.run(facts)
        assert d == p, facts
        fired += len(d)
    assert fired > 300  # the rules do fire: the comparison is not vacuous


def test_known_answers(engines) -> None:  # type: ignore[no-untyped-def]
    durable, python = engines
    facts = [
        {"id": "f1", "kind": "quantity", "_k": 0, "seq": 1, "value": 7, "unit": "percent_of_gdp", "subject_key": "a"},
        {"id": "f2", "kind": "quantity", "_k": 0, "seq": 2, "value": 2, "unit": "percent"},
        {"id": "f3", "kind": "quantity", "_k": 0, "seq": 3, "value": 12, "unit": "percent", "subject_key": "a", "holder": "JP"},
    ]
    for engine in (durable, python):
        got = {(engine.ruleset.rules[m.rule].id, m.facts) for m in engine.run(facts)}
        assert got == {
            ("t.single", ("f1",)),
            ("t.join", ("f1", "f3")),
            ("t.division", ("f1",)),  # 7 / 2 == 3.5: durable alone would say 3
            ("t.missing", ("f2",)),  # no subject_key; f1 has no holder, so holder != JP does not match
        }


def test_many_documents_in_one_engine_do_not_exhaust_sessions(engines) -> None:  # type: ignore[no-untyped-def]
    durable, _ = engines
    fact = {"id": "f1", "kind": "quantity", "_k": 0, "seq": 1, "value": 3, "unit": "percent_of_gdp"}
    for _ in range(1_500):  # more than durable's 1,024 live sessions: each is deleted after use
        assert len(durable.run([fact])) == 2  # t.single and t.missing


def test_closed_engines_free_their_rulesets_and_refuse_work(tmp_path: Path) -> None:
    import resource

    path = tmp_path / "rules.yaml"
    path.write_text(RULES)
    rs = load_rules([path])
    fact = {"id": "f1", "kind": "quantity", "_k": 0, "seq": 1, "value": 3, "unit": "percent_of_gdp"}
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(300):
        engine = make_engine(rs, "durable")
        assert len(engine.run([fact])) == 2
        engine.close()
        engine.close()  # idempotent
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 60  # about 280 KB per engine would stay allocated without close()
    from factcheck.evaluate import EngineFault

    with pytest.raises(EngineFault, match="closed"):
        engine.run([fact])
