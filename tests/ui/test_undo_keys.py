"""`u` takes back what a single key changed on the Terms screen, and says so when there
is nothing to take back, on every screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.terms import TermsScreen

from .conftest import reach_screen, until
from .keyboard import wait_until

AppMaker = Callable[[Path], NegtuiApp]


def _said(app: NegtuiApp, words: str) -> bool:
    return any(words in note.message for note in app._notifications)


def _terms_on_disk(folder: Path, deal_id: str) -> dict[str, object]:
    book = Store(folder).load().books[deal_id]
    return {t.id: t for t in book.terms}


async def _on_terms(pilot: Pilot[Any], app: NegtuiApp) -> TermsScreen:
    return await reach_screen(pilot, app, ["2"], TermsScreen,
                              lambda terms: terms.focused_term() is not None)


async def test_must_have_status_and_rating_keys_are_undone_in_turn(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _on_terms(pilot, app)
        term = screen.focused_term()
        assert term is not None
        deal_id = app.session.deal_id
        assert deal_id is not None
        # A burst: must-have, status, a rating; then three undos.
        await pilot.press("m", "s", "minus")
        await wait_until(pilot, lambda: _terms_on_disk(demo_folder, deal_id)[term.id]
                         != term and len(app.session.undo) == 3, "the three changes saved")
        await pilot.press("u", "u", "u")
        await wait_until(pilot, lambda: not app.session.undo, "the three undos")
        assert _terms_on_disk(demo_folder, deal_id)[term.id] == term
        assert screen.focused_term() == term


async def test_the_usual_terms_added_with_one_key_go_with_one_undo(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _on_terms(pilot, app)
        deal_id = app.session.deal_id
        assert deal_id is not None
        before = set(_terms_on_disk(demo_folder, deal_id))
        await pilot.press("t")
        await wait_until(pilot, lambda: len(_terms_on_disk(demo_folder, deal_id)) > len(before),
                         "the usual terms added")
        assert _said(app, "u undoes")
        await pilot.press("u")
        await wait_until(pilot, lambda: set(_terms_on_disk(demo_folder, deal_id)) == before,
                         "the added terms removed")


async def test_u_with_nothing_to_undo_says_so(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        for screen_key in ("1", "2", "4", "5"):
            app.clear_notifications()
            await pilot.press(screen_key, "u")
            await wait_until(pilot, lambda: _said(app, "Nothing to undo"),
                             f"'Nothing to undo' after {screen_key} u")


async def test_a_checklist_tick_is_undone_with_u(demo_folder: Path, make_app: AppMaker) -> None:
    from negtui.domain.checklist import phases_for
    from negtui.ui.screens.checklist import ChecklistScreen

    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_screen(pilot, app, ["5"], ChecklistScreen)
        book = app.session.current_book()
        assert book is not None
        first = phases_for(book)[0]
        index = next(i for i, item in enumerate(first.items) if not item.computed)
        before = sorted(Store(demo_folder).read_book(book.id).checklist.ticked)
        await pilot.press(*["down"] * index, "space")
        await until(pilot, lambda: sorted(Store(demo_folder).read_book(book.id)
                                          .checklist.ticked) != before)
        await pilot.press("u")
        await until(pilot, lambda: sorted(Store(demo_folder).read_book(book.id)
                                          .checklist.ticked) == before)
