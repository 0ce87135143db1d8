"""A checkbox whose state shows by its mark, not only by its colour.

Textual draws the box's "X" in every state and tells on from off by its colour alone,
which a quick look (or ``NO_COLOR``, where both turn the same grey) misses. Here the box is
empty when off and holds the "X" when on.
"""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # read by the toggle button
        return "X" if self.value else " "
