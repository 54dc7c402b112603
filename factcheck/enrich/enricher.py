"""Claims -> look-ups -> reference facts, for one document at a time (thread-safe).

1. Claims needing a reference: ``tenure_start`` and ``role_mention`` facts. None -> no request.
2. Each person is searched under the fullest name the document uses for them ("Minister Koizumi"
   is searched as "Shinjiro Koizumi" when the document names him so); hits must match the name
   with diacritics folded.
3. Candidates and then the positions they held (P39) are fetched in batches.
4. Among candidates the one whose positions match the office named and were held on the article's
   date wins (a surname alone may fit several people: "Koizumi").
5. Each claim gets a ``reference_status`` and, when a position matched, a ``reference_tenure``
   with the statement that fits the claim's date, and derived fields for the rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck.enrich import EnrichResult
from factcheck.enrich.errors import SourceError
from factcheck.enrich.http.deadline import Deadline
from factcheck.enrich.names import SURNAME, ascii_form, fullest_name, name_score, name_tokens
from factcheck.enrich.offices import is_not_current, office_score
from factcheck.enrich.tenure import common, held_on, nearest_start, start_distance, term_text
from factcheck.enrich.times import fetched_time
from factcheck.enrich.wikidata.client import WikidataClient
from factcheck.enrich.wikidata.models import EntityRecord, PositionHeld, SearchHit
from factcheck.model.document import Document
from factcheck.model.facts import FactBase, ReferenceStatus, ReferenceTenure, RoleMention, TenureStart
from factcheck.model.findings import LOOKUP_FAILED, Note

MAX_CANDIDATES = 5


@dataclass
class Claim:
    fact: TenureStart | RoleMention
    query: str
    office: str | None
    country: str | None
    when: str | None  # the date the office is implied to be held on
    when_precision: str | None


@dataclass
class Lookup:
    """What the source said for one search query."""

    hits: list[SearchHit] = field(default_factory=list)
    people: dict[str, EntityRecord] = field(default_factory=dict)
    error: SourceError | None = None


def collect_claims(doc: Document, facts: Iterable[FactBase]) -> list[Claim]:
    claims = [f for f in facts if isinstance(f, TenureStart | RoleMention)]
    if not claims:
        return []
    names_by_key: dict[str, list[str]] = {}
    titles_by_key: dict[str, list[str]] = {}
    for f in claims:
        names_by_key.setdefault(f.person_key, []).append(f.person)
        if isinstance(f, RoleMention) and not is_not_current(f.title):
            titles_by_key.setdefault(f.person_key, []).append(f.title)
    # A lone surname joins a fuller name of the document that ends (or starts) with it.
    full_names = [n for names in names_by_key.values() for n in names if len(name_tokens(n)) > 1]
    published = doc.published.isoformat() if doc.published else None
    out: list[Claim] = []
    for f in claims:
        names = names_by_key[f.person_key]
        query = fullest_name(names)
        if len(name_tokens(query)) == 1:
            fuller = [n for n in full_names if name_score(query, [n]) >= SURNAME]
            query = fullest_name(fuller) if fuller and len({name_tokens(n) for n in fuller}) == 1 else query
        if isinstance(f, TenureStart):
            office = f.office or (fullest_name(titles_by_key.get(f.person_key, [])) or None)
            out.append(Claim(f, query, office, None, f.date, f.precision))
        else:
            when, precision = (f.date, f.precision) if f.date else (published, "day" if published else None)
            out.append(Claim(f, query, f.title, f.country, when, precision))
    return out


class WikidataEnricher:
    """The :class:`factcheck.enrich.Enricher` for Wikidata."""

    source = "wikidata"

    def __init__(self, client: WikidataClient, *, budget: float | None = None) -> None:
        self.client = client
        self.budget = budget or client.cfg.timeouts.document_budget

    # --- the protocol --------------------------------------------------------------------------

    def enrich(self, doc: Document, facts: list[FactBase]) -> EnrichResult:
        claims = collect_claims(doc, facts)
        if not claims:
            return EnrichResult()
        try:
            result = self._enrich(doc, claims, Deadline(self.budget))
        except Exception as exc:  # a bug or an unforeseen answer must not lose the document
            reason = f"{type(exc).__name__}: {exc}"
            note = Note(kind=LOOKUP_FAILED, message=f"{self.source}: look-ups failed: {reason}", reason="malformed")
            result = EnrichResult(notes=[note])
            result.facts.extend(self._status(c, "failed", reason) for c in claims)
        _mark_first_mentions(result.facts)
        return result

    def close(self) -> None:
        self.client.close()

    def prefetch(self, items: Iterable[tuple[Document, list[FactBase]]], *, budget: float | None = None) -> None:
        """Warm the cache for many documents at once, so entity ids batch across documents.

        Optional: ``enrich`` works without it. Failures are ignored here (``enrich`` reports them).
        """
        claims = [c for doc, facts in items for c in collect_claims(doc, facts)]
        if not claims:
            return
        deadline = Deadline(budget or max(self.budget, 300.0))
        lookups = self._search([c.query for c in claims], deadline)
        self._positions(lookups, deadline)

    # --- steps ---------------------------------------------------------------------------------

    def _search(self, queries: list[str], deadline: Deadline) -> dict[str, Lookup]:
        queries = list(dict.fromkeys(queries))
        hits, failed = self.client.search(queries, deadline)
        lookups: dict[str, Lookup] = {}
        wanted: list[str] = []
        for q in queries:
            if q in failed:
                lookups[q] = Lookup(error=failed[q])
                continue
            matching = [h for h in hits.get(q, []) if name_score(q, h.names()) > 0][:MAX_CANDIDATES]
            lookups[q] = Lookup(hits=matching)
            wanted.extend(h.id for h in matching)
        # a spelling with diacritics that found nothing is tried once more without them
        retry = {q: ascii_form(q) for q in queries if not lookups[q].hits and lookups[q].error is None}
        retry = {q: a for q, a in retry.items() if a != q}
        if retry:
            hits2, failed2 = self.client.search(list(retry.values()), deadline)
            for q, a in retry.items():
                matching = [h for h in hits2.get(a, []) if name_score(q, h.names()) > 0][:MAX_CANDIDATES]
                lookups[q] = Lookup(hits=matching, error=failed2.get(a))
                wanted.extend(h.id for h in matching)
        people, people_failed = self.client.entities(wanted, deadline)
        for lookup in lookups.values():
            for hit in lookup.hits:
                if hit.id in people_failed and lookup.error is None:
                    lookup.error = people_failed[hit.id]
                elif hit.id in people and not people[hit.id].missing:
                    lookup.people[hit.id] = people[hit.id]
        return lookups

    def _positions(
        self, lookups: dict[str, Lookup], deadline: Deadline
    ) -> tuple[dict[str, EntityRecord], dict[str, SourceError]]:
        ids = [p.position_id for lk in lookups.values() for person in lk.people.values() for p in person.positions]
        return self.client.entities(ids, deadline)

    def _enrich(self, doc: Document, claims: list[Claim], deadline: Deadline) -> EnrichResult:
        lookups = self._search([c.query for c in claims], deadline)
        positions, positions_failed = self._positions(lookups, deadline)
        result = EnrichResult()
        reported: set[str] = set()

        def report(what: str, error: SourceError) -> None:
            # a note, not an error: the document is checked, its claims are unverified (a CI consumer
            # must tell a broken article from a missing network)
            message = f"{self.source}: {what}: {error}"
            if message not in reported:
                reported.add(message)
                result.notes.append(Note(kind=LOOKUP_FAILED, message=message, reason=error.reason))

        chosen = self._choose_people(claims, lookups, positions)
        for claim in claims:
            lookup = lookups[claim.query]
            if lookup.error is not None and not lookup.people:
                if lookup.error.reason != "offline":
                    report(f"look-up of {claim.query!r} failed", lookup.error)
                result.facts.append(self._status(claim, _status_of(lookup.error), str(lookup.error)))
                continue
            person = chosen.get(claim.fact.person_key)
            if person is None:
                status = self._status(claim, "not_found", f"no entity named {claim.query!r}")
                status.unknown_to = self.source  # reported (tenure.unverified), never silently dropped
                result.facts.append(status)
                continue
            facts = self._facts_for(claim, person, positions)
            missing = [p.position_id for p in person.positions if p.position_id in positions_failed]
            if missing and isinstance(facts[0], ReferenceStatus) and facts[0].status == "not_found":
                # no match, but the office may be among the positions that could not be fetched
                error = positions_failed[missing[0]]
                if error.reason != "offline":
                    report(f"positions of {person.id} could not be fetched", error)
                facts = [self._status(claim, _status_of(error), str(error), person=person)]
            result.facts.extend(facts)
        return result

    def _choose_people(
        self, claims: list[Claim], lookups: dict[str, Lookup], positions: dict[str, EntityRecord]
    ) -> dict[str, EntityRecord]:
        by_key: dict[str, list[Claim]] = {}
        for c in claims:
            by_key.setdefault(c.fact.person_key, []).append(c)
        chosen: dict[str, EntityRecord] = {}
        for key, group in by_key.items():
            lookup = lookups[group[0].query]
            best: tuple[tuple[int, float, int, int], EntityRecord] | None = None
            for rank, hit in enumerate(lookup.hits):
                person = lookup.people.get(hit.id)
                if person is None:
                    continue
                names = [*hit.names(), *person.names()]
                office_fit = 0.0
                date_fit = 0
                for c in group:
                    match = _best_position(c, person, positions)
                    if match is None:
                        continue
                    office_fit += match[0]
                    if c.when and held_on(match[2], c.when, c.when_precision):
                        date_fit += 1
                score = (name_score(group[0].query, names), office_fit, date_fit, -rank)
                if best is None or score > best[0]:
                    best = (score, person)
            if best is not None:
                chosen[key] = best[1]
        return chosen

    def _facts_for(self, claim: Claim, person: EntityRecord, positions: dict[str, EntityRecord]) -> list[FactBase]:
        match = _best_position(claim, person, positions)
        if match is None:
            what = f"matching {claim.office!r}" if claim.office else f"held on {claim.when}"
            return [self._status(claim, "not_found", f"{person.id} holds no position {what}", person=person)]
        _, position, statements = match
        fact = claim.fact
        if isinstance(fact, TenureStart):
            statement = nearest_start(statements, fact.date)
        else:
            covering = [s for s in statements if claim.when and held_on([s], claim.when, claim.when_precision)]
            statement = covering[0] if covering else nearest_start(statements, claim.when)
        assert statement is not None
        not_current = isinstance(fact, RoleMention) and is_not_current(fact.title)
        in_office = None if not_current or not claim.when else held_on(statements, claim.when, claim.when_precision)
        label = position.label or position.id
        url = self.client.entity_url(person.id)
        claim_date = fact.date if isinstance(fact, TenureStart) else claim.when
        claim_precision = fact.precision if isinstance(fact, TenureStart) else claim.when_precision
        derived: dict[str, str | None] = {}
        if claim_date and statement.start is not None:
            p, a, b = common(claim_date, claim_precision, statement.start)
            derived = {"common_precision": p, "claim_date_common": a, "start_common": b}
        tenure = ReferenceTenure(
            span=fact.span,
            text=fact.text,
            sentence=fact.sentence,
            person=person.label or fact.person,
            person_key=fact.person_key,
            person_id=person.id,
            office=label,
            office_key=fact.office_key,
            office_id=position.id,
            start=statement.start.date if statement.start else None,
            end=statement.end.date if statement.end else None,
            precision=statement.start.precision if statement.start else None,
            source=self.source,
            url=url,
            retrieved_at=fetched_time(person.fetched_at),
            claim_kind=fact.kind,
            claim_date=claim_date,
            in_office=in_office,
            **derived,
        )
        status = self._status(claim, "found", None, person=person)
        status.office, status.office_id, status.in_office = label, position.id, in_office
        status.held = "; ".join(term_text(s) for s in statements)
        return [tenure, status]

    def _status(
        self, claim: Claim, status: str, reason: str | None, *, person: EntityRecord | None = None
    ) -> ReferenceStatus:
        fact = claim.fact
        return ReferenceStatus(
            span=fact.span,
            text=fact.text,
            sentence=fact.sentence,
            person=fact.person,
            person_key=fact.person_key,
            office_key=fact.office_key,
            source=self.source,
            status=status,  # type: ignore[arg-type]
            reason=reason,
            claim_kind=fact.kind,
            person_id=person.id if person else None,
            url=self.client.entity_url(person.id) if person else None,
            retrieved_at=fetched_time(person.fetched_at) if person else None,
            date=claim.when,
        )



def _mark_first_mentions(facts: list[FactBase]) -> None:
    """One status per person and outcome is enough for a reader: later ones get ``first_mention=False``."""
    seen: set[tuple[str, str]] = set()
    for f in sorted((f for f in facts if isinstance(f, ReferenceStatus)), key=lambda f: f.span.start):
        key = (f.person_key, f.status)
        f.first_mention = key not in seen
        seen.add(key)


def _status_of(error: SourceError) -> str:
    return "offline" if error.reason == "offline" else "failed"


def _best_position(
    claim: Claim, person: EntityRecord, positions: dict[str, EntityRecord]
) -> tuple[float, EntityRecord, list[PositionHeld]] | None:
    """(score, position item, its statements for this person) that best fits the claim's office."""
    by_position: dict[str, list[PositionHeld]] = {}
    for p in person.positions:
        by_position.setdefault(p.position_id, []).append(p)
    best: tuple[tuple[float, int, str], EntityRecord, list[PositionHeld]] | None = None
    for pid, statements in by_position.items():
        item = positions.get(pid)
        if item is None or item.missing:
            continue
        if claim.office:
            score = office_score(claim.office, item, country=claim.country)
        elif isinstance(claim.fact, TenureStart):  # no office named: ranked by start below
            score = 1.0
        else:  # no office named: whatever they held on the date
            score = 1.0 if claim.when and held_on(statements, claim.when, claim.when_precision) else 0.0
        if score <= 0:
            continue
        fits = 1 if claim.when and held_on(statements, claim.when, claim.when_precision) else 0
        if isinstance(claim.fact, TenureStart) and claim.when:
            # a stated start: the term that started nearest to it (a wrong day must still find it)
            fits = -start_distance(statements, claim.when)
        latest = max((s.start.date for s in statements if s.start), default="")
        key = (score, fits, latest)
        if best is None or key > best[0]:
            best = (key, item, statements)
    return (best[0][0], best[1], best[2]) if best else None
