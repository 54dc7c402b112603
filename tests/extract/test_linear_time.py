"""Every extractor runs in linear time: 1 MB of adversarial text finishes within a generous bound.

Times are CPU time of the test's own thread, so other processes on a busy machine (pytest -n auto,
parallel CI jobs) do not count against the bound."""

from __future__ import annotations

import time

from extract_helpers import doc, run

from factcheck.extract import extract_facts

PIECES = [
    "1" * 150_000,  # a long run of digits
    " " + "by " * 40_000,  # "by by by"
    " " + "(" * 30_000 + ")" * 30_000,  # nested parentheses
    " " + "moved up by by by two two years from from fiscal fiscal " * 1_500,
    # one sentence of 100k characters, dense with triggers of every family
    " " + ("Defense Minister Shinjiro Koizumi met on the 29th, and 3.5% of GDP in fiscal year 2027 (April 2027-"
           "March 2028) was moved up by two years, from 2027 to 2025, it is known that ") * 600,
    " " + "Monday (Nov 4) the previous day $1.2 trillion won ¥ £ € " * 2_000,
    " " + "A" * 50_000 + " " + "Minister " * 5_000,
    " the 1st 2nd 3rd " + "2025-10-2" * 5_000,
]


def adversarial(size: int = 1_000_000) -> str:
    text = "".join(PIECES)
    while len(text) < size:
        text += " " + "x" * 1000 + " 12.5.6.7.8.9" * 100 + ". "
    return text[:size]


def test_one_megabyte_of_adversarial_text_is_linear() -> None:
    text = adversarial()
    assert len(text) == 1_000_000
    start = time.thread_time()
    facts = run(doc(text))
    elapsed = time.thread_time() - start
    assert elapsed < 20.0, elapsed
    assert facts  # it did find things


def test_doubling_the_input_does_not_quadruple_the_time() -> None:
    piece = PIECES[4]
    t1 = _time(piece * 2)
    t2 = _time(piece * 4)
    assert t2 < t1 * 3.5 + 0.2, (t1, t2)


def _time(text: str) -> float:
    d = doc(text)
    start = time.thread_time()
    extract_facts(d)
    return time.thread_time() - start
