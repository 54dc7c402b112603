"""``no-publication-date``: a draft without a publication date cannot have its relative dates resolved.

"On the 29th", "last week", "the previous day" are placed by the publication date; without one they
stay unresolved (no guessing), and every rule that compares the dates they would give stays silent.
The note says which expressions and which rules, so that an editor does not read silence as "fine".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.evaluate.expr import fields_used, parse_where
from factcheck.evaluate.rulefiles import CompiledRule
from factcheck.model.facts import FactBase
from factcheck.model.findings import Note

#: Fields whose value comes from resolving a date against the publication date.
DATE_FIELDS: frozenset[tuple[str, str]] = frozenset({
    ("date_mention", "date"), ("date_mention", "weekday_of_date"), ("event", "date"),
    ("sequence", "earlier_date"), ("sequence", "later_date"), ("tenure_start", "date"), ("role_mention", "date"),
    ("reference_tenure", "claim_date"), ("reference_tenure", "claim_date_common"),
    ("reference_tenure", "start_common"), ("reference_tenure", "in_office"),
    ("reference_status", "date"), ("reference_status", "in_office"),
})
#: Date forms that need the publication date to be resolved.
RELATIVE_FORMS = frozenset({"day_of_month", "weekday", "relative", "month"})
SHOWN = 3


def rules_needing_dates(rules: Iterable[CompiledRule]) -> list[str]:
    """Ids of the rules whose ``where`` reads a resolved date."""
    out = []
    for rule in rules:
        used = fields_used(parse_where(rule.spec.where, rule.spec.when))
        if any((rule.spec.when[ref.alias], ref.name) in DATE_FIELDS for ref in used):
            out.append(rule.id)
    return out


def no_publication_date(facts: Sequence[FactBase], rules: list[str]) -> Note | None:
    """The note for a document without a publication date whose relative dates stayed unresolved."""
    unresolved = [f for f in facts if f.kind == "date_mention" and getattr(f, "date", None) is None
                  and getattr(f, "form", None) in RELATIVE_FORMS]
    if not unresolved:
        return None
    shown = ", ".join(f'"{getattr(f, "expression", f.text)}"' for f in unresolved[:SHOWN])
    more = f" and {len(unresolved) - SHOWN} more" if len(unresolved) > SHOWN else ""
    which = f"so these rules could not run on them: {', '.join(rules)}" if rules else "so no rule could use them"
    return Note(
        kind="no-publication-date",
        message=f"no publication date: {len(unresolved)} relative date(s) ({shown}{more}) could not be resolved, "
                f"{which}. Give `published:` in the front matter or --published.",
        rules=rules,
    )
