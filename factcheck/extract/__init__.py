"""Stage 2, extract: claims in the body text become typed facts (one module per fact family).

``extract_facts(doc)`` runs every registered extractor and returns facts sorted by position. Ids and
``seq`` are assigned by the pipeline afterwards (:func:`factcheck.pipeline.number_facts`).
"""

from factcheck.extract.registry import EXTRACTORS, extract_facts

__all__ = ["EXTRACTORS", "extract_facts"]
