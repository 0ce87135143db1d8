"""A key waits while anything on the screen is still being handled, and never longer than
the limit, so a handler that hangs cannot freeze the keyboard."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui import keyorder
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.widgets.capture_bar import CaptureBar

from .keyboard import burst, wait_until

AppMaker = Callable[[Path], NegtuiApp]


async def test_a_key_waits_until_the_screen_has_finished(demo_folder: Path,
                                                         make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        screen = app.screen
        assert isinstance(screen, ConcessionsScreen)
        bar = screen.query_one(CaptureBar)
        done = asyncio.Event()
        screen.call_later(done.wait)  # the screen is busy until the test says so
        try:
            burst(pilot, ["g"])
            for _ in range(5):
                await asyncio.sleep(0.02)
            assert not bar.is_open
        finally:
            done.set()
        await wait_until(pilot, lambda: bar.is_open, "g to open the bar")


async def test_a_key_waits_no_longer_than_the_limit(
    demo_folder: Path, make_app: AppMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyorder, "SETTLE_LIMIT_S", 0.2)
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        screen = app.screen
        assert isinstance(screen, ConcessionsScreen)
        bar = screen.query_one(CaptureBar)
        done = asyncio.Event()
        screen.call_later(done.wait)
        try:
            burst(pilot, ["g"])
            # pilot.pause would wait for the busy screen, so look with plain sleeps.
            for _ in range(500):
                if bar.is_open:
                    break
                await asyncio.sleep(0.01)
            assert bar.is_open
        finally:
            done.set()
