"""The schema of pattern files (pydantic): what a pattern, an element and an example may say."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_GAP = 12


class Element(BaseModel):
    """One step of a sequence. Exactly one of word/lemma/type/punct/gap/clause/any/hedge/list."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    word: list[str] | None = Field(None, description="Exact words or phrases (lower case).")
    lemma: list[str] | None = Field(None, description="Verbs/nouns in any inflection ('move' = moves, moved...).")
    type: list[str] | None = Field(None, description="Mention types ('year', 'fiscal_year', 'money', ...).")
    punct: list[str] | None = None
    gap: int | None = Field(None, ge=0, le=MAX_GAP, description="Skip up to N items inside the clause.")
    over: Literal["any", "words", "counted", "undated", "nodates", "nodays", "phrase"] = Field(
        "any", description="What a gap may skip: any item of the clause, or only words and mentions that are "
        "not figures (no money, number, percent or points; no punctuation; not 'and'/'or'/'but'), so that it "
        "never steps over another figure or clause; or, with 'counted', those and a number after a determiner, which "
        "counts things ('to the two clubs'); or, with 'undated', words and mentions that are not dates (nor years or fiscal years); or, with 'nodates', any item of the clause "
        "but a date or a year (punctuation, figures, relative expressions and 'and' included); or, with 'nodays', "
        "as 'nodates' and a year alone, which dates no day ('said on June 9 that its reactor would not start before "
        "2027, a day after ...'); or, with 'phrase', the words of a noun phrase, 'and' and 'or' included but no date, "
        "year, figure or punctuation ('the 2029 ban on selling new oil-fired heaters and gas boilers will be delayed').")
    clause: str | None = Field(None, description="'skip': step over an embedded clause if one starts here.")
    hedge: bool | None = Field(None, description="Any hedge phrase ('about', 'more than', ...).")
    list_: list[str] | None = Field(
        None, alias="list", description="A list of mentions of these types, each with up to a few words of its own, separated "
        "by ',', ';' or 'and' ('8.4 GW of offshore wind, 0.9 GW of onshore wind and 0.3 GW of solar'); its slot "
        "holds every item. `min`/`max` bound the number of items.")
    min: int = Field(2, ge=1, le=20)
    max: int = Field(12, ge=1, le=20)
    any: list[list[Element]] | None = Field(None, description="Alternative sub-sequences.")
    optional: bool = False
    as_: str | None = Field(None, alias="as", pattern=r"^[a-z][a-z0-9_]*$")

    @field_validator("word", "lemma", "type", "punct", "list_", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        """``word: by`` means ``word: [by]``; an unquoted on/off/yes/no (a YAML boolean) is refused."""
        if isinstance(v, bool) or (isinstance(v, list) and any(isinstance(x, bool) for x in v)):
            raise ValueError('YAML reads unquoted on, off, yes and no as true/false: quote the word ("on")')
        return [v] if isinstance(v, str) else v


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    published: dt.date | None = None
    fields: dict[str, Any] | None = Field(None, description="Expected fact fields (subset); None: no fact.")


class PatternSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")
    fact: str
    description: str = ""
    priority: int = 0
    enabled: bool = True
    requires: list[str] = Field(default_factory=list, description="The sentence must hold one of these words.")
    unless: list[str] = Field(default_factory=list, description="Words that void a match they stand inside "
                              "(\"raised it again by 50 basis points\": another move, not the one just stated).")
    sequence: list[Element] = Field(min_length=1)
    set: dict[str, str | int | float | bool] = Field(default_factory=dict)
    examples: list[Example] = Field(default_factory=list)
