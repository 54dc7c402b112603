"""HTTP layers for reference sources, innermost last: breaker -> retry -> guard (limits) -> httpx.HTTPTransport.

The cache sits above these, at the entity level (:mod:`factcheck.enrich.cache`), so that "cache over
retry over HTTP" holds while batched requests are still cached per entity.
"""

from factcheck.enrich.http.client import build_http_client, user_agent
from factcheck.enrich.http.deadline import DEADLINE_EXTENSION, Deadline

__all__ = ["DEADLINE_EXTENSION", "Deadline", "build_http_client", "user_agent"]
