"""ctrl+p finds every command help lists, runs it as its key would, and shows the key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.all_concessions import AllConcessionsScreen
from negtui.ui.screens.all_terms import AllTermsScreen
from negtui.ui.screens.help import HelpScreen
from negtui.ui.widgets.capture_bar import CaptureBar
from negtui.ui.widgets.form import FormScreen
from negtui.ui.widgets.term_grid import TermGrid
from tests.ui.conftest import help_rows, screen_text, until

AppMaker = Callable[[Path], NegtuiApp]
NORTHWIND = "Northwind data platform"


def _first(app: NegtuiApp) -> str:
    results = app.screen.query_one(CommandList)
    if results.option_count == 0 or results.highlighted != 0:
        return ""
    return str(results.get_option_at_index(0).prompt)


async def find(pilot: Pilot[Any], app: NegtuiApp, words: str, label: str) -> str:
    """Type ``words`` in the palette until its first hit is ``label``; that hit's text."""
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*words)
    await until(pilot, lambda: _first(app).startswith(label))
    return _first(app)


async def run(pilot: Pilot[Any], app: NegtuiApp, words: str, label: str) -> str:
    shown = await find(pilot, app, words, label)
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(app.screen, CommandPalette))
    return shown


def _form_title(app: NegtuiApp) -> str:
    screen = app.screen
    return str(screen.query_one("#form-box").border_title or "") if isinstance(
        screen, FormScreen) else ""


def _northwind_archived(folder: Path) -> bool:
    return any(d.archived for d in Store(folder).load().deals() if d.name == NORTHWIND)


async def test_settings_and_a_new_deal_open_from_any_screen(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        shown = await run(pilot, app, "settings", "Settings")
        assert "," in shown and "on Portfolio" in shown  # the key, and where it works
        await until(pilot, lambda: "Settings" in _form_title(app))
        await pilot.press("escape")
        await until(pilot, lambda: app.current_mode == "calendar"
                    and not isinstance(app.screen, FormScreen))
        await run(pilot, app, "new deal", "New deal")
        await until(pilot, lambda: "New deal" in _form_title(app))


async def test_the_views_across_all_deals_open_from_the_palette(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await run(pilot, app, "all terms", "All terms")
        await until(pilot, lambda: isinstance(app.screen, AllTermsScreen))
        await run(pilot, app, "all concessions", "All concessions")
        await until(pilot, lambda: isinstance(app.screen, AllConcessionsScreen))


async def test_archive_then_undo_from_the_palette(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        deal = app.session.current_deal()
        assert deal is not None and deal.name == NORTHWIND
        shown = await run(pilot, app, "archive", "Archive")
        assert "Archive  a" in shown
        await until(pilot, lambda: _northwind_archived(demo_folder))
        shown = await run(pilot, app, "undo", "Undo")
        assert "Undo  u" in shown
        await until(pilot, lambda: not _northwind_archived(demo_folder))


async def test_calls_and_concessions_are_logged_from_the_palette(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")

        def open_calls() -> int:
            (book,) = [b for b in Store(demo_folder).load().books.values()
                       if b.deal.name == NORTHWIND]
            return len([c for c in book.calls if c.ended is None])

        before = open_calls()
        await run(pilot, app, "call", "Call start/end")
        await until(pilot, lambda: open_calls() == before + 1)
        shown = await run(pilot, app, "log", "Log a concession given")
        assert "Log a concession given  g" in shown
        await until(pilot, lambda: app.screen.query_one(CaptureBar).is_open)


async def test_the_calendar_exports_and_the_grid_opens_from_the_palette(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        shown = await run(pilot, app, "ics", "Export calendar (.ics)")
        assert "(.ics)  x" in shown
        # The calendar shows every deal, so every deal's dates are written.
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: (demo_folder / "negtui-calendar.ics").is_file())
        await pilot.press("2")
        await run(pilot, app, "grid", "Grid")
        await until(pilot, lambda: app.screen.query_one(TermGrid).has_focus)


def _help_rows(app: NegtuiApp) -> list[tuple[str, str]]:
    return help_rows(app.screen)


async def test_help_shows_each_key_once_in_sentence_case(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = _help_rows(app)
        assert ("+", "Deal impact +") in rows
        for keys, says in rows:
            shown = keys.split(" / ")
            assert len(shown) == len(set(shown)), keys
            assert says[1:] == says[1:].lower() or "." in says, says


async def test_on_the_workspace_each_record_is_offered_once(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "WorkspaceScreen")
        await find(pilot, app, "value map", "Value map")

        def offered() -> list[str]:
            results = app.screen.query_one(CommandList)
            return [str(results.get_option_at_index(i).prompt)
                    for i in range(results.option_count)]

        await pilot.pause()
        assert len([hit for hit in offered() if "alue map" in hit]) == 1, offered()


async def test_a_deal_chosen_in_the_palette_opens_its_workspace(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.current_mode == "calendar")
        await run(pilot, app, "deal: atlas", "Deal: Atlas pricing study")
        await until(pilot, lambda: type(app.screen).__name__ == "WorkspaceScreen")
        deal = app.session.current_deal()
        assert deal is not None and deal.name == "Atlas pricing study"
        assert "Atlas pricing study" in screen_text(app)
        # Escape comes back to the screen the palette was opened on.
        await pilot.press("escape")
        await until(pilot, lambda: app.current_mode == "calendar"
                    and type(app.screen).__name__ == "CalendarScreen")
