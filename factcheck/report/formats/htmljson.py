"""JSON meant to be embedded in HTML (``<script type="application/ld+json">``, inline data).

Inside ``<script>`` the HTML parser ends the element at the first ``</script``, whatever JSON thinks
is a string, and ``<!--`` changes how it looks for that end; a claim quoting ``</script><script>...``
would run. The characters that matter are only ever inside JSON strings, so escaping them there as
``\\u003c``, ``\\u003e`` and ``\\u0026`` (and the line separators U+2028/U+2029, which old JavaScript
parsers take for newlines) keeps the JSON identical for every JSON parser and inert for HTML.
"""

from __future__ import annotations

import json
from typing import Any

_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps_for_html(value: Any, *, indent: int | None = None) -> str:
    """``json.dumps`` (UTF-8 text, not ASCII-escaped) that is safe between ``<script>`` tags."""
    return json.dumps(value, indent=indent, ensure_ascii=False).translate(_ESCAPES)


def json_ld_script(value: Any, *, indent: int | None = None) -> str:
    """One ``<script type="application/ld+json">`` element holding ``value``."""
    return f'<script type="application/ld+json">{dumps_for_html(value, indent=indent)}</script>'
