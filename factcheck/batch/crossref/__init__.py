"""Cross-article checks: after the per-document pass, compare figures and dates across a run.

- :mod:`.rules`    the two rules (``batch.conflicting-figure``, ``batch.conflicting-date``);
- :mod:`.entries`  in the worker: a document's compact entries (key, value, location, sentence);
- :mod:`.index`    in the main process: key -> a few distinct values with the first documents stating them;
- :mod:`.spool`    reports kept on disk until the index is complete;
- :mod:`.reduce`   the pass itself: index while spooling, then replay with the findings added.
"""
