"""Layer 1 of extraction: one lexer pass over the body text produces typed mentions.

``lex(text)`` tokenises once and composes tokens into mentions (numbers, money, percentages, years,
fiscal years, dates, weekdays, durations, relative expressions, countries, titles and people) with
spans and normalised values. The words it knows are resources (``factcheck/extract/resources``).
"""

from factcheck.extract.mentions.lexer import lex
from factcheck.extract.mentions.model import Mention, Token

__all__ = ["Mention", "Token", "lex"]
