"""The app's stylesheet: parsed again only when what its rules depend on changed.

Textual parses every source of the stylesheet again each time it refreshes the CSS (a
main screen shown for the first time, a theme chosen), into a new stylesheet whose parsed
rules it then throws away with their cache; the next widget class mounted has every source
parsed a third time. The rules of a source depend only on its text and the variables (the
theme's colours), and a new or changed source is parsed anyway when the rules are next
asked for: with the same variables, nothing needs parsing again. On the large portfolio
that was two full parses of all the app's CSS before the first frame.
"""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet


class KeptStylesheet(Stylesheet):
    """A stylesheet that keeps what it parsed while the variables stay the same."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._variables_changed = False

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self._variables:
            return  # the same colours: what was parsed with them stands
        super().set_variables(variables)
        self._variables_changed = True

    def reparse(self) -> None:
        if not self._variables_changed:
            return  # each source is parsed when the rules are next needed, if it changed
        super().reparse()
        self._variables_changed = False
