"""What the app's colours mean, and how each meaning is drawn without colour.

With ``NO_COLOR`` set, Textual turns every colour into a grey of the same lightness, and a
red warning on a dark background becomes dark grey on dark grey. Each meaning therefore
has a second form made of text attributes alone, which stays readable and tells the
meanings apart.
"""

from __future__ import annotations

import os
from enum import Enum


class Role(Enum):
    ALARM = "bold red"
    """A hard line crossed or close: non-negotiables, alerts, over capacity."""
    ATTENTION = "bold magenta"
    """Past a walk-away point."""
    WARNING = "bold yellow"
    """Worth a look: giving without getting back."""
    GOOD = "green"


WITHOUT_COLOUR = {
    Role.ALARM: "bold reverse",
    Role.ATTENTION: "bold underline",
    Role.WARNING: "underline",
    Role.GOOD: "bold",
}


def colourless() -> bool:
    """True when the user asked for no colour (any non-empty NO_COLOR, as the convention
    says)."""
    return bool(os.environ.get("NO_COLOR"))


def style(role: Role) -> str:
    return WITHOUT_COLOUR[role] if colourless() else role.value
