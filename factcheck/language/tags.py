"""Language tags: ``en-US``, ``EN``, ``eng`` and ``English`` are all ``en``."""

from __future__ import annotations

SUPPORTED = frozenset({"en"})
_ALIASES = {
    "eng": "en", "english": "en", "deu": "de", "ger": "de", "german": "de", "deutsch": "de", "jpn": "ja",
    "japanese": "ja", "fra": "fr", "fre": "fr", "french": "fr", "spa": "es", "spanish": "es", "zho": "zh",
    "chi": "zh", "chinese": "zh", "kor": "ko", "korean": "ko",
}


def normalise(tag: str) -> str:
    """The primary language subtag, lower case (``en-GB`` -> ``en``, ``ja_JP`` -> ``ja``)."""
    primary = tag.strip().replace("_", "-").split("-", 1)[0].lower()
    return _ALIASES.get(primary, primary)


def supported(language: str | None) -> bool:
    """True for a supported language, and for an unknown one (nothing says it is not English)."""
    return language is None or normalise(language) in SUPPORTED
