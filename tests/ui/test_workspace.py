"""The deal workspace shows the whole deal, not only its brief."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Static

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.people import PeopleScreen
from negtui.ui.screens.records.editor import RecordEditorScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from tests.ui.conftest import reach_screen, until
from tests.ui.test_fit import screen_lines

AppMaker = Callable[[Path], NegtuiApp]


async def test_the_workspace_shows_value_dates_hours_and_markets(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await reach_screen(pilot, app, ["enter"], WorkspaceScreen)
        brief = str(app.screen.query_one("#brief", Static).render())
        assert "Northwind data platform" in brief
        lines = brief.splitlines()
        assert "Value      84,000 EUR" in lines
        assert "Dates      Mon 07 Dec 2026 to Fri 11 Jun 2027 (27 weeks)" in lines
        assert "Hours      16 h a week" in lines
        assert "Markets    logistics, data engineering" in lines
        assert "Invoicing  monthly" in lines


async def test_the_workspace_says_where_the_deal_stands_now(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 40)) as pilot:
        await reach_screen(pilot, app, ["enter"], WorkspaceScreen)
        book = app.session.current_book()
        assert book is not None
        brief = str(app.screen.query_one("#brief", Static).render())
        (now,) = [line for line in brief.splitlines() if line.startswith("Now ")]
        still_open = sum(term.status == "open" for term in book.terms)
        assert f"{len(book.terms)} terms, {still_open} open" in now
        assert "next: tomorrow · Third call with procurement" in now
        assert "gave 4, got 1" in now and "(3)" not in now
        assert "checklist " in now and "(5)" not in now and "(t)" not in now


def _continues_under_its_text(text: str, label: str, indent: int) -> None:
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.lstrip().startswith(label))
    assert len(lines[first]) > indent + 20, "the value was expected to need a second line"
    follow = lines[first + 1]
    assert follow.startswith(" " * indent) and follow[indent] != " ", (lines[first], follow)


async def test_wrapped_values_line_up_under_their_text_not_their_label(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_screen(pilot, app, ["enter"], WorkspaceScreen)
        brief = str(app.screen.query_one("#brief", Static).render())
        # "Objective  Lead the rebuild of ... at a" / "           sustainable rate"
        _continues_under_its_text(brief, "Objective", len("Objective  "))
        await reach_screen(pilot, app, ["escape", "p"], PeopleScreen)
        detail = str(app.screen.query_one("#person-detail", Static).render())
        _continues_under_its_text(detail, "Role", len("  Role     "))


async def test_a_record_editor_names_the_deal_and_the_record_kind_once_each(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_screen(pilot, app, ["enter", "k"], RecordEditorScreen)
        screen = app.screen
        said = [str(screen.sub_title), str(screen.query_one("#records-heading", Static).render()),
                str(screen.query_one("#records").border_title)]
        assert said[0].startswith("Northwind data platform — ")
        assert sum("Risk register" in text for text in said) == 1
        assert sum("Northwind data platform" in text for text in said) == 1


async def test_the_brief_is_as_tall_as_its_wrapped_lines(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await reach_screen(pilot, app, ["enter"], WorkspaceScreen)
        await pilot.pause()
        # The heading line wraps at 120 columns; the last research line still shows.
        assert any("Personal fit:" in line for line in screen_lines(app))


async def test_a_records_detail_wraps_each_value_under_itself(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "g")  # the deal's sensitive topics
        await until(pilot, lambda: isinstance(app.screen, RecordEditorScreen))
        await pilot.pause()
        detail = str(app.screen.query_one("#records-detail", Static).render())
        # "Our framing:      Three parallel contracts: ..." / "                  commit"
        _continues_under_its_text(detail, "Our framing:", len("Minutes allotted: "))


async def test_boundaries_are_typed_in_the_deal_form_and_shown_on_the_workspace(
        demo_folder: Path, make_app: AppMaker) -> None:
    from textual.widgets import TextArea

    from negtui.ui.widgets.form import FormScreen
    from tests.ui.test_concessions import on_disk

    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await reach_screen(pilot, app, ["enter"], WorkspaceScreen)
        brief = app.screen.query_one("#brief", Static)
        assert "Notes      — no boundaries or notes yet" in str(brief.render())
        await reach_screen(pilot, app, ["E"], FormScreen)
        notes = app.screen.query_one("#field-notes", TextArea)
        notes.focus()
        await pilot.press(*["space" if ch == " " else ch for ch in "No calls after 18:00"])
        await reach_screen(pilot, app, ["ctrl+s"], WorkspaceScreen)
        await until(pilot, lambda: "Notes      No calls after 18:00" in str(
            app.screen.query_one("#brief", Static).render()))
    assert on_disk(demo_folder).deal.notes == "No calls after 18:00"


async def test_stakeholders_show_their_history_when_there_is_room(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        await reach_screen(pilot, app, ["enter"], WorkspaceScreen)
        await reach_screen(pilot, app, ["s"], RecordEditorScreen)
        lines = screen_lines(app)
        header = next(line for line in lines if "Organisation" in line and "Name" in line)
        assert "History with you" in header
        assert any("Worked together at a previous client in 2023" in line
                   for line in lines[:lines.index(header) + 5])
        assert any(re.match(r"Part:\s+decides", line.strip()) for line in lines)


async def test_the_agenda_says_its_time_in_all_and_what_is_not_shared(
        demo_folder: Path, make_app: AppMaker) -> None:
    from textual.widgets import DataTable

    from tests.ui.test_concessions import on_disk

    items = on_disk(demo_folder).agenda
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await reach_screen(pilot, app, ["enter"], WorkspaceScreen)
        await reach_screen(pilot, app, ["g"], RecordEditorScreen)
        heading = str(app.screen.query_one("#records-heading", Static).render())
        total = sum(item.minutes for item in items)
        assert f"{len(items)} topics, {total} minutes in all." in heading
        table = app.screen.query_one("#records", DataTable)
        shares = {str(table.get_row_at(row)[1]) for row in range(table.row_count)}
        assert shares == {"yes" if item.share else "no" for item in items}


async def test_the_workspace_lists_people_in_the_order_of_their_own_list(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(160, 40)) as pilot:
        await reach_screen(pilot, app, ["enter"], WorkspaceScreen)
        labels = ["Name", "Role", "Part", "Organisation", "Style"]

        def order() -> list[str]:
            header = next(line for line in screen_lines(app)
                          if all(label in line for label in labels))
            return sorted(labels, key=header.index)

        here = order()
        await reach_screen(pilot, app, ["s"], RecordEditorScreen)
        assert here == order() == labels


async def test_the_workspace_lists_the_deals_people_in_the_order_of_their_own_list(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await reach_screen(pilot, app, ["enter"], WorkspaceScreen)
        people = app.screen.query_one("#people", DataTable)
        on_workspace = [str(people.get_row_at(row)[0]) for row in range(people.row_count)]
        assert len(on_workspace) > 2
        await reach_screen(pilot, app, ["s"], RecordEditorScreen)
        listed = app.screen.query_one(DataTable)
        on_their_list = [str(listed.get_row_at(row)[0]) for row in range(listed.row_count)]
        assert on_workspace == on_their_list
        assert str(listed.get_row_at(0)[2]) == "decides"


async def test_a_person_just_added_is_the_one_in_focus_wherever_the_list_sorts_them(
        demo_folder: Path, make_app: AppMaker) -> None:
    from negtui.ui.widgets.form import FormScreen

    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await reach_screen(pilot, app, ["enter"], WorkspaceScreen)
        await reach_screen(pilot, app, ["s"], RecordEditorScreen)
        listed = app.screen.query_one(DataTable)
        await reach_screen(pilot, app, ["a"], FormScreen)
        await pilot.press(*["space" if ch == " " else ch for ch in "Zoe Young"])
        await reach_screen(pilot, app, ["ctrl+s"], RecordEditorScreen)
        await until(pilot, lambda: listed.row_count == 4)
        names = [str(listed.get_row_at(row)[0]) for row in range(4)]
        # Sorted after the one in focus before: the cursor had to move to reach it.
        assert names.index("Zoe Young") > 0
        await until(pilot, lambda: listed.cursor_row == names.index("Zoe Young"))
        assert app.screen.query_one("#records-detail").border_title == "Zoe Young"
