"""The portfolio's time zone, set in Settings, is the one dates are typed and shown in."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from textual.widgets import DataTable, Input, OptionList, Static

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.calendar import CalendarScreen
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.widgets.form import FormScreen
from tests.ui.conftest import until

AppMaker = Callable[[Path], NegtuiApp]


def _text(app: NegtuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_a_time_typed_after_setting_the_zone_is_kept_and_shown_in_it(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        await pilot.press("comma")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        field = app.screen.query_one("#field-timezone", Input)
        field.focus()
        await pilot.press("end", *["backspace"] * len(field.value), *"Mars/Olympus")
        assert "“Mars/Olympus” is not a time zone" in _text(app, "#preview-timezone")
        await pilot.press(*["backspace"] * len("Mars/Olympus"), *"Europe/Berlin")
        # The clock is 09:30 UTC: 10:30 in Berlin, said with the zone's name.
        assert "10:30 Europe/Berlin (+01:00)" in _text(app, "#preview-timezone")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        assert Store(demo_folder).open().read_settings()[0].timezone == "Europe/Berlin"

        await pilot.press("4", "a")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        assert app.screen.query_one("#field-zone", Input).value == "Europe/Berlin"
        await pilot.press("tab", "tab", *"Board", "tab", *"tomorrow 14:00")
        assert "Tue 24 Nov 2026 14:00 Europe/Berlin (+01:00)" in _text(app, "#preview-when")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen))

        store = Store(demo_folder).open()
        due = next(m.due for path in store.deal_files()
                   for m in store.read_book(path.stem).milestones if m.title == "Board")
        assert due == datetime(2026, 11, 24, 14, 0, tzinfo=ZoneInfo("Europe/Berlin"))
        assert due.utcoffset() == timedelta(hours=1)
        agenda = app.screen.query_one("#agenda", OptionList)
        lines = [str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)]
        assert any("14:00" in line and "Board" in line for line in lines)
        assert "Europe/Berlin" in _text(app, "#calendar-status")


async def test_the_zone_can_be_left_unset_to_follow_the_users_default(
    demo_folder: Path, make_app: AppMaker
) -> None:
    def stored() -> dict[str, object]:
        raw = json.loads((demo_folder / "portfolio.json").read_text(encoding="utf-8"))
        return dict(raw["settings"]["1"])

    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        await pilot.press("comma")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        field = app.screen.query_one("#field-timezone", Input)
        # The demo sets no zone: the field is empty and says which one is followed.
        assert field.value == "" and field.placeholder == "not set: UTC"
        assert "not set: your default zone" in _text(app, "#preview-timezone")
        field.focus()
        await pilot.press(*"Europe/Berlin", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        assert stored()["timezone"] == "Europe/Berlin"

        await pilot.press("comma")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        field = app.screen.query_one("#field-timezone", Input)
        assert field.value == "Europe/Berlin"
        field.focus()
        await pilot.press("end", *["backspace"] * len(field.value), "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        assert "timezone" not in stored()
        assert app.session.settings.timezone == "UTC"


async def test_the_deals_log_follows_a_new_zone_at_once(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3")
        log = app.screen.query_one("#log", DataTable)
        await until(pilot, lambda: log.row_count > 0)
        before = str(log.get_row_at(0)[0])
        await pilot.press("1", "comma")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        field = app.screen.query_one("#field-timezone", Input)
        field.focus()
        await pilot.press("end", *["backspace"] * len(field.value), *"Asia/Tokyo", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, FormScreen))
        await pilot.press("3")
        log = app.screen.query_one("#log", DataTable)
        shifted = datetime.strptime(before, "%d %b %H:%M") + timedelta(hours=9)
        await until(pilot, lambda: str(log.get_row_at(0)[0]) == shifted.strftime("%d %b %H:%M"))
