"""Screens still to be built: they name the deal in focus and say what will live there."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.widgets import Footer, Header, Static

from negtui.ui.messages import PortfolioReloaded
from negtui.ui.screens.base import NegtuiScreen


class PlaceholderScreen(NegtuiScreen):
    def __init__(self, title: str, purpose: str) -> None:
        super().__init__()
        self.screen_title = title
        self.purpose = purpose

    def compose(self) -> ComposeResult:
        yield Header()
        with Middle(), Center():
            yield Static(id="placeholder", classes="placeholder")
        yield Footer()

    def on_mount(self) -> None:
        self.SCREEN_TITLE = self.screen_title
        super().on_mount()
        self._render_text()

    def on_screen_resume(self) -> None:
        self._render_text()

    def on_portfolio_reloaded(self, _: PortfolioReloaded) -> None:
        self._render_text()

    def _render_text(self) -> None:
        deal = self.negtui.current_deal()
        focus = f"Deal in focus: {deal.name}" if deal else "No deal in focus yet."
        self.query_one("#placeholder", Static).update(
            f"[b]{self.screen_title}[/b]\n\n{self.purpose}\n\n{focus}\n\n"
            "This screen is not built yet. Press 1 for the portfolio."
        )
