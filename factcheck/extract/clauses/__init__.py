"""Layer 2 of extraction: sentences become clauses, and each token and mention knows its clause.

See :mod:`factcheck.extract.clauses.segment`.
"""

from factcheck.extract.clauses.segment import Clause, Sentence, segment

__all__ = ["Clause", "Sentence", "segment"]
