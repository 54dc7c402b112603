"""The engine interface: compiled rules in, matches out. Two implementations share it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, order=True)
class Match:
    """Rule ``rule`` (index into the rule set) fired on ``facts`` (fact ids in ``when`` order)."""

    rule: int
    facts: tuple[str, ...]


class EngineFault(Exception):
    """The engine failed on a document (an action raised, or the C engine reported an error)."""


class Engine(Protocol):
    name: str

    def run(self, facts: list[dict[str, object]]) -> list[Match]:
        """Evaluate all rules over one document's facts; sorted, de-duplicated matches."""
        ...

    def close(self) -> None:
        """Release the engine's resources; ``run`` fails afterwards."""
        ...


def available_engines() -> list[str]:
    try:
        import durable.engine  # noqa: F401
    except ImportError:
        return ["python"]
    return ["durable", "python"]
