"""Small real articles for tests that run the real checker: per-document findings (a figure stated
twice differently, an unofficial figure) and cross-article ones (a figure, a meeting's date)."""

from __future__ import annotations

import random
from pathlib import Path


def small_article(i: int, rng: random.Random) -> str:
    a, b = rng.choice(["2", "2.5", "3"]), rng.choice(["2", "3"])
    spend = rng.choice(["1.4", "1.4", "1.9"])
    day = rng.choice([12, 12, 14])
    lines = [
        f"---\npublished: 2025-03-{1 + i % 27:02d}\n---",
        f"Article {i}. Japan will raise defense spending to {a}% of GDP by 2027, the government said.",
        f"Later, the ministry said Japan would raise defense spending to {b}% of GDP by 2027.",
    ]
    if rng.random() < 0.3:
        lines.append("It is known that the United States has unofficially requested Japan to raise its defense "
                     "spending to as much as 3.5% of GDP.")
    if rng.random() < 0.2:
        lines.append(f"Canada's defence spending was {spend}% of GDP in 2024, the government said.")
    if rng.random() < 0.2:
        lines.append(f"Defense Minister Bill Blair and Foreign Minister Melanie Joly held a meeting in Ottawa on "
                     f"February {day}, 2025.")
    return "\n".join(lines) + "\n"


def write_articles(root: Path, n: int, *, seed: int = 3) -> Path:
    rng = random.Random(seed)
    folder = root / "articles"
    for i in range(n):
        path = folder / f"desk{i % 5}" / f"{i:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(small_article(i, rng), encoding="utf-8")
    return folder


#: The real checker under another factory name: the batch's reference prefetch in the main process skips
#: it, so that the workers make the look-ups (as on a cluster whose workers do not share the client's cache).
REAL_WITHOUT_PREFETCH = "tests.batch.articles:build_real"


def build_real(settings: object, **kwargs: object) -> object:
    from factcheck.batch.checking import build_checker

    return build_checker(settings, **kwargs)  # type: ignore[arg-type]
