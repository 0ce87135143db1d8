"""The command palette: every key help lists for the screen underneath, run as the key
would run it, each shown with its key; then what works from anywhere (the screens, a new
deal, settings, the views across deals, sync, theme) and the deals themselves."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from negtui.domain.text import visible
from negtui.ui import saving
from negtui.ui.screens.help import key_display, says, screen_keys
from negtui.ui.sync_now import start_sync
from negtui.ui.widgets.footer import PaletteFooter

if TYPE_CHECKING:
    from negtui.ui.app import NegtuiApp


@dataclass(frozen=True)
class Entry:
    label: str
    run: Callable[[], object]
    key: str = ""
    """The key that does the same on this screen, shown beside the label."""
    note: str = ""
    """A second line: where the key works, or what the entry is."""


# Commands whose key lives on one main screen, offered from every screen: on that screen
# they are its key; elsewhere the palette goes there first. (binding id, mode, label)
ELSEWHERE = [
    ("portfolio.new", "portfolio", ""),
    ("portfolio.settings", "portfolio", ""),
    ("portfolio.people", "portfolio", "Go to people across deals"),
    ("terms.all", "terms", ""),
    ("concessions.all", "concessions", ""),
]
SCREEN_CLASSES = {
    "portfolio": ("negtui.ui.screens.portfolio", "PortfolioScreen"),
    "terms": ("negtui.ui.screens.terms", "TermsScreen"),
    "concessions": ("negtui.ui.screens.concessions", "ConcessionsScreen"),
}
LEFT_OUT = {"app.palette"}
"""Keys help lists that the palette does not offer (opening the palette from itself)."""


def _binding(mode: str, binding_id: str) -> Binding:
    module, name = SCREEN_CLASSES[mode]
    screen_class = getattr(importlib.import_module(module), name)
    return next(b for b in screen_class.BINDINGS
                if isinstance(b, Binding) and b.id == binding_id)


def _title(mode: str) -> str:
    from negtui.ui.keys import SCREENS

    return next(title for _, name, title in SCREENS if name == mode)


async def _there(app: NegtuiApp, mode: str, action: str) -> None:
    """Show the main screen ``mode``, then run its ``action`` once it is up."""
    if action == "settings":  # settings change nothing on the screen: open them here
        from negtui.ui.screens.settings_form import settings_form

        app.push_screen(settings_form(app))
        return
    app.show_screen(mode)
    screen = app.screen
    screen.call_later(screen.run_action, action)


def _workspace(app: NegtuiApp, deal_id: str) -> None:
    """Open the deal's workspace over the main screen the palette was opened on, as
    ``enter`` on the portfolio does: the deal's own place, not the list of deals."""
    from negtui.ui.screens.workspace import WorkspaceScreen

    if deal_id in app.session.glance().books:
        app.open_over("workspace", WorkspaceScreen, deal_id)


class NegtuiCommands(Provider):
    def _entries(self) -> list[Entry]:
        app = cast("NegtuiApp", self.app)
        screen = self.screen  # the one the palette was opened over
        keys = screen_keys(app, screen)
        elsewhere_ids = {binding_id for binding_id, _, _ in ELSEWHERE}
        entries: list[Entry] = []
        for key in keys:
            if key.id is None or key.id in LEFT_OUT or key.id in elsewhere_ids:
                continue  # Textual's own moves, or offered below
            label = f"Go to {key.says}" if key.id.startswith("screen.") else key.says
            entries.append(Entry(label, partial(app.run_action, key.action, key.node),
                                 key.keys))
        by_id = {key.id: key for key in keys}
        for binding_id, mode, label in ELSEWHERE:
            binding = _binding(mode, binding_id)
            label = label or says(binding)
            here = by_id.get(binding_id)
            if here is not None:
                entries.append(Entry(label, partial(app.run_action, here.action, here.node),
                                     here.keys))
            else:
                entries.append(Entry(label, partial(_there, app, mode, binding.action),
                                     key_display(app, binding), f"on {_title(mode)}"))
        if not any(key.action == "undo" for key in keys):
            entries.append(Entry("Undo", partial(saving.undo, app, app.session),
                                 key_display(app, _app_binding("app.undo")),
                                 "the last change in this window"))
        entries += self._preparation(app, {key.action for key in keys})
        for deal in sorted(app.session.glance().deals(), key=lambda d: d.name.casefold()):
            # The palette reads help as markup: names are escaped, and their control
            # characters shown as marks.
            entries.append(Entry(f"Deal: {visible(deal.name)}", partial(_workspace, app, deal.id),
                                 note=escape(visible(f"{deal.counterparty} · {deal.status}"))))
        entries.append(Entry("Sync now", partial(start_sync, app),
                             note="share this folder with the team (negtui sync)"))
        entries.append(Entry("Theme", app.action_change_theme,
                             note="choose the colours (kept in the config file)"))
        return entries

    def _preparation(self, app: NegtuiApp, here: set[str]) -> list[Entry]:
        """Each preparation record of the deal in focus, opened as its workspace key does;
        on the workspace, whose own keys (actions ``here``) are listed already, only once."""
        from negtui.ui.screens.base import NegtuiScreen
        from negtui.ui.screens.preparation import PREPARATION, open_workspace

        deal = app.session.current_deal()
        screen = self.screen
        if deal is None or not isinstance(screen, NegtuiScreen):
            return []
        name = visible(deal.name)
        entries = [Entry(f"Open workspace — {name}", partial(open_workspace, screen, deal.id),
                         app.get_key_display(Binding("enter", "")), "on the portfolio")]
        entries += [Entry(f"{record.command} — {name}", partial(record.open, screen, deal.id),
                          record.key, "on the deal workspace") for record in PREPARATION
                    if f"prepare('{record.name}')" not in here]
        return entries

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(_shown(Content(entry.label), entry), entry.run,
                               text=entry.label, help=entry.note or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            score = matcher.match(entry.label)
            if score > 0:
                yield Hit(score, _shown(_highlight(matcher, entry.label), entry), entry.run,
                          text=entry.label, help=entry.note or None)


def _app_binding(binding_id: str) -> Binding:
    from negtui.ui.keys import APP_BINDINGS

    return next(b for b in APP_BINDINGS if isinstance(b, Binding) and b.id == binding_id)


def _shown(label: Content, entry: Entry) -> Content:
    """The label, then its key, so the palette teaches the keys."""
    if not entry.key:
        return label
    return Content.assemble(label, "  ", (entry.key, "bold $text-accent"))


def _highlight(matcher: Matcher, label: str) -> Content:
    """The label as it is, the letters the query matched in reverse."""
    content = Content(label)
    _, offsets = matcher.fuzzy_search.match(matcher.query, label)
    for offset in offsets:
        if not label[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class Palette(CommandPalette):
    """Textual's command palette, with a footer of the keys that work in it over the
    footer of the screen it was opened from."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield PaletteFooter()
