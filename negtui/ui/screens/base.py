"""What every negtui screen shares: typed access to the app, and redrawing when the data
or the deal in focus changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

from negtui.ui.messages import DealFocused, PortfolioReloaded

if TYPE_CHECKING:
    from negtui.ui.app import NegtuiApp


class NegtuiScreen(Screen[None]):
    """Subclasses draw themselves in ``fill``; the handlers here call it at the right times.

    Textual runs a message handler of every class in the hierarchy, so subclasses
    customise through ``fill``, ``resume`` and ``deal_changed`` rather than defining the
    handlers again (which would draw twice).
    """

    SCREEN_TITLE = ""
    _shown_before = False

    @property
    def negtui(self) -> NegtuiApp:
        return cast("NegtuiApp", self.app)

    def on_mount(self) -> None:
        # The header always names the data folder, so two windows are never confused.
        # (Runs after the subclass's own on_mount, which may have named a deal already.)
        if not self.sub_title:
            self.sub_title = f"{self.SCREEN_TITLE} — {self.negtui.sub_title}"

    def fill(self) -> None:
        """Draw the screen from the app's portfolio and the deal in focus."""

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
