"""The negtui application: screens, global keys, the command palette, clean shutdown."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding

from negtui.domain.book import DealBook
from negtui.domain.checklist import checklist_progress
from negtui.domain.clock import Clock, system_clock
from negtui.domain.models import Deal
from negtui.store import Portfolio, Store, StoreError
from negtui.ui.commands import NegtuiCommands
from negtui.ui.keyorder import KeyOrder
from negtui.ui.keys import APP_BINDINGS
from negtui.ui.messages import DealFocused, PortfolioReloaded
from negtui.ui.screens.calendar import CalendarScreen
from negtui.ui.screens.checklist import ChecklistScreen
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.screens.help import HelpScreen
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.shutdown import HangupGuard
from negtui.ui.undo import UndoStack

# How often the folder is checked for changes made by another process.
WATCH_INTERVAL_S = 2.0


def _short(path: Path) -> str:
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)


class NegtuiApp(App[int]):
    # One stylesheet for the shell and shared widgets, one beside each screen module.
    CSS_PATH = ["negtui.tcss", "screens/calendar.tcss", "screens/concessions.tcss",
                "screens/all_concessions.tcss", "screens/terms.tcss", "screens/checklist.tcss"]
    TITLE = "negtui"
    BINDINGS = APP_BINDINGS
    COMMANDS = App.COMMANDS | {NegtuiCommands}
    MODES = {
        "portfolio": PortfolioScreen,
        "terms": TermsScreen,
        "concessions": ConcessionsScreen,
        "calendar": CalendarScreen,
        "checklist": ChecklistScreen,
    }

    def __init__(self, store: Store, clock: Clock = system_clock) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.portfolio: Portfolio = store.load()
        self._signature = store.signature()
        self.current_deal_id: str | None = None
        self.undo = UndoStack()
        self._hangup = HangupGuard()
        self._key_order = KeyOrder(self)
        self.sub_title = _short(store.root) + (" · READ-ONLY" if store.read_only else "")

    def on_mount(self) -> None:
        self._install_signal_handlers()
        self.switch_mode("portfolio")
        self.set_interval(WATCH_INTERVAL_S, self.check_for_changes)

    def _install_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()

        def request_exit(status: int) -> None:
            loop.call_soon_threadsafe(partial(self.exit, return_code=status))

        self._hangup.install(request_exit)

    # Keys that arrive in one burst (fast typing, a paste, a slow SSH link) are handled one
    # at a time, each once the app has settled after the one before (see keyorder).

    def pop_screen(self) -> AwaitComplete:
        return self._key_order.leaving(super().pop_screen())

    async def on_event(self, event: events.Event) -> None:
        if not self._key_order.holds(event):
            await super().on_event(event)

    def on_unmount(self) -> None:
        self._key_order.stop()

    # The deal in focus, shared by every screen

    def current_book(self) -> DealBook | None:
        return self.portfolio.books.get(self.current_deal_id or "")

    def current_deal(self) -> Deal | None:
        book = self.current_book()
        return book.deal if book else None

    def checklist_progress(self, book: DealBook) -> tuple[int, int]:
        """Checklist items done and in all, for the portfolio table."""
        return checklist_progress(book, self.portfolio.settings)

    # Saving: the write reaches disk first; only then does the screen say so.

    def save(self, write: Callable[[Store], object], done: str | None = "Saved") -> bool:
        """Run one store write; on success re-read what changed and tell the screen.

        A failed write leaves the files as they were and says why; returns False.
        """
        try:
            write(self.store)
        except StoreError as error:
            self.notify("\n".join(str(p) for p in error.problems[:3]), title="Not saved",
                        severity="error", timeout=8)
            return False
        self.check_for_changes()
        if done:
            self.notify(done, timeout=2)
        return True

    def open_deal(self, deal_id: str) -> None:
        if deal_id in self.portfolio.books:
            self.current_deal_id = deal_id
            self.notify(f"Deal in focus: {self.portfolio.books[deal_id].deal.name}", timeout=2)
            if self.current_mode == "portfolio":
                self.screen.post_message(DealFocused())
            else:
                self.show_screen("portfolio")

    # Moving around

    def show_screen(self, mode: str) -> None:
        self.check_for_changes()
        self.switch_mode(mode)

    def action_show_screen(self, mode: str) -> None:
        self.show_screen(mode)

    async def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            await self.pop_screen()
        elif self.current_mode != "portfolio":
            self.show_screen("portfolio")

    def action_help(self) -> None:
        # The screen's own keys first, then those that work everywhere, then moving about.
        by_action: dict[tuple[str, str], list[str]] = {}
        rank: dict[tuple[str, str], int] = {}
        for active in self.screen.active_bindings.values():
            binding: Binding = active.binding
            if not binding.description:
                continue
            entry = (binding.action, binding.description)
            by_action.setdefault(entry, []).append(self.get_key_display(binding))
            rank[entry] = 0 if active.node is self.screen else 1 if active.node is self else 2
        ordered = sorted(by_action, key=lambda entry: rank[entry])
        keys = [(" / ".join(by_action[entry]), entry[1]) for entry in ordered]
        title = self.current_mode.title()
        self.push_screen(HelpScreen(title, keys))

    # Noticing changes on disk

    def check_for_changes(self) -> None:
        signature = self.store.signature()
        if signature == self._signature:
            return
        changed = {
            path for path in signature.keys() | self._signature.keys()
            if signature.get(path) != self._signature.get(path)
        }
        self._signature = signature
        self.portfolio = self.store.refresh(self.portfolio, changed)
        self.screen.post_message(PortfolioReloaded())

    def action_reload(self) -> None:
        self._signature = {}
        self.check_for_changes()
        self.notify("Reloaded from disk", timeout=2)


def build_app(folder: Path | str, clock: Clock = system_clock) -> NegtuiApp:
    """The one way to make the app, for the command line and the tests alike."""
    return NegtuiApp(Store(folder, clock).open(), clock)


def run_app(folder: Path | str, clock: Clock = system_clock) -> int:
    try:
        app = build_app(folder, clock)
    except StoreError as error:
        for problem in error.problems:
            print(f"negtui: {problem}", file=sys.stderr)
        return 1
    app.run()
    return app.return_code or 0
