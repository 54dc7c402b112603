"""How likely a stated percentage change is, given the rounding of the two figures it is worked out from.

Every figure stands for the interval it was rounded from, and a change is consistent when some reading of
both figures meets it. A reading at the far corner of both intervals is possible but rare: "fell 12% to
P4.2 billion from P4.9 billion" needs the old value near 4.85 and the new one near 4.25 at once (about one
chance in 500 if the true values lie anywhere in their intervals). ``likely_range`` gives the range of the
change over the central 98% of the readings, so a claim met only outside it can be said to be unlikely (an
inference: at most a warning, with its reason).
"""

from __future__ import annotations

_STEPS = 41  # readings per figure: the midpoints of 41 equal cells of its rounding interval
_TAIL = 0.01  # the share of readings left out at either end


def _readings(low: float, high: float) -> list[float]:
    width = (high - low) / _STEPS
    return [low + (k + 0.5) * width for k in range(_STEPS)]


def likely_range(old: tuple[float, float], new: tuple[float, float]) -> tuple[float, float] | None:
    """The 1st and 99th percentiles of the size of the percentage change from ``old`` to ``new`` (each an
    interval), over readings spread evenly in both; None when an old reading is not above zero."""
    if old[0] <= 0:
        return None
    news = _readings(*new)
    values = [abs(n / o - 1) * 100 for o in _readings(*old) for n in news]  # a list: no generator per value
    values.sort()
    cut = int(len(values) * _TAIL)
    return values[cut], values[len(values) - 1 - cut]
