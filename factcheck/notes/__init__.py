"""Notes on how a document was checked (:class:`factcheck.model.findings.Note`): what could not be
resolved or was not read, so that an empty report is never taken for a clean one."""

from factcheck.notes.dates import DATE_FIELDS, no_publication_date, rules_needing_dates

__all__ = ["DATE_FIELDS", "no_publication_date", "rules_needing_dates"]
