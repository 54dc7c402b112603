"""Extraction (and resolution) throughput.

    python bench/extract.py [--repeat N]

Prints ms/document, MB/s and documents/s for: the seed article (many separate documents), ~600-word
articles (the labelled corpus passages joined in order), the corpus passages themselves, one 1 MB
news-like document (the seed repeated), and 1 MB of adversarial text (long digit runs, "by by by",
nested parentheses, one 100k-character sentence dense with triggers). Then, for the seed, the time of
each extractor alone (on a fresh document whose trigger context is already built), of the context
itself, of all extractors together and of resolution. Times are CPU time of this thread (steadier
than wall time on a busy machine); the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "extract"))

from factcheck.extract import extract_facts  # noqa: E402
from factcheck.load import load_path, load_text  # noqa: E402
from factcheck.model.document import Document  # noqa: E402
from factcheck.resolve import resolve_facts  # noqa: E402


def _time(docs: list[Document], resolve: bool) -> tuple[float, int]:
    start = time.thread_time()
    n = 0
    for d in docs:
        facts = extract_facts(d)
        if resolve:
            resolve_facts(d, facts)
        n += len(facts)
    return time.thread_time() - start, n


def bench(name: str, make: Callable[[], list[Document]], repeat: int) -> None:
    best: tuple[float, int] | None = None
    size = 0
    for _ in range(repeat):
        docs = make()  # fresh documents: no cached sentences or trigger context
        size = sum(len(d.text.encode()) for d in docs)
        for d in docs:
            _ = d.sentences  # sentence splitting is the loader's, not extraction's
        t = _time(docs, resolve=True)
        best = t if best is None or t[0] < best[0] else best
    assert best is not None
    seconds, facts = best
    n = len(make())
    print(f"{name:34} {n:5d} {size / 1e6:7.3f} MB {seconds:7.3f} s {seconds / n * 1000:9.3f} ms/doc "
          f"{seconds / (size / 4096) * 1000:7.3f} ms/4KB {size / 1e6 / seconds:7.2f} MB/s {n / seconds:9.0f} docs/s "
          f"{facts:7d} facts")


def articles(texts: list[str], words: int = 600) -> list[str]:
    """The texts joined in order into articles of at least ``words`` words (paragraphs)."""
    out: list[str] = []
    cur: list[str] = []
    for t in texts:
        cur.append(t)
        if sum(len(x.split()) for x in cur) >= words:
            out.append("\n\n".join(cur))
            cur = []
    return out


def per_extractor(source: str, repeat: int) -> None:
    """Milliseconds per call on the seed: each layer (lexer, clauses, relation patterns), each legacy
    extractor, all of extraction, and extraction plus resolution."""
    from factcheck.extract.analysis import analyse
    from factcheck.extract.mentions import lex
    from factcheck.extract.pipeline import LEGACY, relation_facts, shipped_patterns

    pset = shipped_patterns()

    def fresh() -> Document:
        d = load_text(source, doc_id="seed")
        _ = d.sentences
        return d

    def best(fn: Callable[[Document], object]) -> float:
        times = []
        for _ in range(max(50, repeat * 100)):
            d = fresh()
            t = time.thread_time()
            fn(d)
            times.append(time.thread_time() - t)
        return min(times) * 1000

    print("\nseed article, ms per call (best of many, on a fresh document):")
    print(f"  {'mentions (lexer)':24} {best(lambda d: lex(d.text)):7.3f}")
    print(f"  {'mentions + clauses':24} {best(analyse):7.3f}")
    print(f"  {'relation patterns':24} {best(lambda d: relation_facts(analyse(d), pset)):7.3f}")
    for ex in LEGACY:
        print(f"  {'legacy ' + ex.__module__.rsplit('.', 1)[-1]:24} {best(lambda d, ex=ex: list(ex(d))):7.3f}")
    total = best(extract_facts)
    both = best(lambda d: resolve_facts(d, extract_facts(d)))
    print(f"  {'extract_facts (all)':24} {total:7.3f}")
    print(f"  {'extract + resolve':24} {both:7.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    seed = load_path(ROOT / "seeds" / "hegseth-koizumi-tokyo.md")
    source = seed.source_text or seed.text

    import importlib.util

    spec = importlib.util.spec_from_file_location("fc_bench_accuracy", ROOT / "bench" / "accuracy.py")
    assert spec and spec.loader
    acc = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = acc
    spec.loader.exec_module(acc)
    passages = acc.load_corpus()

    from test_linear_time import adversarial  # type: ignore[import-not-found]

    print(f"{'workload (extract + resolve)':34} {'docs':>5} {'size':>10} {'time':>9} {'per doc':>15} "
          f"{'per 4 KB':>13} {'speed':>12} {'rate':>16} {'facts':>13}")
    print(f"machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (CPU time of this thread below)")
    bench("seed article x 200 documents", lambda: [load_text(source, doc_id=f"s{i}") for i in range(200)],
          args.repeat)
    long_texts = articles([p.text for p in passages])
    bench("~600-word articles (corpus joined)", lambda: [load_text(t, fmt="text", published=seed.published)
                                                         for _ in range(10) for t in long_texts], args.repeat)
    bench("corpus passages", lambda: [load_text(p.text, fmt="text", published=p.published) for p in passages],
          args.repeat)
    big = "\n".join([seed.text] * (1_000_000 // len(seed.text)))
    bench("1 MB document (seed repeated)", lambda: [load_text(big, fmt="text", published=seed.published)], 1)
    bench("1 MB adversarial text", lambda: [load_text(adversarial(), fmt="text", published=seed.published)], 1)
    per_extractor(source, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
