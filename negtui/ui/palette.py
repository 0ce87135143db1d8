"""What the app's colours mean, each taken from the theme in use, and how each meaning is drawn
without colour.

Every colour comes from a theme variable (``text-error``, ``foreground-muted``...), so any
theme, dark or light, draws the same meanings in colours made for its own background.

With ``NO_COLOR`` set, Textual turns every colour into a grey of the same lightness, and a
red warning on a dark background becomes dark grey on dark grey. Each meaning therefore
has a second form made of text attributes alone, which stays readable and tells the
meanings apart.
"""

from __future__ import annotations

import os
from enum import Enum

from textual._context import active_app
from textual.color import Color, ColorParseError


class Role(Enum):
    ALARM = ("bold", "text-error")
    """A hard line crossed or close: non-negotiables, alerts, over capacity."""
    ATTENTION = ("bold underline", "text-warning")
    """Past a walk-away point."""
    WARNING = ("bold", "text-warning")
    """Worth a look: giving without getting back."""
    GOOD = ("", "text-success")
    """Done, balanced, within bounds."""
    MUTED = ("", "foreground 75%")
    """Said in passing: days of another month, start and end of a deal."""
    LINK = ("", "text-primary")
    """A reference to another record or term."""


WITHOUT_COLOUR = {
    Role.ALARM: "bold reverse",
    Role.ATTENTION: "bold underline",
    Role.WARNING: "underline",
    Role.GOOD: "bold",
    Role.MUTED: "dim",
    Role.LINK: "italic",
}


def colourless() -> bool:
    """True when the user asked for no colour (any non-empty NO_COLOR, as the convention
    says)."""
    return bool(os.environ.get("NO_COLOR"))


def _resolve(value: str, variables: dict[str, str]) -> Color:
    """A theme value as one solid colour: ``auto`` is the foreground, and a see-through
    colour is laid over the surface it is drawn on."""
    name, _, alpha = value.partition(" ")
    colour = Color.parse(variables.get("foreground", "#e0e0e0") if name == "auto" else name)
    if alpha.endswith("%"):
        colour = colour.with_alpha(float(alpha[:-1]) / 100)
    if colour.a < 1 and colour.ansi is None:
        colour = Color.parse(variables.get("surface", "#1e1e1e")) + colour
    return colour


READABLE = 4.6
"""What a coloured word keeps against the surface, the panel and the cursor row: a theme's
own colour is moved towards its foreground until it does (WCAG asks for 4.5:1)."""


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(one: Color, other: Color) -> float:
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _readable(colour: Color, variables: dict[str, str]) -> Color:
    surface = _resolve(variables["surface"], variables)
    grounds = [surface, _resolve(variables["panel"], variables),
               surface.blend(_resolve(variables["primary"], variables), 0.2)]
    foreground = _resolve(variables["foreground"], variables)
    for step in range(11):
        candidate = colour.blend(foreground, step / 10)
        if all(contrast(candidate, ground) >= READABLE for ground in grounds):
            return candidate
    return foreground


_worked_out: dict[tuple[str, bool], str] = {}
_worked_out_for: dict[str, str] = {}


def theme_colour(name: str, *, readable: bool = False) -> str:
    """The colour the running app's theme gives ``name`` (a variable, maybe with a share:
    "foreground 75%"), as a Rich colour ("" when no app runs or the theme does not say).
    Worked out once per theme: every screen asks for the same few."""
    global _worked_out_for
    try:
        variables = active_app.get().theme_variables
    except LookupError:
        return ""
    if variables is not _worked_out_for:
        if variables != _worked_out_for:
            _worked_out.clear()
        _worked_out_for = variables
    key = (name, readable)
    found = _worked_out.get(key)
    if found is None:
        found = _worked_out[key] = _colour(variables, name, readable)
    return found


def _colour(variables: dict[str, str], name: str, readable: bool) -> str:
    variable, _, share = name.partition(" ")
    try:
        colour = _resolve(variables[variable], variables)
        if share:
            colour = colour.with_alpha(colour.a * float(share.rstrip("%")) / 100)
            colour = _resolve(colour.hex, variables) if colour.ansi is None else colour
        if readable and colour.ansi is None:
            colour = _readable(colour, variables)
    except (KeyError, ColorParseError, ValueError):
        return ""
    if colour.ansi is not None:
        return "default" if colour.ansi < 0 else f"color({colour.ansi})"
    return colour.hex


def tint(name: str, amount: float) -> str:
    """The theme's ``name`` colour mixed into its surface, for a region's background."""
    try:
        variables = active_app.get().theme_variables
        surface = _resolve(variables["surface"], variables)
        colour = _resolve(variables[name], variables)
    except (LookupError, ColorParseError, ValueError):
        return ""
    if colour.ansi is not None or surface.ansi is not None:
        return ""
    return surface.blend(colour, amount).hex


def style(role: Role) -> str:
    if colourless():
        return WITHOUT_COLOUR[role]
    attributes, variable = role.value
    return f"{attributes} {theme_colour(variable, readable=True)}".strip()
