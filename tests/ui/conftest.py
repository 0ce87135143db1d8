"""Fixtures for driving the app: a demo portfolio on a fixed clock, under a fake home."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.reactive import reactive
from textual.widgets import Input, TextArea

from negtui.demo import demo_portfolio
from negtui.domain.clock import Clock, fixed_clock
from negtui.store import Store
from negtui.ui.app import NegtuiApp, build_app

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
