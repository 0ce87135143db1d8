"""The deal workspace uses the room of a large window, and says where the deal stands as
the portfolio does."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from negtui.domain.audit import review
from negtui.domain.checklist import checklist_progress
from negtui.domain.deal_table import make_row
from negtui.domain.schedule import user_zone
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.workspace import WorkspaceScreen
from negtui.ui.widgets.deal_facts import standing
from tests.ui.conftest import reach_screen, screen_lines, until

AppMaker = Callable[[Path], NegtuiApp]


@asynccontextmanager
async def _workspace(app: NegtuiApp, size: tuple[int, int],
                     ) -> AsyncIterator[tuple[Pilot[object], list[str]]]:
    """The app in a terminal of ``size`` on the workspace of the first deal, and the lines
    it shows once its keys are drawn."""
    async with app.run_test(size=size) as pilot:
        await reach_screen(pilot, app, ["enter"], WorkspaceScreen)
        await until(pilot, lambda: "? Keys" in screen_lines(app)[-1])
        yield pilot, screen_lines(app)


def _row_of(lines: list[str], text: str) -> int:
    return next(index for index, line in enumerate(lines) if text in line)


async def test_a_wide_window_shows_the_research_beside_the_brief(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with _workspace(app, (200, 60)) as (_, lines):
        research = _row_of(lines, "Contract terms:")
        # Beside the deal's facts, in the right half, not under them.
        assert research < _row_of(lines, "Notes      ")
        assert lines[research].index("Contract terms:") > 90
        assert lines[research][:90].strip(), "the left half of that row holds the deal"


async def test_a_tall_window_spells_out_the_people_under_their_list(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with _workspace(app, (200, 60)) as (_, lines):
        shown = "\n".join(lines)
        assert "History with you: Worked together at a previous client in 2023" in shown
        assert "The other 2 stakeholders" in shown
        assert "Style:            Anchors hard on payment terms" in shown
        # The brief ends well above the footer: the people fill the rows under it.
        assert _row_of(lines, "The other 2 stakeholders") > _row_of(lines, "Personal fit:")


async def test_a_window_of_middle_size_shows_the_whole_brief_and_the_person_in_focus(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with _workspace(app, (120, 40)) as (_, lines):
        assert any("Personal fit:" in line for line in lines)
        assert any(line.strip().startswith("Role:") and "CTO" in line for line in lines)


async def test_where_the_deal_stands_reads_as_the_portfolio_says_it(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.session.complete)
        session = app.session
        now = session.clock().datetime
        settings = session.settings
        books = list(session.portfolio.books.values())
        found = review(books, settings, now)
        tz = user_zone(settings)
        for book in books:
            row = make_row(book, now, 0, None, found.next_due.get(book.id), tz)
            done, total = checklist_progress(book, settings)
            _, line, _ = standing(book, settings, now, session.checklist_progress(book))
            if row.next_text != "—":
                assert f"next: {row.next_text} · " in line.plain
            assert line.plain.endswith(f"checklist {done}/{total}")


async def test_side_by_side_the_deal_and_its_brief_are_whole_and_as_tall(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with _workspace(app, (170, 50)) as (_, lines):
        shown = "\n".join(lines)
        assert "Notes      — no boundaries" in shown and "Personal fit:" in shown
        left = app.screen.query_one("#brief-scroll").region
        right = app.screen.query_one("#research-scroll").region
        assert left.y == right.y and left.height == right.height
        assert left.right <= right.x


async def test_a_large_window_gives_the_deal_at_a_glance_beside_the_person_in_focus(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with _workspace(app, (200, 60)) as (_, lines):
        title = _row_of(lines, "At a glance")
        assert "Dana Whitfield" in lines[title]
        shown = "\n".join(lines)
        assert "Hours        16 of 40 h a week (40%)" in shown
        assert "Terms        7 terms, 6 open  t opens" in shown
        assert "People       3 stakeholders, 1 decides  s opens" in shown
        # Beside the person's fields, not under them.
        terms = _row_of(lines, "Terms        7 terms")
        assert lines[terms].startswith(" Role:")


async def test_smaller_windows_keep_the_person_without_the_glance(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with _workspace(app, (200, 40)) as (pilot, lines):
        assert "At a glance" not in "\n".join(lines)
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: "At a glance" in "\n".join(screen_lines(app)))
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: "At a glance" not in "\n".join(screen_lines(app)))
        assert any("Dana Whitfield" in line for line in screen_lines(app))





@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_pane_of_the_deals_facts_is_titled_deal_and_its_brief_so_headed(
        demo_folder: Path, make_app: AppMaker, size: tuple[int, int]) -> None:
    app = make_app(demo_folder)
    async with _workspace(app, size) as (pilot, lines):
        assert "─ Deal — E edits ─" in lines[1] and "Brief" not in lines[1]
        # Under the facts, the brief has a heading of its own, its objective under it.
        pane = app.screen.query_one("#brief-scroll")
        await pilot.press("shift+tab")
        await until(pilot, lambda: pane.has_focus)

        def headed() -> bool:
            shown = screen_lines(app)
            return any(line.strip() == "Brief" and shown[i + 1].strip().startswith("Objective")
                       for i, line in enumerate(shown[:-1]))

        for _ in range(30):
            if headed():
                break
            await pilot.press("down")
        await until(pilot, headed)


async def test_the_person_in_focus_says_how_many_fields_its_rows_leave_out(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with _workspace(app, (120, 40)) as (_, lines):
        title = _row_of(lines, "─Dana Whitfield─")
        assert lines[title + 1].strip().startswith("Name:")
        # The row over the footer: what is left, and the key that shows it.
        assert lines[-2].strip() == "… 3 more fields: e shows them all in the form"


def _with_team(folder: Path, count: int) -> None:
    """Northwind with ``count`` more people who are kept informed, Zoe the last listed."""
    from negtui.domain.models import Stakeholder
    from negtui.domain.vocab import Influence
    from negtui.store import Store
    from tests.ui.test_concessions import on_disk

    book = on_disk(folder)
    store = Store(folder)
    for number in range(count):
        name = "Zoe Last" if number == count - 1 else f"Member {number:02}"
        store.put(book.id, Stakeholder(id=f"sh-team-{number}", name=name,
                                       role="Engineer", influence=Influence.INFORMS))


async def test_a_tall_window_lists_every_person_of_a_large_team_at_once(
        demo_folder: Path, make_app: AppMaker) -> None:
    _with_team(demo_folder, 17)
    app = make_app(demo_folder)
    async with _workspace(app, (200, 60)) as (_, lines):
        listed = [line for line in lines if " Engineer " in line]
        assert len(listed) == 17
        assert any(line.startswith(" Zoe Last ") for line in listed)
        # The person in focus is still spelt out under the list.
        assert "History with you: Worked together at a previous client in 2023" in \
            "\n".join(lines)


async def test_the_people_cut_short_under_the_list_are_said_to_be_the_others(
        demo_folder: Path, make_app: AppMaker) -> None:
    _with_team(demo_folder, 17)
    app = make_app(demo_folder)
    async with _workspace(app, (200, 60)) as (_, lines):
        # Dana is whole; the rows run out among the others, which are not her fields.
        assert "The other 19 stakeholders" in "\n".join(lines)
        assert lines[-2].strip() == "… more stakeholders below: ↑↓ shows each in full"
