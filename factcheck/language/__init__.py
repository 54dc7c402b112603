"""Which language a document is in, and whether factcheck reads it (English today).

The language comes from the document's own metadata (front matter ``language``/``lang``, ``<html
lang>``, a JSON Lines record's ``language``), else from :func:`detect`. A document in a language that
is not supported is not checked: its report carries a ``language-not-supported`` note instead of
findings, so that it is never passed silently with zero findings.
"""

from factcheck.language.detect import Detection, detect
from factcheck.language.tags import SUPPORTED, normalise, supported

__all__ = ["SUPPORTED", "Detection", "detect", "normalise", "supported"]
