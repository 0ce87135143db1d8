"""Where the user is, and where they have been: the history that escape walks back through.

A place is one of the five main screens, or a screen opened over one of them (a deal's
workspace, a record list, the lessons). Each main screen is kept with its state while
the user is elsewhere; a screen opened over one is made again when the user comes back
to it, for the deal it showed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen

# Enough to walk back through a working session; the oldest places are forgotten first.
HISTORY_LIMIT = 50


@dataclass(frozen=True)
class Place:
    mode: str
    """The main screen shown, or the one the screen is opened over."""
    key: str = ""
    """Which screen over the main one (with ``deal_id``, which of its kind); empty for
    the main screen itself. Going to the place one is on does nothing."""
    make: Callable[[], Screen[None]] | None = None
    """Makes the screen opened over the main one; None for the main screen itself."""
    deal_id: str | None = None
    """The deal the place shows, brought back into focus when the user returns to it."""

    def same(self, other: Place) -> bool:
        """Whether the two show the same thing (a main screen, or one screen of a deal)."""
        return (self.key or self.mode, self.deal_id) == (other.key or other.mode,
                                                          other.deal_id)


class History:
    """The places the user left, most recent last."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self._places: list[Place] = []
        self._limit = limit

    def __len__(self) -> int:
        return len(self._places)

    def left(self, place: Place) -> None:
        """The user left ``place`` for another one."""
        if self._places and self._places[-1].same(place):
            self._places[-1] = place
        else:
            self._places.append(place)
        del self._places[:-self._limit]

    def back(self, here: Place, usable: Callable[[Place], bool]) -> Place | None:
        """The most recent place the user can go back to from ``here``, taken off the
        history; places that are ``here`` already, or no longer usable (their deal is
        gone), are skipped. None when there is none."""
        while self._places:
            place = self._places.pop()
            if not place.same(here) and usable(place):
                return place
        return None
