"""The checklist walk, the record editors and the lessons list, driven by real key presses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from negtui.domain.checklist import Item, phases_for
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.checklist import ChecklistScreen
from negtui.ui.screens.lessons import LessonsScreen
from negtui.ui.screens.records import RecordEditorScreen
from negtui.ui.screens.share_preview import SharePreviewScreen
from negtui.ui.widgets.form import FormScreen

from .conftest import until
from .test_fit import screen_lines

AppMaker = Callable[[Path], NegtuiApp]
NORTHWIND = "Northwind data platform"


async def type_text(pilot: Pilot[int], text: str) -> None:
    await pilot.press(*("space" if ch == " " else ch for ch in text))


async def go_to_item(pilot: Pilot[int], app: NegtuiApp, key: str) -> Item:
    """From the checklist, move to the phase and item with this key."""
    screen = app.screen
    assert isinstance(screen, ChecklistScreen)
    book = app.session.current_book()
    assert book is not None
    for phase in phases_for(book):
        keys = [item.key for item in phase.items]
        if key in keys:
            while screen.phase_index < phase.number - 1:
                await pilot.press("n")
            while screen.phase_index > phase.number - 1:
                await pilot.press("p")
            await pilot.press("home", *(["down"] * keys.index(key)))
            await pilot.pause()
            return phase.items[keys.index(key)]
    raise AssertionError(f"no item {key}")


def _text(app: NegtuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_walk_all_ten_phases_from_the_keyboard(demo_folder: Path,
                                                     make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        book = app.session.current_book()
        assert book is not None and book.deal.name == NORTHWIND
        deal_id = book.id
        ticked: list[str] = []
        phases = phases_for(book)
        for phase in phases:
            heading = f"{phase.number}. {phase.title}"
            await until(pilot, lambda h=heading: _text(app, "#phase-heading").startswith(h))
            items = screen.query_one("#items", OptionList)
            count = len(phase.items)
            await until(pilot, lambda i=items, n=count: i.option_count == n)
            keys: list[str] = []
            for item in phase.items:
                if not item.computed:
                    keys.append("space")
                    ticked.append(item.key)
                keys.append("down")
            await pilot.press(*keys, "n")
        await until(pilot, lambda: screen.phase_index == 9)
        assert screen.phase_index == 9  # n on the last phase stays there

        on_disk = Store(demo_folder).read_book(deal_id)
        assert sorted(on_disk.checklist.ticked) == sorted(ticked)
        for state in screen.states:
            assert all(s.done for s in state.items if not s.computed)
        done = sum(s.done for s in screen.states)
        total = sum(s.total for s in screen.states)
        assert f"{done}/{total} done" in _text(app, "#checklist-deal")
        assert app.session.checklist_progress(on_disk) == (done, total)

        # Phase 6: the agenda is empty of a third topic; add one through its editor.
        await go_to_item(pilot, app, "value.agenda")
        await pilot.press("enter")
        assert isinstance(app.screen, RecordEditorScreen)
        assert app.screen.spec.table == "agenda"
        await pilot.press("a")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "Exclusivity length")
        await pilot.press("tab")
        app.screen.query_one("#field-minutes", Input).value = ""
        await type_text(pilot, "20")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordEditorScreen)
        agenda = Store(demo_folder).read_book(deal_id).agenda
        added = [a for a in agenda if a.topic == "Exclusivity length"]
        assert len(added) == 1 and added[0].minutes == 20
        table = app.screen.query_one("#records", DataTable)
        assert table.row_count == 3
        await pilot.press("escape")
        assert isinstance(app.screen, ChecklistScreen)
        assert "3 topics, 45 minutes" in _text(app, "#item-detail")

        # p walks back to the first phase.
        for _ in range(10):
            await pilot.press("p")
        assert screen.phase_index == 0


async def test_space_on_an_item_the_app_checks_changes_nothing(demo_folder: Path,
                                                                make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        deal_id = app.session.deal_id
        assert deal_id is not None
        before = Store(demo_folder).deal_path(deal_id).read_bytes()
        await go_to_item(pilot, app, "positions.fallbacks")
        await pilot.press("space")
        await pilot.pause()
        assert Store(demo_folder).deal_path(deal_id).read_bytes() == before
        # (The detail wraps under its own words: read it as one line.)
        assert "no dated fallback: Tooling IP" in " ".join(_text(app, "#item-detail").split())
        # A hand tick can also be taken back.
        await go_to_item(pilot, app, "audit.capacity")
        await pilot.press("space")
        await pilot.pause()
        assert Store(demo_folder).read_book(deal_id).checklist.ticked == ["audit.capacity"]
        await pilot.press("space")
        await pilot.pause()
        assert Store(demo_folder).read_book(deal_id).checklist.ticked == []


async def test_enter_on_the_batna_item_opens_a_form_that_proves_it(
    demo_folder: Path, make_app: AppMaker
) -> None:
    store = Store(demo_folder)
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        book = app.session.current_book()
        assert book is not None
        store.save_deal(book.deal.model_copy(update={"batna": ""}))
        await pilot.press("ctrl+r")
        await go_to_item(pilot, app, "positions.batna")
        assert "not written down yet" in _text(app, "#item-detail")
        await pilot.press("enter")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "Publish the toolkit as a product")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        assert store.read_book(book.id).deal.batna == "Publish the toolkit as a product"
        assert "Checked by the app: written down" in _text(app, "#item-detail")


async def test_enter_on_a_term_item_opens_the_term_matrix(demo_folder: Path,
                                                          make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await go_to_item(pilot, app, "positions.rationale")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "terms"
        await pilot.press("5")
        await go_to_item(pilot, app, "positions.deadline")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "calendar"


async def test_deleting_a_risk_asks_first(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        deal_id = app.session.deal_id
        assert deal_id is not None
        await go_to_item(pilot, app, "framework.risks")
        await pilot.press("enter")
        assert isinstance(app.screen, RecordEditorScreen)
        await pilot.press("d", "n")
        assert len(Store(demo_folder).read_book(deal_id).risks) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert len(Store(demo_folder).read_book(deal_id).risks) == 1
        assert app.screen.query_one("#records", DataTable).row_count == 1


async def test_export_keys_write_both_dossiers(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "x", "X")
        await until(pilot, lambda: isinstance(app.screen, SharePreviewScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ChecklistScreen))
        book = app.session.current_book()
        assert book is not None
    private = demo_folder / "exports" / "northwind-data-platform-dossier.md"
    shared = demo_folder / "exports" / "northwind-data-platform-dossier-shared.md"
    assert book.deal.batna in private.read_text(encoding="utf-8")
    text = shared.read_text(encoding="utf-8")
    assert text.startswith(f"# Shared summary: {NORTHWIND}")
    assert book.deal.batna not in text and book.deal.walk_away not in text


async def test_the_two_lessons_screens_say_which_is_which(demo_folder: Path,
                                                          make_app: AppMaker) -> None:
    """The checklist's lessons span every deal; the deal's own lessons are a record of it."""
    app = make_app(demo_folder)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: "L All lessons" in screen_lines(app)[-1])
        await pilot.press("L")
        await until(pilot, lambda: isinstance(app.screen, LessonsScreen))
        await until(pilot, lambda: "Lessons from every deal" in screen_lines(app)[0])
        await pilot.press("escape", "escape", "enter", "l")
        await until(pilot, lambda: isinstance(app.screen, RecordEditorScreen))
        # An empty list still says what it is a list of, in its frame.
        await until(pilot, lambda: "─ Lessons learned ─" in "".join(screen_lines(app)))
        assert "every deal" not in "".join(screen_lines(app))


async def test_lessons_hint_and_search(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        assert "Meridian analytics extension" in _text(app, "#checklist-hints")
        await pilot.press("L")
        assert isinstance(app.screen, LessonsScreen)
        table = app.screen.query_one("#lessons", DataTable)
        assert table.row_count == 4
        assert str(table.get_row_at(0)[0]) == "★"
        assert str(table.get_row_at(0)[1]) == "Meridian analytics extension"
        await pilot.press("slash")
        await type_text(pilot, "slides")
        await pilot.pause()
        assert table.row_count == 1
        assert str(table.get_row_at(0)[1]) == "Harbor retainer renewal"
        await type_text(pilot, " zeppelin")
        await pilot.pause()
        assert "No lesson holds every word" in _text(app, "#lessons-note")
        await pilot.press("escape")
        assert isinstance(app.screen, ChecklistScreen)


async def test_no_deal_says_what_to_do(empty_folder: Path, make_app: AppMaker) -> None:
    app = make_app(empty_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "space", "n", "enter", "x")
        assert isinstance(app.screen, ChecklistScreen)
        assert app.screen.query_one("#checklist-empty").display
        assert "No deal in focus" in _text(app, "#checklist-empty")
    assert not (empty_folder / "exports").exists()


async def test_at_80_columns_the_count_shows_whole_and_items_wrap_under_their_words(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ChecklistScreen))
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        await until(pilot, lambda: bool(screen.states))
        await pilot.pause()
        done = sum(s.done for s in screen.states)
        total = sum(s.total for s in screen.states)
        lines = screen_lines(app)
        header = next(line for line in lines if NORTHWIND in line)
        assert f"{done}/{total} done" in header
        assert header.rstrip().endswith("…")  # what does not fit is cut with an ellipsis
        first = next(i for i, line in enumerate(lines) if "Hours a week and the date" in line)
        words = lines[first].index("Hours")
        follow = lines[first + 1]
        assert follow[words] != " " and not follow[words - 4:words].strip(), follow
        # So does what the app found, under its own first word.
        found = next(i for i, line in enumerate(lines) if "Checked by the app:" in line)
        value = lines[found].index("Checked by the app:") + len("Checked by the app: ")
        assert lines[found + 1][value] != " " and not lines[found + 1][value - 4:value].strip()


async def test_the_items_pane_says_which_marks_you_tick_and_which_the_app_checks(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ChecklistScreen))
        await until(pilot, lambda: any("(✓)" in line for line in screen_lines(app)))
        lines = screen_lines(app)
        assert any("[ ] you tick (space) · ( ) the app checks" in line for line in lines)
        assert not any("· n p" in line for line in lines)
