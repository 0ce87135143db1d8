"""A question is answered only by keys pressed once it is on screen: a y typed in the same
burst as the key that asks (a fast typist, a paste, a slow SSH link) deletes nothing and
gives nothing, and the question says which keys it did not take."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.widgets.capture_bar import CaptureBar
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.shown import Static

from .keyboard import burst, typed, wait_until

AppMaker = Callable[[Path], NegtuiApp]
NORTHWIND = "Northwind data platform"


def names_on_disk(folder: Path) -> set[str]:
    return {deal.name for deal in Store(folder).load().deals()}


def ignored_note(app: NegtuiApp) -> str:
    screen = app.screen
    if not isinstance(screen, ConfirmScreen):
        return ""
    notes = [note for note in screen.query("#confirm-ignored") if isinstance(note, Static)]
    return "".join(str(note.render()) for note in notes if note.display)


async def test_a_y_typed_with_the_delete_key_does_not_delete(demo_folder: Path,
                                                             make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        burst(pilot, ["d", "y"])
        await wait_until(pilot, lambda: "y" in ignored_note(app)
                         or NORTHWIND not in names_on_disk(demo_folder),
                         "the typed-ahead y to be handled")
        assert isinstance(app.screen, ConfirmScreen)
        assert NORTHWIND in names_on_disk(demo_folder)
        assert "Typed before this question appeared" in ignored_note(app)
        # A y pressed once the question is up answers it.
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, PortfolioScreen),
                         "the question to close")
        assert NORTHWIND not in names_on_disk(demo_folder)


async def test_typed_ahead_no_keys_do_not_answer_either(
    demo_folder: Path, make_app: AppMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: list[bool] = []
    answer = ConfirmScreen.answer

    def recorded(screen: ConfirmScreen, result: bool) -> None:
        answers.append(result)
        answer(screen, result)

    monkeypatch.setattr(ConfirmScreen, "answer", recorded)
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(pilot, ["d", "n", "enter"])
        await wait_until(pilot, lambda: "n⏎" in ignored_note(app) or bool(answers),
                         "the typed-ahead keys to be handled")
        assert not answers
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, PortfolioScreen),
                         "the question to close")
        assert NORTHWIND in names_on_disk(demo_folder)


async def test_a_y_typed_after_a_give_on_a_non_negotiable_does_not_log_it(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert isinstance(app.screen, ConcessionsScreen)
        book = app.session.current_book()
        assert book is not None
        before = len(book.concessions)
        burst(pilot, typed("gRate to 720 #day", "tab", "=720", "enter", "y"))
        await wait_until(pilot, lambda: "y" in ignored_note(app)
                         or len(Store(demo_folder).read_book(book.id).concessions) > before,
                         "the typed-ahead y to be handled")
        assert len(Store(demo_folder).read_book(book.id).concessions) == before
        # Holding the line keeps the entry in the bar, nothing typed is lost.
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ConcessionsScreen),
                         "the question to close")
        bar = app.screen.query_one(CaptureBar)
        assert bar.is_open
        assert "Rate to 720" in bar.input.value
