"""Who a figure rests on: classify the attribution cues of a sentence.

Categories, weakest first: ``hearsay`` ("it is known that", "it was learned", "reportedly",
"allegedly", "it is said"), ``anonymous`` ("sources said", "citing a diplomatic source", "according to
people familiar with the matter"), ``unofficial`` ("unofficially requested", "informally asked"),
``media_report`` ("according to reports from Kyodo News", "the newspaper reported", "media reports
said"), ``on_record`` ("said", "the ministry said", "announced", "according to the government budget
proposal"). When a sentence holds several cues, the **weakest** wins: a figure is only as solid as the
weakest link in the chain that reports it ("it is known that the United States has unofficially
requested ..." is ``hearsay``). ``attribution_cue`` is the words of the winning cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.lexicon import lower_twin, lowered, may_hold

_OUTLETS = (
    r"Kyodo(?:\sNews)?|NHK|Reuters|Bloomberg|Nikkei|Yonhap|AP|AFP|the\sAssociated\sPress|Asahi|Yomiuri|Mainichi|"
    r"the\sFinancial\sTimes|the\sWall\sStreet\sJournal|the\sNew\sYork\sTimes|the\sGuardian|the\sBBC|BBC|CNN|"
    r"Politico|Axios|Handelsblatt|Der\sSpiegel|Le\sMonde|Xinhua"
)
CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hearsay", re.compile(
        r"\b(?:it\s(?:is|was|has\sbeen)\s(?:known|learned|learnt|understood|said|believed|rumou?red|reported)"
        r"(?:\sthat)?|reportedly|allegedly|purportedly|supposedly|is\ssaid\sto|are\ssaid\sto|was\ssaid\sto|"
        r"rumou?rs?\s(?:say|said|have\sit)|word\sis\sthat)\b", re.IGNORECASE)),
    ("anonymous", re.compile(
        r"\b(?:(?:according\sto|citing)\s(?:an?\s|two\s|three\s|several\s|unnamed\s|multiple\s)?(?:[\w-]+\s){0,2}?"
        r"(?:sources?|insiders?|people\sfamiliar|persons?\sfamiliar|officials?\swho)"
        r"|(?:unnamed|anonymous|diplomatic|government|informed|senior)\ssources?|sources?\s(?:said|say|says|told|"
        r"familiar|close)|people\sfamiliar\swith|on\s(?:the\s)?condition\sof\sanonymity|"
        r"(?:declined|asked)\snot\sto\sbe\s(?:named|identified)|who\sdeclined\sto\sbe\s(?:named|identified)|"
        r"who\sspoke\son\s(?:the\s)?condition|insiders?\ssaid|"
        r"(?:people|persons?|officials?|aides?|diplomats?|executives?|lawmakers?|analysts?)\s(?:briefed\son|close\sto|"
        r"with\sknowledge\sof|familiar\swith|aware\sof|involved\sin|who\sasked|who\sdeclined)|"
        r"(?:party|industry|government|military|congressional|company|european|diplomatic)\s(?:insiders?|aides|"
        r"sources?)|sources?\s(?:at|in|within|inside)\s|(?:a|an|the)\s(?:confidential|draft|internal|leaked|"
        r"unpublished)\s(?:report|document|memo|paper|plan|version|assessment)\s(?:seen|obtained|reviewed)\sby|"
        r"a\sdraft\s(?:seen|obtained|reviewed)\sby)", re.IGNORECASE)),
    ("unofficial", re.compile(
        r"\b(?:unofficial(?:ly)?|informal(?:ly)?|privately|off\sthe\srecord|behind\sclosed\sdoors|"
        r"in\sprivate)\b", re.IGNORECASE)),
    ("media_report", re.compile(
        r"\b(?:according\sto\s(?:a\s|the\s)?(?:media\s|news\s|press\s)?reports?|(?:media|news|press)\sreports?|"
        r"the\s(?:newspaper|daily|paper|broadcaster|agency|outlet|magazine|network)\s(?:reported|said|says|"
        r"reports)|(?:" + _OUTLETS + r")\s(?:reported|said|reports)|according\sto\s(?:" + _OUTLETS + r")|"
        r"citing\s(?:a\s)?(?:media|news|press)\sreports?|(?:it\swas|was|were|has\sbeen)\sreported\sby)\b",
        re.IGNORECASE)),
    ("on_record", re.compile(
        r"\b(?:said|says|say|told\s(?:reporters|lawmakers|parliament|the\s\w+)|announced|announces|stated|"
        r"declared|confirmed|pledged|vowed|according\sto\s(?:the\s|a\s)?(?:official\s|government\s)?"
        r"(?:ministry|government|budget|data|figures|statement|statistics|agency|office|department|treasury|"
        r"bank|central\sbank|cabinet|white\spaper|report\sby\sthe)|in\sa\sstatement|(?:data|figures)\s"
        r"(?:showed|show|released)|unveiled|proposed|approved|adopted)\b", re.IGNORECASE)),
)
ORDER = ("hearsay", "anonymous", "unofficial", "media_report", "on_record")
_LOW = {name: lower_twin(p) for name, p in CUES}
# a word each cue pattern needs: a sentence without one is not searched with it
_GATES: dict[str, tuple[str, ...]] = {
    "hearsay": ("known", "learn", "understood", "said", "believed", "rumo", "reported", "allegedly", "purportedly",
                "supposedly", "word"),
    "anonymous": ("source", "insider", "familiar", "official", "anonymity", "named", "identified", "condition",
                  "briefed", "close to", "knowledge", "aware", "involved", "asked", "declined", "aides", "seen by",
                  "obtained by", "reviewed by"),
    "unofficial": ("unofficial", "informal", "private", "record", "closed"),
    "media_report": ("report", "said", "says", "according"),
    "on_record": ("said", "say", "told", "announce", "stated", "declared", "confirmed", "pledged", "vowed", "according",
                  "statement", "show", "released", "unveiled", "proposed", "approved", "adopted"),
}
_WHO = re.compile(
    r"(?:(?P<who>(?:the\s)?(?:[\w.'’-]+\s){0,2}(?:ministry|government|office|agency|newspaper|cabinet|"
    r"department|[A-Z][\w.'’-]*))\s(?:said|says|announced|stated|reported|told|confirmed))"
    r"|(?:according\sto\s(?P<who2>(?:the\s)?(?:[\w'’-]+\s){0,4}?[\w'’-]+)(?=[,.;]|\s(?:on|in|that)\b|$))"
)


@dataclass(frozen=True)
class AttributionCue:
    attribution: str
    cue: str
    start: int
    who: str | None


def classify(sentence: str) -> AttributionCue | None:
    """The weakest attribution cue in ``sentence``, or None if it has none."""
    low = lowered(sentence)
    for name, pattern in CUES:
        if not may_hold(low, _GATES[name]):
            continue
        m = pattern.search(sentence) if low is None else _LOW[name].search(low)
        if m:  # the cue as written: the span of the lowered text's match in the sentence
            return AttributionCue(name, sentence[m.start() : m.end()], m.start(),
                                  _who(sentence) if name != "hearsay" else None)
    return None


def _who(sentence: str) -> str | None:
    m = _WHO.search(sentence)
    if not m:
        return None
    who = (m.group("who") or m.group("who2") or "").strip()
    return who or None
