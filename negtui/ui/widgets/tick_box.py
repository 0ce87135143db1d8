"""A checkbox whose state shows without colour.

Textual draws the box's "X" in every state and tells on from off by its colour alone; with
``NO_COLOR`` set both states turn the same grey. Here the box is empty when off and
holds the "X" when on, so the state reads in any terminal.
"""

from __future__ import annotations

from textual.widgets import Checkbox

from negtui.ui.palette import colourless


class TickBox(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # read by the toggle button
        if not colourless():
            return "X"
        return "X" if self.value else " "
