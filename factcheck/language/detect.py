"""Language identification for documents that do not say which language they are in.

The identifier is py3langid (a maintained fork of langid.py: a naive Bayes model over byte n-grams
for 97 languages, shipped *inside* the package, about 4.6 MB; pure Python with numpy; deterministic;
no download at run time). It is loaded on first use only, once per process.

The policy errs towards "English": a wrong "not supported" hides a whole draft, while an undetected
foreign draft is at worst checked and found to say little. So:

- Japanese, Korean and Chinese are told by their script (kana, hangul, han), which is exact, once a
  text has at least ``MIN_CJK`` such characters making up at least ``MIN_SCRIPT_SHARE`` of its letters;
- a text of at least ``MIN_WORDS`` words of which at least ``MIN_ENGLISH_SHARE`` are English function
  words ("the", "of", "that", "said" ...) is English without consulting the model (so the model is
  loaded, about 2 s, only for a text that does not look English);
- other languages need at least ``MIN_WORDS`` words and a normalised probability of at least
  ``MIN_CONFIDENCE``; anything shorter or less certain is undetermined (checked as English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

MIN_WORDS = 12
#: English function words that are not words of the other common Latin-script languages ("in", "was",
#: "will", "is", "on" are left out: German, Dutch, French use them too).
ENGLISH_WORDS = frozenset({"the", "of", "and", "that", "for", "with", "said", "were", "has", "from", "which",
                           "this", "by", "its", "are", "be", "to", "have", "after", "would", "their", "than"})
MIN_ENGLISH_SHARE = 0.12
MIN_CONFIDENCE = 0.95  # measured: English texts reach at most 0.61 for another language
MIN_CJK = 10
MIN_SCRIPT_SHARE = 0.3
SAMPLE_CHARS = 4_000

_WORD = re.compile(r"[^\W\d_]{2,}")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")
_CJK = re.compile("[" + "".join(p.pattern[1:-1] for p in (_KANA, _HANGUL, _HAN)) + "]")  # any of the three


@dataclass(frozen=True, slots=True)
class Detection:
    """``language`` is None when the text is too short or the identifier is not sure enough."""

    language: str | None
    confidence: float
    method: str  # "script", "function words", "model" or "undetermined"


@cache
def _identifier() -> Any:
    """The py3langid model with normalised probabilities (read-only once loaded)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _script(sample: str) -> Detection | None:
    if _CJK.search(sample) is None:
        return None  # one scan for the three scripts (the common case: none of them)
    kana, hangul, han = (len(p.findall(sample)) for p in (_KANA, _HANGUL, _HAN))
    if max(kana, hangul, han) < MIN_CJK:
        return None  # no script reaches MIN_CJK: the letters need no count (most of the time of this test)
    letters = len(_LETTER.findall(sample))
    if kana >= MIN_CJK and (kana + han) / letters >= MIN_SCRIPT_SHARE:
        return Detection("ja", 1.0, "script")
    if hangul >= MIN_CJK and (hangul + han) / letters >= MIN_SCRIPT_SHARE:
        return Detection("ko", 1.0, "script")
    if han >= MIN_CJK and han / letters >= MIN_SCRIPT_SHARE:
        return Detection("zh", 1.0, "script")
    return None


def detect(text: str) -> Detection:
    """The language of ``text`` (ISO 639-1), or an undetermined detection; see the module policy."""
    sample = text[:SAMPLE_CHARS]
    by_script = _script(sample)
    if by_script is not None:
        return by_script
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return Detection(None, 0.0, "undetermined")
    share = sum(map(ENGLISH_WORDS.__contains__, map(str.lower, words))) / len(words)
    if share >= MIN_ENGLISH_SHARE:  # plainly English: no need to load the model (about 2 s per process)
        return Detection("en", share, "function words")
    language, confidence = _identifier().classify(sample)
    if language == "en" or confidence >= MIN_CONFIDENCE:
        return Detection(str(language), float(confidence), "model")
    return Detection(None, float(confidence), "undetermined")
