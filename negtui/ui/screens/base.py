"""What every negtui screen shares: typed access to the app and its data."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from negtui.ui.app import NegtuiApp


class NegtuiScreen(Screen[None]):
    SCREEN_TITLE = ""

    def on_mount(self) -> None:
        # The header always names the data folder, so two windows are never confused.
        self.sub_title = f"{self.SCREEN_TITLE} — {self.negtui.sub_title}"
    @property
    def negtui(self) -> NegtuiApp:
        return cast("NegtuiApp", self.app)
