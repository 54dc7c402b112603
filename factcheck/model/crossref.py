"""The compact entries a document contributes to a run's cross-article checks.

One entry per figure or dated event that another article could contradict: a join key that names the
same claim in any article (subject, holder, claim type, resolved period and unit; or an event), the
value, and where it stands (location and sentence), so that a finding in another document can name it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.model.document import Location

MAX_SENTENCE_CHARS = 300


class CrossFact(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["figure", "date"]
    key: str = Field(description="figure: subject|holder|claim|period|unit[|currency]; date: the event key.")
    value: str = Field(description="figure: the value in base units (repr of a float); date: ISO date.")
    text: str = Field(description="The value as written ('1.4%', 'on the 21st').")
    quote: str = Field(description="The text of the span (the figure; the event's words).")
    label: str = Field(description="What it is about, for messages: 'defense spending (Canada, 2024)'.")
    fact: str = Field(description="Id of the fact in its document.")
    span: Location
    sentence: str = Field(description=f"The sentence it stands in (at most {MAX_SENTENCE_CHARS} characters).")
    sentence_start: int = Field(0, description="Offset of the span in `sentence`.")
    suppressed: dict[str, str] = Field(
        default_factory=dict, description="Rule id -> reason of an inline suppression covering the entry's line.")
