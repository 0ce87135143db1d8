"""Lists of times name their zone once, in their frame; a call says when it was and what
moved in it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.all_concessions import AllConcessionsScreen
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.screens.records import RecordEditorScreen
from negtui.ui.widgets.deal_facts import Hanging
from negtui.ui.widgets.fit_table import FitTable
from tests.ui.conftest import reach_screen, until

AppMaker = Callable[[Path], NegtuiApp]


def with_zone(folder: Path, zone: str) -> Path:
    store = Store(folder).open()
    settings = store.load().settings
    store.save_settings(settings.model_copy(update={"timezone": zone, "zone_chosen": True}))
    return folder


async def test_the_concessions_title_names_the_zone_of_its_times(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(with_zone(demo_folder, "Europe/Berlin"))
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_screen(pilot, app, ["3"], ConcessionsScreen)
        log = app.screen.query_one("#log")
        assert str(log.border_title) == "Concessions · times in Europe/Berlin"
        await reach_screen(pilot, app, ["A"], AllConcessionsScreen)
        log = app.screen.query_one("#all-log")
        assert str(log.border_title) == "Concessions in all deals · times in Europe/Berlin"


async def test_the_calls_frame_names_the_zone_of_its_times(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(with_zone(demo_folder, "America/New_York"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.__class__.__name__ == "WorkspaceScreen")
        await reach_screen(pilot, app, ["m"], RecordEditorScreen)
        frame = app.screen.query_one("#records", FitTable)
        assert str(frame.border_title) == "Calls · times in America/New_York"


async def test_a_calls_detail_says_when_and_what_moved_in_it(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.__class__.__name__ == "WorkspaceScreen")
        await reach_screen(pilot, app, ["m"], RecordEditorScreen)
        detail = app.screen.query_one("#records-detail", Hanging)
        await until(pilot, lambda: "What moved:" in detail.render().plain)
        text = detail.render().plain
        assert "When:" in text and "21 Nov 2026 09:30" in text
        assert "gave · Day rate: Offered 740 for a 9-month commitment" in text
        row = app.screen.query_one("#records", FitTable).get_row_at(0)
        assert "gave On-call, Day rate" in str(row[3])
