"""Command palette entries built from the current portfolio: jump to a deal or a screen."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from negtui.domain.text import visible
from negtui.ui.keys import SCREENS
from negtui.ui.sync_now import start_sync

if TYPE_CHECKING:
    from negtui.ui.app import NegtuiApp


class NegtuiCommands(Provider):
    def _entries(self) -> list[tuple[str, Callable[[], object], str]]:
        app = cast("NegtuiApp", self.app)
        entries: list[tuple[str, Callable[[], object], str]] = [
            (f"Go to {title}", partial(app.show_screen, mode), f"screen {key}")
            for key, mode, title in SCREENS
        ]
        entries.append(("Go to people across deals", partial(_people, app),
                        "p on the portfolio"))
        entries += self._preparation(app)
        for deal in sorted(app.session.glance().deals(), key=lambda d: d.name.casefold()):
            # The palette reads labels and help as markup: names are escaped, and their
            # control characters shown as marks.
            entries.append((f"Deal: {visible(deal.name)}", partial(app.open_deal, deal.id),
                            escape(visible(f"{deal.counterparty} · {deal.status}"))))
        entries.append(("Reload data from disk", app.action_reload, "ctrl+r"))
        entries.append(("Sync now", partial(start_sync, app),
                        "share this folder with the team (negtui sync)"))
        return entries

    def _preparation(self, app: NegtuiApp) -> list[tuple[str, Callable[[], object], str]]:
        """Each preparation record of the deal in focus, opened as its workspace key does."""
        from negtui.ui.screens.base import NegtuiScreen
        from negtui.ui.screens.preparation import PREPARATION, open_workspace

        deal = app.session.current_deal()
        screen = self.screen  # the one the palette was opened over
        if deal is None or not isinstance(screen, NegtuiScreen):
            return []
        name = visible(deal.name)
        entries: list[tuple[str, Callable[[], object], str]] = [
            (f"Open workspace — {name}", partial(open_workspace, screen, deal.id),
             "enter on the portfolio")]
        entries += [(f"{record.command} — {name}", partial(record.open, screen, deal.id),
                     f"{record.key} on the workspace") for record in PREPARATION]
        return entries

    async def discover(self) -> Hits:
        for label, callback, help_text in self._entries():
            yield DiscoveryHit(Content(label), callback, text=label, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, callback, help_text in self._entries():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, _highlight(matcher, label), callback, text=label,
                          help=help_text)


def _people(app: NegtuiApp) -> None:
    from negtui.ui.screens.people import PeopleScreen

    app.open_over("people", PeopleScreen)


def _highlight(matcher: Matcher, label: str) -> Content:
    """The label as it is, the letters the query matched in reverse."""
    content = Content(label)
    _, offsets = matcher.fuzzy_search.match(matcher.query, label)
    for offset in offsets:
        if not label[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
