"""Stage 1, load: files, text, HTML and JSON Lines records become :class:`Document` objects."""

from factcheck.load.documents import iter_jsonl, load_bytes, load_jsonl_line, load_path, load_record, load_text
from factcheck.load.errors import LoadError

__all__ = ["LoadError", "iter_jsonl", "load_bytes", "load_jsonl_line", "load_path", "load_record", "load_text"]
