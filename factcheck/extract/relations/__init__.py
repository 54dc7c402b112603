"""Layer 3 of extraction: relation patterns (data files) turn mentions in clauses into facts.

A pattern is a sequence over mention types, words, lemmas and clause markers, declared in YAML under
``patterns/<family>/``, with examples that are its tests. :mod:`.loader` reads and checks pattern
files (``file:line:col`` errors), :mod:`.compile` turns a sequence into one regular expression over a
sentence's *stream* (the clause segmenter's encoding of its items), :mod:`.match` runs them, and the
fact builders in :mod:`factcheck.extract.builders` turn matches into typed facts.
"""

from factcheck.extract.relations.loader import PatternFileError, PatternSet, load_patterns
from factcheck.extract.relations.match import RelationMatch, Slot, match_sentence

__all__ = ["PatternFileError", "PatternSet", "RelationMatch", "Slot", "load_patterns", "match_sentence"]
