"""Resume state (``--state DIR``): per-document content hash -> the result of checking it."""

from factcheck.state.store import StateStore, code_fingerprint

__all__ = ["StateStore", "code_fingerprint"]
