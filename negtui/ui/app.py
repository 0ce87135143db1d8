"""The negtui application: screens, global keys, the command palette, clean shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from textual import events
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.content import Content
from textual.driver import Driver
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import Screen

from negtui.actions.session import Session
from negtui.domain.clock import Clock, system_clock
from negtui.domain.config import ConfigRead, UserConfig
from negtui.domain.dates import moment_in
from negtui.domain.text import visible
from negtui.store import Store, StoreError
from negtui.store.config import first_settings, load_config
from negtui.ui import saving
from negtui.ui.commands import NegtuiCommands, Palette
from negtui.ui.keyorder import KeyOrder
from negtui.ui.keys import APP_BINDINGS, bound_key
from negtui.ui.messages import DealFocused, PortfolioReloaded
from negtui.ui.palette import theme_colour
from negtui.ui.places import History, Place
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.screens.help import HelpScreen, screen_keys
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.shutdown import HangupGuard
from negtui.ui.sync_now import synced_label
from negtui.ui.theming import ThemedApp, short_path
from negtui.ui.widgets.shown import ControlFilter

# How often the folder is checked for changes made by another process.
WATCH_INTERVAL_S = 2.0
# How long after the first frame the files are read in full.
READ_AFTER_PAINT_S = 0.3


def _screen(module: str, name: str) -> Callable[[], Screen[None]]:
    """A main screen imported only when it is first shown: the Portfolio is painted
    without waiting for the code of the others (they are imported after it)."""

    def make() -> Screen[None]:
        made: Screen[None] = getattr(importlib.import_module(module), name)()
        return made

    return make


# The main screens other than the Portfolio, by mode.
LATER_SCREENS = {
    "terms": ("negtui.ui.screens.terms", "TermsScreen"),
    "concessions": ("negtui.ui.screens.concessions", "ConcessionsScreen"),
    "calendar": ("negtui.ui.screens.calendar", "CalendarScreen"),
    "checklist": ("negtui.ui.screens.checklist", "ChecklistScreen"),
}


class NegtuiApp(ThemedApp):
    # One stylesheet for the shell and shared widgets, one beside each screen module.
    CSS_PATH = ["negtui.tcss", "screens/calendar.tcss", "screens/concessions.tcss",
                "screens/all_concessions.tcss", "screens/terms.tcss", "screens/checklist.tcss"]
    TITLE = "negtui"
    # A tall window gives the spare rows to what a short one cuts (the CSS says where).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = APP_BINDINGS
    # Textual's own commands are given by NegtuiCommands, less those of little use here.
    COMMANDS = {NegtuiCommands}
    # The app opens on the Portfolio itself, not on a blank screen switched away from:
    # that would style the whole app twice more before the first paint.
    DEFAULT_MODE = "portfolio"
    MODES = {
        "portfolio": PortfolioScreen,
        **{mode: _screen(*where) for mode, where in LATER_SCREENS.items()},
    }

    def __init__(self, store: Store, clock: Clock = system_clock,
                 config: ConfigRead | None = None, config_file: Path | None = None) -> None:
        super().__init__()
        self.config = config or ConfigRead(UserConfig())
        self.config_file = config_file
        self._today: date | None = None
        """The day on screen, in the portfolio's zone; a new one redraws the screen."""
        self.set_keymap(self.config.config.keys)
        # q says how to quit only while the user has not given q to something else.
        self._q_given = any("q" in keys.replace(" ", "").split(",")
                            for binding_id, keys in self.config.config.keys.items()
                            if binding_id != "app.how_to_quit")
        # No cyclic collection until the first screen is painted (``_painted``): nearly
        # everything made until then (the portfolio, the screen, its widgets and rows)
        # lasts the whole session, so the collector would walk ever more objects again
        # and again to free almost nothing; the start spent about as long collecting as
        # a bare Textual app takes to paint a table of the same size.
        gc.disable()
        self.session = Session(store, clock, glance=True)
        self.session.on_reload(self._reloaded)
        self.session.on_focus(self._deal_focused)
        self._hangup = HangupGuard()
        self._key_order = KeyOrder(self)
        self.history = History()
        self._control_filter = ControlFilter()
        self.sub_title = visible(short_path(store.root)) + (" · READ-ONLY" if store.read_only
                                                         else "") + synced_label(store.root)

    # Nothing from the data reaches the terminal as a command: the widgets in
    # widgets/shown.py draw control characters as marks, the filter drops any left.

    def format_title(self, title: str, sub_title: str) -> Content:
        # Textual dims the sub-title, below 4.5:1 on a light theme's panel.
        if not sub_title:
            return Content(title)
        muted = theme_colour("foreground 75%", readable=True)
        return Content.assemble(title, (" — ", muted), (sub_title, muted))

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), self._control_filter]

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Messages quote names and file names: always shown literally (a screen's own
        notify asks for markup by default), control characters as marks."""
        super().notify(visible(message, multiline=True), title=visible(title),
                       severity=severity, timeout=timeout, markup=False)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._keep_theme)
        for problem in self.config.problems:
            self.notify(f"{self.config_file}:{problem.line}: {problem.message}",
                        title="Config file: left out, defaults used", severity="warning",
                        timeout=10)
        self._install_signal_handlers()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._see_a_new_day()  # the day the app opened on
        self.set_interval(WATCH_INTERVAL_S, self._look_for_changes)
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        # What the start made stays for the whole session: frozen, the collector, back
        # on, never walks it again.
        gc.freeze()
        gc.enable()
        # Then, in a thread, the other screens' code is imported, every file read in full
        # (if some came from summaries) and the summaries due written: a moment after the
        # first frame, so as not to take turns with the table drawing itself again.
        self.set_timer(READ_AFTER_PAINT_S, self._read_in_full)

    def _read_in_full(self) -> None:
        def read() -> None:
            for module, _ in LATER_SCREENS.values():
                if not self.session.reading_may_go_on():
                    return
                importlib.import_module(module)  # before the user asks for it
            self.session.read_in_full()
            if self.session.complete:
                return
            # The app may have ended meanwhile.
            if self.is_running:
                with contextlib.suppress(RuntimeError):
                    self.call_from_thread(self.session.settle)

        # Not a daemon: the interpreter would stop a daemon thread wherever it is as it
        # ends, and one stopped inside the validator's compiled code aborts the process.
        # Quitting asks this one to give up at its next file instead (on_unmount).
        threading.Thread(target=read, name="negtui-full-read").start()

    def _install_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()

        def request_exit(status: int) -> None:
            loop.call_soon_threadsafe(self._exit_on_signal, status)

        self._hangup.install(request_exit)

    def _exit_on_signal(self, status: int) -> None:
        # Everything confirmed is on disk already; only a half-typed line may not be.
        for screen in self.screen_stack:
            if isinstance(screen, NegtuiScreen):
                screen.keep_drafts()
        self.exit(return_code=status)

    # Keys that arrive in one burst (fast typing, a paste, a slow SSH link) are handled one
    # at a time, each once the app has settled after the one before (see keyorder).

    def pop_screen(self) -> AwaitComplete:
        return self._key_order.leaving(super().pop_screen())

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Compose):
            # Before the Portfolio (the first mode) is made and drawn in those colours.
            self._choose_theme()
        if not (self._key_order.holds(event) or self._key_order.sets_aside(event)):
            await super().on_event(event)

    def type_again(self, key: events.Key) -> None:
        """Handle ``key`` once more, next, before the keys typed after it."""
        self._key_order.again(key)

    def on_unmount(self) -> None:
        gc.enable()  # also when the app ends before its first paint
        self._key_order.stop()
        self.session.stop_reading()
        self.session.keep_summaries()

    async def _press_keys(self, keys: Iterable[str]) -> None:
        # Pilot.press sends keys here, then waits only for what is queued on the screen;
        # a key still waiting its turn is not, so wait until none is (tests only).
        await super()._press_keys(keys)
        await self._key_order.drained()

    # The deal in focus, shared by every screen

    def _reloaded(self) -> None:
        self.screen.post_message(PortfolioReloaded())

    def _deal_focused(self) -> None:
        if self.current_mode == "portfolio":
            self.screen.post_message(DealFocused())

    def open_deal(self, deal_id: str) -> None:
        """Bring a deal into focus from anywhere and show it on the portfolio."""
        books = self.session.portfolio.books
        if deal_id in books:
            self.session.focus(deal_id)
            self.notify(f"Deal in focus: {books[deal_id].deal.name}", timeout=2)
            self.show_screen("portfolio")

    # Moving around: every move to another place is remembered, and escape goes back

    def here(self) -> Place:
        """The place on screen: the top screen opened as a place, else the main screen."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, NegtuiScreen) and screen.place is not None:
                return screen.place
        return Place(self.current_mode)

    def go(self, place: Place) -> None:
        """Show ``place``, remembering the one left."""
        here = self.here()
        if here.same(place):
            return
        self.history.left(here)
        self._show(place)

    def _usable(self, place: Place) -> bool:
        return place.deal_id is None or place.deal_id in self.session.glance().books

    def _show(self, place: Place) -> None:
        # A full read still under way in a thread would take turns with the new screen
        # being built and drawn: it waits for the first frame.
        self.session.hold_reading()
        self.call_after_refresh(self.session.go_on_reading)
        self.session.reload()
        if place.deal_id is not None and place.deal_id != self.session.deal_id:
            self.session.focus(place.deal_id)
        # The screens over the main one are left; the history can make them again.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.switch_mode(place.mode)
        if place.make is not None:
            screen = place.make()
            if isinstance(screen, NegtuiScreen):
                screen.place = place
            self.push_screen(screen)

    def open_over(self, key: str, make: Callable[[], Screen[None]],
                  deal_id: str | None = None) -> None:
        """Open a screen over the main screen the user is on, as a place of its own."""
        self.go(Place(self.current_mode, key, make, deal_id))

    def show_screen(self, mode: str) -> None:
        self.go(Place(mode))

    def action_show_screen(self, mode: str) -> None:
        self.show_screen(mode)

    async def action_back(self) -> None:
        if len(self.screen_stack) > 1 and not (
                isinstance(self.screen, NegtuiScreen) and self.screen.place is not None):
            await self.pop_screen()  # a screen opened without a place of its own
            return
        place = self.history.back(self.here(), self._usable)
        if place is not None:
            self._show(place)
        elif len(self.screen_stack) > 1:
            await self.pop_screen()
        elif self.current_mode != "portfolio":
            self._show(Place("portfolio"))

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if driver.__name__ == "WebDriver":  # started by `negtui serve` for a browser
            from negtui.ui.served_driver import ServedDriver

            return ServedDriver
        return driver

    def in_footer(self, action: str) -> bool:
        """Whether the footer offers ``action`` now: undo once there is something to undo
        (the key still answers, saying there is nothing)."""
        return action != "undo" or bool(self.session.undo)

    def action_undo(self) -> None:
        saving.undo(self, self.session)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "how_to_quit" and self._q_given:
            return False
        return super().check_action(action, parameters)

    def action_how_to_quit(self) -> None:
        quit_key = bound_key(self.screen, "app.quit", "ctrl+q")
        self.notify(f"{quit_key} quits negtui (everything is saved as you go)",
                    title="To quit", timeout=4)

    def action_command_palette(self) -> None:
        # Textual's palette, with a footer of its own keys.
        if self.use_command_palette and not isinstance(self.screen, Palette):
            self.push_screen(Palette(id="--command-palette"))

    def action_help(self) -> None:
        screen = self.screen
        # A dialog's keys are worded as its buttons and footer word them ("y Delete").
        worded: dict[str, str] = getattr(screen, "footer_words", dict)()
        keys = [(key.keys, worded.get(key.id or "", key.says))
                for key in screen_keys(self, screen, resting=True)]
        if isinstance(screen, NegtuiScreen):
            # A key among them is shown as the footer shows keys (⏎ for enter).
            keys += [(self.get_key_display(Binding(key, "")) if key.isidentifier() else key,
                      says) for key, says in screen.HELP_LINES]
        # A form or a question is named by its own title.
        title = (screen.SCREEN_TITLE if isinstance(screen, NegtuiScreen) and screen.SCREEN_TITLE
                 else getattr(screen, "help_title", "") or self.current_mode.title())
        self.push_screen(HelpScreen(title, keys))

    # Another window, the command line or a sync may change the folder: it is looked at in
    # a thread, and what it found is used on the screen's side only if nothing was saved
    # here meanwhile.

    def _look_for_changes(self) -> None:
        self._see_a_new_day()
        self.run_worker(self._scan, thread=True, exclusive=True, group="watch",
                        exit_on_error=False)

    def _see_a_new_day(self) -> None:
        """"Today" and "tomorrow" on screen move on at midnight, in the portfolio's zone."""
        today = moment_in(self.session.clock(), self.session.settings.timezone).date()
        if self._today is not None and today != self._today:
            self.screen.post_message(PortfolioReloaded())
        self._today = today

    def _scan(self) -> None:
        self.session.keep_summaries()  # those of files written since the last look
        scan = self.session.scan()
        if scan is not None:
            self.call_from_thread(self.session.take, scan)

    def action_reload(self) -> None:
        self.session.forget_signatures()
        self.session.reload()
        self.notify("Reloaded from disk", timeout=2)


def build_app(folder: Path | str, clock: Clock = system_clock) -> NegtuiApp:
    """The one way to make the app, for the command line and the tests alike; the user's
    config file is read here, and what is wrong in it left out."""
    from negtui.locations import config_path
    from negtui.ui.keymap import config_rules

    path = config_path()
    config = load_config(path, config_rules())
    store = Store(folder, clock)
    store.first_settings = first_settings(config.config)
    return NegtuiApp(store.open(), clock, config, path)


def run_app(folder: Path | str, clock: Clock = system_clock) -> int:
    try:
        app = build_app(folder, clock)
    except StoreError as error:
        for problem in error.problems:
            print(f"negtui: {problem}", file=sys.stderr)
        return 1
    app.run()
    return app.return_code or 0
