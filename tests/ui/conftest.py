"""Fixtures for driving the app: a demo portfolio on a fixed clock, under a fake home."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Input, TextArea
from textual.widgets._footer import FooterKey

from negtui.demo import demo_portfolio
from negtui.domain.clock import Clock, fixed_clock
from negtui.store import Store
from negtui.ui.app import NegtuiApp, build_app
from negtui.ui.screens.records import EDITORS
from negtui.ui.screens.records.editor import RecordEditorScreen
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.widgets.form import FormScreen
from tests.ui.keyboard import LIMIT_S

ScreenType = TypeVar("ScreenType", bound=Screen[Any])

# A Monday morning; demo dates are computed from it, so every screenshot is stable.
NOW = "2026-11-23T09:30:00+00:00"
SMALL = (80, 24)
LARGE = (120, 40)


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """No field blinks its cursor, also those a key opens after ``run_before``: on a busy
    machine a screenshot may otherwise be taken in either half of the blink."""
    for widget in (Input, TextArea):
        still: reactive[bool] = reactive(False, init=False)
        still.__set_name__(widget, "cursor_blink")
        monkeypatch.setattr(widget, "cursor_blink", still)


@pytest.fixture
def clock() -> Clock:
    return fixed_clock(NOW)


@pytest.fixture(autouse=True)
def fake_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The header shows the folder relative to home: keep it the same in every run."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


@pytest.fixture
def demo_folder(fake_home: Path, clock: Clock) -> Path:
    folder = fake_home / "demo"
    store = Store(folder, clock).open()
    settings, books = demo_portfolio(clock)
    store.save_settings(settings)
    for book in books:
        store.write_book(book)
    return folder


@pytest.fixture
def empty_folder(fake_home: Path) -> Path:
    return fake_home / "deals"


@pytest.fixture
def make_app(clock: Clock) -> Callable[[Path], NegtuiApp]:
    def make(folder: Path) -> NegtuiApp:
        return build_app(folder, clock)

    return make


async def steady(pilot: Pilot[object]) -> None:
    """Switch off cursor blink so a screenshot does not depend on timing."""
    for field in pilot.app.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def until(pilot: Pilot[object], condition: Callable[[], object],
                timeout: float = 30.0) -> None:
    """Let the app run until ``condition()`` holds; fail after ``timeout`` seconds.

    For what a screen draws after the key that opened it has been handled: reading it at
    once passes on an idle machine and fails beside a busy one.
    """
    import time

    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"still not true after {timeout} s: {condition}")
        await pilot.pause(0.01)


def terminal_rows(app: NegtuiApp) -> list[str]:
    """The rows of the terminal, as a user reads them."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False,
                      safe_box=False)
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return console.export_text().splitlines()


def screen_lines(app: NegtuiApp) -> list[str]:
    """The screen's rows as a terminal shows them, without the frame around a pane."""
    return [line.removeprefix("│").removesuffix("│") for line in terminal_rows(app)]


def screen_text(app: NegtuiApp) -> str:
    return "\n".join(screen_lines(app))


def help_rows(screen: Screen[Any]) -> list[tuple[str, str]]:
    """Every key and what it does as help lists them, in reading order, whether it sets
    them in one pair of columns or in several side by side (each read down in turn)."""
    from negtui.ui.widgets.shown import DataTable

    table: DataTable[str] = screen.query_one("#help-keys", DataTable)
    starts = [index for index, column in enumerate(table.ordered_columns)
              if str(column.label) == "Key"]
    rows = [table.get_row_at(row) for row in range(table.row_count)]
    return [(str(row[start]), str(row[start + 1])) for start in starts for row in rows
            if str(row[start]) or str(row[start + 1])]


def footer_labels(app: NegtuiApp) -> list[str]:
    footer = app.screen.query_one(Footer)
    return [f"{key.key_display} {key.description}" for key in footer.query(FooterKey)]


async def open_screen(app: NegtuiApp, pilot: object, keys: Sequence[str]) -> None:
    """Press ``keys`` from where the app is, then wait for the screen they open to list
    its keys in the footer."""
    for key in keys:
        await pilot.press(key)  # type: ignore[attr-defined]
    await until(pilot, lambda: "? Keys" in footer_labels(app))  # type: ignore[arg-type]
    await pilot.pause()  # type: ignore[attr-defined]


@asynccontextmanager
async def on_screen(app: NegtuiApp, size: tuple[int, int], keys: Sequence[str],
                    shows: str) -> AsyncIterator[Pilot[object]]:
    """The app in a terminal of ``size``, on the screen ``keys`` open from the portfolio,
    once it shows ``shows``."""
    async with app.run_test(size=size) as pilot:
        await open_screen(app, pilot, keys)
        await until(pilot, lambda: shows in screen_text(app))
        yield pilot


@asynccontextmanager
async def on_records(app: NegtuiApp, size: tuple[int, int], kind: str,
                     shows: str) -> AsyncIterator[Pilot[object]]:
    """The app in a terminal of ``size``, on the editor of the ``kind`` records (a key of
    ``EDITORS``) of the deal in focus, once it shows ``shows`` and its keys are drawn."""
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.session.deal_id is not None)
        app.push_screen(RecordEditorScreen(EDITORS[kind], app.session.deal_id or ""))
        await until(pilot, lambda: shows in screen_text(app))
        await until(pilot, lambda: "? Keys" in screen_lines(app)[-1])
        yield pilot


async def reach_screen(pilot: Pilot[Any], app: NegtuiApp, keys: Sequence[str],
                       kind: type[ScreenType],
                       ready: Callable[[ScreenType], object] = lambda screen: True,
                       ) -> ScreenType:
    """Press ``keys`` from where the app is, then wait for a screen of ``kind`` on top
    that ``ready`` says is drawn as the test needs it; that screen."""
    for key in keys:
        await pilot.press(key)
    await until(pilot, lambda: isinstance(app.screen, kind) and ready(app.screen),
                timeout=LIMIT_S)
    assert isinstance(app.screen, kind)
    return app.screen


async def must_have_box(pilot: Pilot[Any], app: NegtuiApp) -> Checkbox:
    """The must-have box of the form for a new term, opened from Terms and drawn."""
    await app.run_action("show_screen('terms')")
    await reach_screen(pilot, app, [], TermsScreen)
    form = await reach_screen(pilot, app, ["a"], FormScreen, lambda form: form.query_one(
        "#field-must_have", Checkbox).region.width > 0)
    return form.query_one("#field-must_have", Checkbox)
