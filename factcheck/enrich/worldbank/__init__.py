"""The World Bank Indicators API v2: batched series look-ups (:mod:`.client`) and their parsing (:mod:`.parse`)."""

from factcheck.enrich.worldbank.client import WorldBankClient
from factcheck.enrich.worldbank.parse import Page, parse_page

__all__ = ["Page", "WorldBankClient", "parse_page"]
