"""Generated batches: good articles with stub claims, and 1% corrupt inputs of every kind."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

BAD_KINDS = ("binary", "latin1", "empty", "huge", "not-json")
HUGE_BYTES = 5 * 1024 * 1024 + 17


@dataclass
class Corpus:
    paths: list[str]  # arguments to pass, in order
    expected: list[tuple[str, bool]] = field(default_factory=list)  # (document id, good?) in output order

    @property
    def bad(self) -> list[str]:
        return [d for d, good in self.expected if not good]


def article(n: int, rng: random.Random) -> str:
    sev = rng.choice(["error", "warning", "info", None, None])
    claim = f"[{sev}:stub.rule-{n % 3}] figure {n} is {rng.randint(1, 99)} percent" if sev else "no claim here"
    return f"---\npublished: 2025-10-{1 + n % 28:02d}\n---\nArticle {n}. Officials said things.\n{claim}.\nEnd.\n"


def build_corpus(root: Path, n: int, *, seed: int = 7, bad_share: float = 0.01, huge: bool = True) -> Corpus:
    """``n`` documents: ~90% Markdown files in nested folders, ~10% JSON Lines records; ``bad_share``
    of them corrupt (binary, invalid UTF-8, empty, over 5 MB, a line that is not JSON), spread out."""
    rng = random.Random(seed)
    n_bad = max(len(BAD_KINDS), round(n * bad_share))
    bad_at = set(rng.sample(range(n), n_bad))
    kinds = {i: BAD_KINDS[k % len(BAD_KINDS)] for k, i in enumerate(sorted(bad_at))}
    if not huge:
        kinds = {i: ("empty" if k == "huge" else k) for i, k in kinds.items()}
    docs_dir = root / "articles"
    n_records = max(n // 10, sum(1 for k in kinds.values() if k == "not-json"))
    record_ids = [i for i in range(n) if kinds.get(i) == "not-json"]
    record_ids += [i for i in range(n) if i not in kinds and len(record_ids) < n_records]
    record_set = set(record_ids)
    corpus = Corpus(paths=[str(docs_dir)])
    for i in range(n):
        if i in record_set:
            continue
        path = docs_dir / f"desk{i % 7}" / f"{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        kind = kinds.get(i)
        if kind == "binary":
            path.write_bytes(b"\x00\x01binary\x00" * 10)
        elif kind == "latin1":
            path.write_bytes("Café au lait, said the minister.".encode("latin-1"))
        elif kind == "empty":
            path.write_bytes(b"")
        elif kind == "huge":
            path.write_bytes(b"word " * (HUGE_BYTES // 5 + 1))
        else:
            path.write_text(article(i, rng), encoding="utf-8")
    files = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    for rel in files:
        i = int(Path(rel).stem)
        corpus.expected.append(((docs_dir / rel).as_posix(), i not in kinds))
    jsonl = root / "feed.jsonl"
    lines = []
    for lineno, i in enumerate(record_ids, start=1):
        if kinds.get(i) == "not-json":
            lines.append('{"id": "broken", "text": "unterminated')
            corpus.expected.append((f"{jsonl.as_posix()}:{lineno}", False))
        else:
            lines.append(json.dumps({"id": f"rec-{i}", "text": article(i, rng).split("---\n")[-1],
                                     "published": "2025-10-29"}))
            corpus.expected.append((f"rec-{i}", True))
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus.paths.append(jsonl.as_posix())
    return corpus
