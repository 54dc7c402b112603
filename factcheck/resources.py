"""Where the shipped rule packs and source configs are: inside the wheel, or in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def shipped_dir(name: str) -> Path:
    """``rules`` or ``sources``: ``factcheck/_shipped/<name>`` in a wheel, ``<repo>/<name>`` in a checkout."""
    packaged = resources.files("factcheck") / "_shipped" / name
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"shipped {name}/ not found (looked in {packaged} and {checkout})")


def shipped_rules() -> Path:
    return shipped_dir("rules")


def shipped_sources() -> Path:
    return shipped_dir("sources")
