"""Stage 2, extract: claims in the body text become typed facts, in three layers.

1. :mod:`.mentions` — one lexer pass: typed, normalised mentions with spans;
2. :mod:`.clauses` — sentences into clauses, with tense and modality;
3. :mod:`.relations` — relation patterns (data files under ``patterns/``) over mentions, words and
   clause markers, turned into facts by :mod:`.builders`.

``extract_facts(doc)`` runs them (:mod:`.pipeline`) and returns facts sorted by position. Ids and
``seq`` are assigned by the pipeline afterwards.
"""

from factcheck.extract.pipeline import extract_facts, shipped_patterns

__all__ = ["extract_facts", "shipped_patterns"]
