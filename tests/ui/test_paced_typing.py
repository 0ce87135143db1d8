"""Typing at a person's pace, faster or slower than the app handles each key, leaves
exactly the typed entries in the log, on the right sides, once each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.widgets.capture_bar import CaptureBar

from .keyboard import paced, typed, wait_until

AppMaker = Callable[[Path], NegtuiApp]

ENTRIES = [("given", "Alpha"), ("received", "Beta cap"), ("given", "A"), ("given", "B")]
KEYS = typed("gAlpha", "enter", "rBeta cap", "enter", "gA", "enter", "gB", "enter")


@pytest.mark.parametrize("after_enter", [0.05, 0.1])
@pytest.mark.parametrize("every", [0.03, 0.06, 0.1])
async def test_paced_typing_logs_each_entry_once(
    demo_folder: Path, make_app: AppMaker, every: float, after_enter: float
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.run_action("show_screen('concessions')")
        await wait_until(pilot, lambda: isinstance(app.screen, ConcessionsScreen),
                         "the Concessions screen")
        book = app.session.current_book()
        assert book is not None
        deal_id, before = book.id, len(book.concessions)

        def logged() -> list[tuple[str, str]]:
            concessions = Store(demo_folder).read_book(deal_id).concessions[before:]
            return [(c.direction.value, c.what) for c in concessions]

        await paced(pilot, KEYS, every, after_enter)
        await wait_until(pilot, lambda: len(logged()) >= len(ENTRIES)
                         and isinstance(app.screen, ConcessionsScreen)
                         and not app.screen.query_one(CaptureBar).is_open,
                         f"{len(ENTRIES)} entries on disk")
        assert logged() == ENTRIES
        calls = Store(demo_folder).read_book(deal_id).calls
        assert all(call.ended is not None for call in calls)  # the c was text, not a call
