"""The first visit to another screen, while every deal file is still being read in full
after the first paint: the deal in focus is shown (and can be changed) at once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from negtui.actions.session import Session
from negtui.domain.book import DealBook
from negtui.domain.vocab import TermStatus
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.calendar import CalendarScreen
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.screens.terms import TermsScreen

from .conftest import until

AppMaker = Callable[[Path], NegtuiApp]
NORTHWIND = "Northwind data platform"


@pytest.fixture
def slow_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The app's read of the whole folder, in its thread, waits until the event is set
    (as on a large portfolio, where it takes seconds)."""
    done = threading.Event()
    read = Session.read_in_full

    def held(session: Session) -> None:
        if threading.current_thread().name == "negtui-full-read":
            while not done.wait(0.02) and not session.stopping:
                pass
        read(session)

    monkeypatch.setattr(Session, "read_in_full", held)
    yield done
    done.set()


def northwind(folder: Path) -> DealBook:
    store = Store(folder)
    return next(b for b in store.load().books.values() if b.deal.name == NORTHWIND)


def rows(app: NegtuiApp, selector: str) -> list[str]:
    table = app.screen.query_one(selector, DataTable)
    return [" ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def focus_northwind(app: NegtuiApp, pilot, deal_id: str) -> None:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#deals", DataTable)
    await until(pilot, lambda: table.row_count > 0)
    for _ in range(table.get_row_index(deal_id)):
        await pilot.press("down")
    await until(pilot, lambda: app.session.deal_id == deal_id)


def summaries_kept(folder: Path, make_app: AppMaker) -> None:
    """As after an earlier start: the next one paints from the summaries."""
    make_app(folder).session.keep_summaries()


async def test_terms_show_the_deal_in_focus_and_save_before_the_folder_is_read(
        demo_folder: Path, make_app: AppMaker, slow_read: threading.Event) -> None:
    summaries_kept(demo_folder, make_app)
    book = northwind(demo_folder)
    first = book.terms[0]
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await focus_northwind(app, pilot, book.id)
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen)
                    and len(rows(app, "#terms-table")) == len(book.terms))
        assert all(any(term.name in row for row in rows(app, "#terms-table"))
                   for term in book.terms)
        assert not app.session.complete  # the rest of the folder is still being read
        await pilot.press("s")
        statuses = list(TermStatus)
        wanted = statuses[(statuses.index(first.status) + 1) % len(statuses)]

        def saved() -> bool:
            term = next(t for t in northwind(demo_folder).terms if t.id == first.id)
            return term.status is wanted

        await until(pilot, saved)
        assert not app.session.complete
        slow_read.set()
        await until(pilot, lambda: app.session.complete)
        await until(pilot, lambda: any(first.name in row and wanted.value in row
                                       for row in rows(app, "#terms-table")))
        assert saved()


async def test_concessions_show_the_log_and_take_an_entry_before_the_folder_is_read(
        demo_folder: Path, make_app: AppMaker, slow_read: threading.Event) -> None:
    summaries_kept(demo_folder, make_app)
    book = northwind(demo_folder)
    logged = [c for c in book.concessions if not c.deleted]
    assert logged
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await focus_northwind(app, pilot, book.id)
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen)
                    and any(logged[-1].what[:20] in row for row in rows(app, "#log")))
        assert not app.session.complete
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.focused, Input))
        field = app.focused
        assert isinstance(field, Input)
        field.insert_text_at_cursor("Two extra weeks of support")
        await pilot.press("enter")

        def on_disk() -> bool:
            return any(c.what == "Two extra weeks of support"
                       for c in northwind(demo_folder).concessions)

        await until(pilot, on_disk)
        await until(pilot, lambda: any("Two extra weeks" in row for row in rows(app, "#log")))
        slow_read.set()
        await until(pilot, lambda: app.session.complete)
        await until(pilot, lambda: any("Two extra weeks" in row for row in rows(app, "#log")))


async def test_the_calendar_says_it_is_reading_then_shows_every_deal_s_dates(
        demo_folder: Path, make_app: AppMaker, slow_read: threading.Event) -> None:
    summaries_kept(demo_folder, make_app)
    book = northwind(demo_folder)
    assert book.milestones
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await focus_northwind(app, pilot, book.id)
        await pilot.press("4")

        def says() -> str:
            return str(app.screen.query_one("#calendar-empty", Static).render())

        await until(pilot, lambda: isinstance(app.screen, CalendarScreen)
                    and "Reading every deal's dates" in says())
        assert not app.session.complete
        assert not app.screen.query_one("#calendar-body").display
        slow_read.set()
        await until(pilot, lambda: app.screen.query_one("#calendar-body").display)
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        assert not screen.query_one("#calendar-empty").display
        shown = {entry.uid for entry in screen.entries.values() if entry.deal_id == book.id}
        assert shown


async def test_an_alert_opened_before_the_folder_is_read_shows_its_item_once_it_is(
        demo_folder: Path, make_app: AppMaker, slow_read: threading.Event) -> None:
    from negtui.ui.widgets.alerts_box import AlertsBox

    summaries_kept(demo_folder, make_app)
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        box = app.screen.query_one("#alerts", AlertsBox)
        await until(pilot, lambda: box.has_focus and box.listed)
        index = next((i for i, alert in enumerate(box.listed)
                      if alert.entry_uid is not None and alert.term_id is None), None)
        assert index is not None, "the alerts painted from the summaries name their item"
        alert = box.listed[index]
        await pilot.press(*["down"] * index, "enter")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen))
        assert not app.session.complete
        slow_read.set()
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen)
                    and app.screen.highlighted_uid() == alert.entry_uid)
