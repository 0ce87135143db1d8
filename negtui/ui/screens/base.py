"""What every negtui screen shares: typed access to the app, and redrawing when the data
or the deal in focus changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, cast

from textual.screen import Screen

from negtui.actions.session import Session
from negtui.store import Store
from negtui.ui import saving
from negtui.ui.messages import DealFocused, PortfolioReloaded
from negtui.ui.panes import name_panes


class HasSession(saving.Notifies, Protocol):
    """What screens and forms may use of the app besides Textual's own."""

    session: Session
    sub_title: str

    def open_deal(self, deal_id: str) -> None: ...

    def show_screen(self, mode: str) -> None: ...


def session_of(app: object) -> Session:
    return cast(HasSession, app).session


class NegtuiScreen(Screen[None]):
    """Subclasses draw themselves in ``fill``; the handlers here call it at the right times.

    Textual runs a message handler of every class in the hierarchy, so subclasses
    customise through ``fill``, ``resume`` and ``deal_changed`` rather than defining the
    handlers again (which would draw twice).
    """

    SCREEN_TITLE = ""
    _shown_before = False

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

    def on_mount(self) -> None:
        name_panes(self)
        # The header always names the data folder, so two windows are never confused.
        # (Runs after the subclass's own on_mount, which may have named a deal already.)
        if not self.sub_title:
            self.sub_title = f"{self.SCREEN_TITLE} — {self.negtui.sub_title}"

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

    def on_screen_resume(self) -> None:
        # The first showing follows on_mount, which has just drawn the screen.
        if self._shown_before:
            self.resume()
        self._shown_before = True

    def on_portfolio_reloaded(self, _: PortfolioReloaded) -> None:
        self.fill()

    def on_deal_focused(self, _: DealFocused) -> None:
        self.deal_changed()
