"""Wikidata through the MediaWiki Action API: response models, parsing, and the client."""

from factcheck.enrich.wikidata.client import WikidataClient
from factcheck.enrich.wikidata.models import EntityRecord, PositionHeld, SearchHit, TimePoint

__all__ = ["EntityRecord", "PositionHeld", "SearchHit", "TimePoint", "WikidataClient"]
