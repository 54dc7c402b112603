"""Stable finding fingerprints: rule + document id + normalised claim text, never offsets.

Inserting or editing text elsewhere in a document does not change a finding's fingerprint; the same
claim stated twice in one document gets ``#2``, ``#3`` ... so fingerprints stay unique per report.
Used by SARIF ``partialFingerprints``, GitLab ``fingerprint`` and baselines.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import unicodedata
from collections import Counter
from pathlib import Path

from factcheck.model.findings import DocumentReport, Finding

VERSION = "v1"
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed; quotes unified."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    return _SPACE.sub(" ", text).strip()


def document_key(report: DocumentReport, root: str | Path | None = None) -> str:
    """The document's id with path separators unified (``./a.md`` and ``a.md`` are one document).

    With ``root`` (a baseline file's folder), a document read from a file is named by its path
    relative to ``root``, so ``articles/a.md``, ``./articles/a.md``, ``/abs/path/articles/a.md`` and
    ``proj/articles/a.md`` typed from the parent folder are one document. A JSON Lines record keeps
    its own id; one without an id (``file.jsonl:LINE``) gets the relative file name too.
    """
    path = report.path
    source = report.source
    if root is not None and source and not source.startswith("<"):
        rel = relative_to(source, root)
        if path == source:
            path = rel
        elif path.startswith(source + ":"):
            path = rel + path[len(source):]
    path = path.replace("\\", "/")
    return posixpath.normpath(path) if "/" in path or path.startswith(".") else path


def relative_to(path: str, root: str | Path) -> str:
    """``path`` relative to ``root``, both made absolute with symbolic links resolved ('/'-separated)."""
    rel = os.path.relpath(os.path.realpath(path), os.path.realpath(root))
    return rel.replace(os.sep, "/")


def claim_text(report: DocumentReport, finding: Finding) -> str:
    """The text of the facts the finding joined (in the rule's order); its message if none are known."""
    if finding.facts and report.facts:
        by_id = {f.id: f.text for f in report.facts}
        texts = [by_id[i] for i in finding.facts if i in by_id]
        if texts:
            return normalise(" | ".join(texts))
    return normalise(finding.message)


def fingerprint(rule: str, document: str, claim: str, occurrence: int = 1) -> str:
    blob = f"{VERSION}\0{rule}\0{document}\0{claim}"
    if occurrence > 1:
        blob += f"\0#{occurrence}"
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def fingerprints(report: DocumentReport, root: str | Path | None = None) -> list[str]:
    """One fingerprint per finding of ``report``, in order, unique within the report."""
    seen: Counter[tuple[str, str]] = Counter()
    doc = document_key(report, root)
    out = []
    for f in report.findings:
        claim = claim_text(report, f)
        seen[(f.rule, claim)] += 1
        out.append(fingerprint(f.rule, doc, claim, seen[(f.rule, claim)]))
    return out
