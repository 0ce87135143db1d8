"""The Concessions screen's capture lines on their way in: the bar opened on a side with
the line kept for it, the half-typed line kept on disk a moment after each key, and the
lines a burst went past (refused, or typed over) set aside for their side's key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.timer import Timer
from textual.widgets import Input

from negtui.actions import concessions as use
from negtui.domain.vocab import Direction
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.widgets.capture_bar import CaptureBar
from negtui.ui.widgets.shown import Static

if TYPE_CHECKING:
    from negtui.domain.book import DealBook
    from negtui.ui.palette import Role
    from negtui.ui.widgets.concession_log import ConcessionLog

# How long after the last key a half-typed line is written to disk.
DRAFT_DELAY_S = 0.3
DRAFT_KEY = {Direction.GIVEN: "g", Direction.RECEIVED: "r"}
# A side named as the bar's prompt and the log's Side column name it.
SIDE_WORD = {Direction.GIVEN: "“gave”", Direction.RECEIVED: "“got”"}
OTHER_SIDE = {Direction.GIVEN: Direction.RECEIVED, Direction.RECEIVED: Direction.GIVEN}


class CaptureDrafts(NegtuiScreen):
    """What g and r open, and where a line not logged is kept; the screen holds the deal,
    the log and the line under it (``say``)."""

    _draft_timer: Timer | None
    _warned_line: str | None

    if TYPE_CHECKING:
        @property
        def book(self) -> DealBook | None: ...

        @property
        def table(self) -> ConcessionLog: ...

        def say(self, text: str, role: Role | None = None, seconds: float = 4.0) -> None: ...

    def action_capture(self, direction: str) -> None:
        book = self.book
        if book is None:
            return
        names = [term.name for term in book.terms]
        deals = [deal.name for deal in self.session.glance().deals() if deal.id != book.id]
        side = Direction(direction)
        try:
            kept = use.bring_back_line(self.session.store, book.id, side)
        except OSError:
            kept = None  # the line stays where it is kept; the bar opens empty
        self.query_one(CaptureBar).open(side, names, deals, kept or "")
        other = use.kept_line(self.session.store, book.id, OTHER_SIDE[side])
        if not kept and other is not None:
            # The other side's line stays as it was, for its own key.
            self.say(f"Your half-typed {SIDE_WORD[other[0]]} line is kept: "
                     f"{DRAFT_KEY[other[0]]} brings it back")

    @on(CaptureBar.Cancelled)
    def _capture_cancelled(self, event: CaptureBar.Cancelled) -> None:
        self.table.focus()
        if event.text.strip():
            self.keep_draft_now(event.direction, event.text)
            self.say(f"Draft kept: {DRAFT_KEY[event.direction]} brings it back")

    @on(CaptureBar.TypedAhead)
    def _typed_ahead(self, event: CaptureBar.TypedAhead) -> None:
        """The rest of a burst came after a line that was not logged: that line is kept
        as its side's draft, and the keys do what they were typed for."""
        bar = self.query_one(CaptureBar)
        if not bar.is_open:
            return
        problem = str(bar.query_one("#capture-hint", Static).render())
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._set_aside(event.direction, event.text)
        bar.close()
        self.table.focus()
        self._warned_line = None
        self.notify(f"Not logged: {event.text.strip()} — {problem}. Kept: "
                    f"{DRAFT_KEY[event.direction]} brings it back", severity="warning",
                    timeout=12, markup=False)
        self.negtui.type_again(event.key)

    @on(CaptureBar.TypedOver)
    def _typed_over(self, event: CaptureBar.TypedOver) -> None:
        """Keys typed before a kept line was brought back start a line of their own; the
        kept one is set aside for the side's key, with a note saying so."""
        self._set_aside(event.direction, event.text)
        self.notify(f"Your earlier {SIDE_WORD[event.direction]} line is kept apart: "
                    f"{event.text.strip()} — {DRAFT_KEY[event.direction]} brings it back "
                    "once this one is logged", timeout=10, markup=False)

    def _set_aside(self, direction: Direction, text: str) -> None:
        book = self.book
        if book is None:
            return
        try:
            use.set_line_aside(self.session.store, book.id, direction, text)
        except OSError as error:
            self.notify(f"The line could not be kept: {error.strerror or error}",
                        severity="warning", timeout=6)

    # The half-typed line is kept on disk shortly after each key, so a dropped link
    # loses at most the last fraction of a second of typing.

    @on(Input.Changed, "#capture-input")
    def _line_changed(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY_S, self.keep_draft_now)

    def keep_drafts(self) -> None:
        self.keep_draft_now()

    def keep_draft_now(self, direction: Direction | None = None, text: str | None = None) -> None:
        bar = self.query_one(CaptureBar)
        book = self.book
        if book is None or (text is None and not bar.is_open):
            return
        line = bar.input.value if text is None else text
        try:
            use.keep_line(self.session.store, book.id, direction or bar.direction, line)
        except OSError as error:
            self.notify(f"The draft could not be kept: {error.strerror or error}",
                        severity="warning", timeout=4)
