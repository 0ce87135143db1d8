"""Command palette entries built from the current portfolio: jump to a deal or a screen."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from negtui.ui.keys import SCREENS

if TYPE_CHECKING:
    from negtui.ui.app import NegtuiApp


class NegtuiCommands(Provider):
    def _entries(self) -> list[tuple[str, Callable[[], object], str]]:
        app = cast("NegtuiApp", self.app)
        entries: list[tuple[str, Callable[[], object], str]] = [
            (f"Go to {title}", partial(app.show_screen, mode), f"screen {key}")
            for key, mode, title in SCREENS
        ]
        for deal in sorted(app.session.portfolio.deals(), key=lambda d: d.name.casefold()):
            entries.append((f"Deal: {deal.name}", partial(app.open_deal, deal.id),
                            f"{deal.counterparty} · {deal.status}"))
        entries.append(("Reload data from disk", app.action_reload, "ctrl+r"))
        return entries

    async def discover(self) -> Hits:
        for label, callback, help_text in self._entries():
            yield DiscoveryHit(label, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, callback, help_text in self._entries():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), callback, help=help_text)
