"""Who attended a call and what was said: asked as the call ends, kept in the deal file,
listed one key away from the deal, and what the checklist's call item looks at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Input, TextArea

from negtui.domain.checklist import evaluate
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.screens.records import RecordEditorScreen
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.form import FormScreen
from tests.ui.conftest import reach_screen, until
from tests.ui.keyboard import burst
from tests.ui.test_concessions import on_disk
from tests.ui.test_fit import screen_lines

AppMaker = Callable[[Path], NegtuiApp]


def _calls_item_done(folder: Path) -> bool:
    book = on_disk(folder)
    from negtui.store import Store

    settings = Store(folder).load().settings
    (item,) = [i for phase in evaluate(book, settings) for i in phase.items
               if i.item.key == "live.calls"]
    return item.done


async def _open_calls(pilot, app: NegtuiApp) -> None:
    """From the Portfolio: the first deal's workspace, then its calls."""
    await pilot.press("enter")
    await until(pilot, lambda: app.screen.__class__.__name__ == "WorkspaceScreen")
    await reach_screen(pilot, app, ["m"], RecordEditorScreen)


async def _end_a_call(pilot, app: NegtuiApp) -> str:
    await reach_screen(pilot, app, ["3"], ConcessionsScreen)
    await pilot.press("c")
    await until(pilot, lambda: app.screen.has_class("in-call"))
    await reach_screen(pilot, app, ["c", "y"], FormScreen)
    (call,) = [c for c in on_disk(app.session.store.root).calls if not c.attendees]
    return call.id


async def test_ending_a_call_asks_who_attended_and_keeps_the_answer(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        call_id = await _end_a_call(pilot, app)
        assert not _calls_item_done(demo_folder)
        form = app.screen
        assert "Who attended?" in "\n".join(screen_lines(app))
        # The hint names the deal's own people, to spell them the same way.
        assert "Raj Patel" in "\n".join(screen_lines(app))
        # What moved in the call stands under the notes, to write them by.
        assert "What moved: 0 given, 0 received" in "\n".join(screen_lines(app))
        field = form.query_one("#field-attendees", Input)
        field.focus()
        await pilot.press(*"Raj Patel, Dana Whitfield,")
        await pilot.press("tab")
        notes = form.query_one("#field-notes", TextArea)
        await until(pilot, lambda: app.focused is notes)
        await pilot.press(*"Rate")
        await reach_screen(pilot, app, ["ctrl+s"], ConcessionsScreen)
        (call,) = [c for c in on_disk(demo_folder).calls if c.id == call_id]
        assert call.attendees == ["Raj Patel", "Dana Whitfield"]
        assert call.notes == "Rate"
        assert call.ended is not None
        assert _calls_item_done(demo_folder)

        # One key from the deal's workspace: the list, the latest call first.
        await pilot.press("1", "enter")
        await until(pilot, lambda: app.screen.__class__.__name__ == "WorkspaceScreen")
        await reach_screen(pilot, app, ["m"], RecordEditorScreen)
        table = app.screen.query_one("#records", DataTable)
        await until(pilot, lambda: table.row_count == 3)
        first = " ".join(str(cell) for cell in table.get_row_at(0))
        assert "Raj Patel, Dana Whitfield" in first
        assert "Rate" in "\n".join(screen_lines(app))


async def test_escape_leaves_the_call_ended_and_the_item_open(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        call_id = await _end_a_call(pilot, app)
        await reach_screen(pilot, app, ["escape"], ConcessionsScreen)
        (call,) = [c for c in on_disk(demo_folder).calls if c.id == call_id]
        assert call.ended is not None and call.attendees == []
        assert not _calls_item_done(demo_folder)


async def test_calls_are_not_added_from_their_list(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    before = len(on_disk(demo_folder).calls)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_calls(pilot, app)
        # The list says where calls come from; a, which it does not offer, adds nothing.
        await until(pilot, lambda: "Concessions screen" in " ".join(
            " ".join(screen_lines(app)).split()))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RecordEditorScreen)
    assert len(on_disk(demo_folder).calls) == before


async def test_help_on_the_calls_list_offers_no_add_key(
        demo_folder: Path, make_app: AppMaker) -> None:
    from negtui.ui.screens.help import HelpScreen

    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_calls(pilot, app)
        await reach_screen(pilot, app, ["question_mark"], HelpScreen)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        listed = {says for _, says in help_screen.keys}
        assert {"Edit", "Delete"} <= listed
        assert "Add" not in listed
        assert not any(keys.split(" / ")[0] == "a" for keys, _ in help_screen.keys)


async def test_editing_a_calls_notes_keeps_a_name_that_holds_a_comma(
        demo_folder: Path, make_app: AppMaker) -> None:
    from negtui.store import Store

    store = Store(demo_folder)
    book = on_disk(demo_folder)
    call = max(book.calls, key=lambda c: c.started)
    store.put(book.id, call.model_copy(update={"attendees": ["Smith, Jr.", "Raj Patel"]}))
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_calls(pilot, app)
        await reach_screen(pilot, app, ["e"], FormScreen)
        notes = app.screen.query_one("#field-notes", TextArea)
        notes.focus()
        await pilot.press("end", *" More", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, RecordEditorScreen))
    (saved,) = [c for c in on_disk(demo_folder).calls if c.id == call.id]
    assert saved.notes.endswith("More")
    assert saved.attendees == ["Smith, Jr.", "Raj Patel"]


async def test_deleting_a_call_names_it_by_who_was_on_it(
        demo_folder: Path, make_app: AppMaker) -> None:
    from textual.widgets import Static

    from negtui.ui.widgets.confirm import ConfirmScreen

    latest = max(on_disk(demo_folder).calls, key=lambda c: c.started)
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_calls(pilot, app)
        await reach_screen(pilot, app, ["d"], ConfirmScreen)
        body = str(app.screen.query_one("#confirm-body", Static).render())
        assert latest.ended is not None
        minutes = round((latest.ended - latest.started).total_seconds() / 60)
        assert f"{', '.join(latest.attendees)}, {minutes} minutes" in body


async def test_keys_typed_before_the_attendees_form_appeared_are_set_aside(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_screen(pilot, app, ["3"], ConcessionsScreen)
        await pilot.press("c")
        await until(pilot, lambda: app.screen.has_class("in-call"))
        await reach_screen(pilot, app, ["c"], ConfirmScreen)
        # One burst: yes, end the call, then keys meant for the log, not for the form.
        burst(pilot, ["y", "e", "x"])
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        form = app.screen
        await until(pilot, lambda: bool(form.query("#field-attendees")))
        field = form.query_one("#field-attendees", Input)
        await until(pilot, lambda: "not taken: ex" in "\n".join(screen_lines(app)))
        assert field.value == ""
        await pilot.press(*"Raj")  # typed once the form is there: taken
        await until(pilot, lambda: field.value == "Raj")


async def test_the_calls_list_offers_no_add_and_says_a_short_call_was_under_a_minute(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _end_a_call(pilot, app)  # ended at once, on the same second it started
        await reach_screen(pilot, app, ["escape"], ConcessionsScreen)
        await pilot.press("1")
        await until(pilot, lambda: app.screen.__class__.__name__ == "PortfolioScreen")
        await _open_calls(pilot, app)
        await until(pilot, lambda: "under a minute" in "\n".join(screen_lines(app)))
        lines = screen_lines(app)
        assert "a Add" not in lines[-1]
        # The purpose line may wrap: read the words, not the lines.
        assert "with c on the Concessions screen" in " ".join(" ".join(lines).split())
