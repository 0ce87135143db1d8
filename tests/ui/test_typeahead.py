"""Keys typed ahead in one burst, as a paste or a slow SSH link delivers them, land where
they were aimed: in the form or capture bar the first key opened, not on the screen below."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.widgets import Input

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.widgets.form import FormScreen

AppMaker = Callable[[Path], NegtuiApp]


def burst(app: NegtuiApp, keys: list[str]) -> None:
    """Queue every key at once, before the app has handled the first."""
    for key in keys:
        character = key if len(key) == 1 else {"enter": "\r", "space": " "}.get(key)
        app.post_message(events.Key(key, character))


def typed(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


async def test_new_deal_form_gets_the_name_typed_right_after_n(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, ["n", *typed("Kestrel rebrand")])
        await pilot.pause(0.5)
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-name", Input).value == "Kestrel rebrand"
    # The letters did not act as portfolio keys (a archives, d deletes, e edits).
    assert not any(d.archived for d in Store(demo_folder).load().deals())


async def test_a_concession_typed_right_after_g_is_logged_as_typed(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        before = len(app.session.current_book().concessions)  # type: ignore[union-attr]
        burst(app, ["g", *typed("Agreed to weekly demos"), "enter"])
        await pilot.pause(0.5)
    book = next(b for b in Store(demo_folder).load().books.values()
                if b.deal.name.startswith("Northwind"))
    assert len(book.concessions) == before + 1
    assert book.concessions[-1].what == "Agreed to weekly demos"


async def test_term_form_gets_the_name_typed_right_after_a(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        burst(app, ["a", *typed("Exit fee")])
        await pilot.pause(0.5)
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-name", Input).value == "Exit fee"
