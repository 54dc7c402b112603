"""Inline suppressions in Markdown/HTML comments; see :mod:`factcheck.suppress.directives`."""

from factcheck.suppress.apply import BAD_DIRECTIVE_RULE, apply_suppressions
from factcheck.suppress.directives import Directive, Suppression, parse_directives

__all__ = ["BAD_DIRECTIVE_RULE", "Directive", "Suppression", "apply_suppressions", "parse_directives"]
