"""The app's notion of "now", injected so tests and demos can fix it."""

from __future__ import annotations

from collections.abc import Callable

import arrow

Clock = Callable[[], arrow.Arrow]


def system_clock() -> arrow.Arrow:
    return arrow.now()


def fixed_clock(moment: str | arrow.Arrow) -> Clock:
    """A clock that always answers the same instant (ISO text or an Arrow)."""
    frozen = arrow.get(moment)
    return lambda: frozen
