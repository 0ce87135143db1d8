"""The focused term under the terms table: three lines in a short window, the whole term and
what was conceded on it in a tall one, where the pane has the rows for it."""

from __future__ import annotations

from collections.abc import Sequence

import arrow
from textual import events

from negtui.domain.models import Concession, Term
from negtui.ui.widgets.shown import Static
from negtui.ui.widgets.term_rows import term_card, term_detail

# From this many rows on, the pane shows the whole term rather than its summary.
CARD_FROM = 4


class TermDetail(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Term, int, arrow.Arrow, str] | None = None
        self._log: Sequence[Concession] = ()

    def show(self, term: Term | None, threshold: int, now: arrow.Arrow, zone: str,
             log: Sequence[Concession] = ()) -> None:
        self._shown = None if term is None else (term, threshold, now, zone)
        self._log = log
        self._draw()

    def on_resize(self, _: events.Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        if self._shown is None:
            self.border_title = None
            self.update("")
            return
        term = self._shown[0]
        whole = self.size.height >= CARD_FROM
        self.border_title = term.name if whole else None
        if not whole:
            self.set_class(False, "-wrap")
            self.update(term_detail(*self._shown))
            return
        card = term_card(*self._shown, log=self._log)
        # Where the pane has the rows for it, a line too long goes on over the next
        # (at its spaces) rather than be cut; else each stays on its line, cut with "…".
        width, height = self.content_size
        wrapped = card.copy()
        wrapped.no_wrap = False
        self.set_class(bool(width) and len(wrapped.wrap(self.app.console, width)) <= height,
                       "-wrap")
        self.update(card)
