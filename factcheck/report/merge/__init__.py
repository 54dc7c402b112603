"""``factcheck merge``: the JSON, SARIF or JUnit reports of ``--shard I/N`` runs as one report.

Documents come out in a canonical order, by file path (folder by folder, names sorted, as a folder
argument is walked) and a record's line in its JSON Lines file: the order of a single run over one
folder (or over files given in path order). Counts and the JSON summary are recomputed over the whole.

- :mod:`.order`   the ordering key, and reading the inputs (format detection, clear errors);
- :mod:`.json`, :mod:`.sarif`, :mod:`.junit`  one merge per format.
"""

from factcheck.report.merge.order import MergeError, detect_format, merge_reports

__all__ = ["MergeError", "detect_format", "merge_reports"]
