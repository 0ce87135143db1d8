"""What every negtui screen shares: typed access to the app, and redrawing when the data
or the deal in focus changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, cast

from textual import events
from textual.events import ScreenResume
from textual.screen import Screen

from negtui.actions.session import Session
from negtui.domain.dates import times_in
from negtui.store import Store, StoreError
from negtui.ui import saving
from negtui.ui.messages import DealFocused, PortfolioReloaded
from negtui.ui.panes import PANE_TITLES, name_panes
from negtui.ui.places import Place

# From this many rows a main screen has the room for a pane more under its main one
# (the Portfolio what is coming up, Concessions the balance by term).
DEEP_FROM = 50


class HasSession(saving.Notifies, Protocol):
    """What screens and forms may use of the app besides Textual's own."""

    session: Session
    sub_title: str

    def open_deal(self, deal_id: str) -> None: ...

    def show_screen(self, mode: str) -> None: ...

    def go(self, place: Place) -> None: ...

    def open_over(self, key: str, make: Callable[[], Screen[None]],
                  deal_id: str | None = None) -> None: ...

    def type_again(self, key: events.Key) -> None: ...


def session_of(app: object) -> Session:
    return cast(HasSession, app).session


class NegtuiScreen(Screen[None]):
    """Subclasses draw themselves in ``fill``; the handlers here call it at the right times.

    Textual runs a message handler of every class in the hierarchy, so subclasses
    customise through ``fill``, ``resume`` and ``deal_changed`` rather than defining the
    handlers again (which would draw twice).
    """

    SCREEN_TITLE = ""
    HELP_LINES: tuple[tuple[str, str], ...] = ()
    """Rows help lists after the keys: what the screen understands besides its keys."""
    ROOMY_FOOTER: tuple[str, ...] = ()
    """Ids of keys help lists but the footer leaves out, that it shows too, in this order,
    where its line has the room after every other key (a wide terminal)."""
    place: Place | None = None
    """Set when the screen is opened as a place of the history (see places)."""
    _shown_before = False
    _showing = False

    @property
    def negtui(self) -> HasSession:
        """The few things of the app a screen may use besides Textual's own."""
        return cast(HasSession, self.app)

    @property
    def session(self) -> Session:
        return self.negtui.session

    def save(self, use_case: Callable[[Store], object], done: str | None = "Saved",
             deal_id: str | None = None) -> bool:
        return saving.save(self, self.session, use_case, done, deal_id)

    def show_history(self, deal_id: str, record_id: str, name: str) -> None:
        """Who changed the record and when; its sync conflicts count as looked at."""
        from negtui.actions.history import record_history
        from negtui.ui.screens.history import HistoryScreen

        try:
            history = record_history(self.session.store, deal_id, record_id)
        except StoreError as error:
            self.notify(saving.problem_text(error), title="No history", severity="error")
            return
        self.app.push_screen(HistoryScreen(name, history))

    def on_mount(self) -> None:
        name_panes(self)
        # The header always names the data folder, so two windows are never confused.
        # (Runs after the subclass's own on_mount, which may have named a deal already.)
        if not self.sub_title:
            self.sub_title = f"{self.SCREEN_TITLE} — {self.negtui.sub_title}"
        self._titled_with = self.negtui.sub_title

    def frame_with_zone(self, pane_id: str) -> None:
        """Name the zone the pane's times are in once, in its frame ('Concessions · times in
        UTC'), rather than in every row."""
        zone = self.session.settings.timezone
        self.query_one(f"#{pane_id}").border_title = f"{PANE_TITLES[pane_id]} · {times_in(zone)}"

    def retitle(self, old: str, new: str) -> None:
        """The app's part of the header changed (a sync): say the new one."""
        shown = self.sub_title or ""
        if old and old != new and shown.endswith(old):
            self.sub_title = shown[:len(shown) - len(old)] + new
        self._titled_with = new

    def fill(self) -> None:
        """Draw the screen from the app's portfolio and the deal in focus."""

    def keep_drafts(self) -> None:
        """Write anything typed but not yet saved where it can be offered back; the app is
        about to end."""

    def resume(self) -> None:
        """The screen is shown again after another one."""
        self.fill()

    def deal_changed(self) -> None:
        """Another deal came into focus."""
        self.fill()

    def _style_context(self) -> tuple[object, ...]:
        """What the styles of a screen left alone depend on from outside it."""
        app = self.app
        return app.theme, app.pseudo_classes

    def on_screen_suspend(self) -> None:
        self._styled_in = self._style_context()
        self._showing = False

    def on_screen_resume(self, event: ScreenResume) -> None:
        if self._showing:
            # Textual announces a main screen shown for the first time twice (as its mode
            # is made, then as it is switched to): styled and drawn once is enough.
            event.refresh_styles = False
            return
        self._showing = True
        # Textual styles the whole screen again when it comes back (this handler runs
        # before its own); that also throws away every table's drawn rows. Nothing it
        # depends on changed if the theme and the app's state are those it was left in:
        # what changed on the screen meanwhile was styled when it changed.
        if self._shown_before and getattr(self, "_styled_in", None) == self._style_context():
            event.refresh_styles = False
        # The first showing follows on_mount, which has just drawn the screen.
        self.retitle(getattr(self, "_titled_with", ""), self.negtui.sub_title)
        if self._shown_before:
            self.resume()
        self._shown_before = True

    def on_portfolio_reloaded(self, _: PortfolioReloaded) -> None:
        self.fill()

    def on_deal_focused(self, _: DealFocused) -> None:
        self.deal_changed()
