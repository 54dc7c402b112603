"""Extraction is a pure function of the document: no thread-local or module-level state between calls."""

from __future__ import annotations

import ast
import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

import factcheck.extract
from factcheck.extract.pipeline import extract_facts
from factcheck.model.document import Document

EXTRACT = Path(factcheck.extract.__file__).parent
DEV = Path(__file__).parents[1] / "corpus" / "dev"


def _passages(n: int) -> list[Document]:
    out: list[Document] = []
    for path in sorted(DEV.glob("*.yaml")):
        for p in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            published = p.get("published")
            out.append(Document(id=p["id"], text=p["text"],
                                published=dt.date.fromisoformat(str(published)) if published else None))
    return out[:n]


def test_no_extraction_module_keeps_thread_local_state() -> None:
    offenders = []
    for path in sorted(EXTRACT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "local" and \
                    isinstance(node.value, ast.Name) and node.value.id == "threading":
                offenders.append(f"{path.relative_to(EXTRACT)}:{node.lineno}")
            if isinstance(node, ast.Name) and node.id in ("ContextVar", "local"):
                offenders.append(f"{path.relative_to(EXTRACT)}:{node.lineno}")
    assert offenders == []


def _facts(doc: Document) -> list[str]:
    return [f.model_dump_json() for f in extract_facts(doc)]


def test_interleaved_documents_in_threads_give_the_serial_facts() -> None:
    docs = _passages(60)
    assert len(docs) == 60
    serial = [_facts(d) for d in docs]
    with ThreadPoolExecutor(max_workers=8) as pool:  # many documents in flight on each thread, interleaved
        threaded = list(pool.map(_facts, docs * 3))
    assert threaded == serial * 3
