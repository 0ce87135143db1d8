"""A key learned on one screen means the same on the next: delete, undo, all deals and
export each have one key everywhere, and what was deleted anywhere comes back with u."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from textual.binding import Binding
from textual.widgets import DataTable, Footer, OptionList

from negtui.store import Store
from negtui.ui import keys
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.all_concessions import AllConcessionsScreen
from negtui.ui.screens.all_terms import AllTermsScreen
from negtui.ui.screens.base import NegtuiScreen
from negtui.ui.screens.records.editor import RecordEditorScreen
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from negtui.ui.widgets.confirm import ConfirmScreen
from tests.ui.conftest import until

AppMaker = Callable[[Path], NegtuiApp]

# Each shared meaning, by the actions that carry it, and the one key it has.
MEANINGS = {
    "delete": ({"delete", "delete_deal", "delete_person"}, keys.DELETE),
    "undo": ({"undo"}, keys.UNDO),
    "all deals": ({"all_terms", "all_deals"}, keys.ALL_DEALS),
    "export": ({"export", "export_dossier(False)"}, keys.EXPORT),
    "shared export": ({"export_dossier(True)"}, keys.EXPORT_SHARED),
    "history": ({"history"}, keys.HISTORY),
}


def _screens(base: type) -> Iterator[type]:
    for sub in base.__subclasses__():
        yield sub
        yield from _screens(sub)


def _bindings() -> Iterator[tuple[str, Binding]]:
    for screen in {NegtuiApp, RecordEditorScreen, *_screens(NegtuiScreen)}:
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding):
                yield screen.__name__, binding


def test_each_shared_meaning_has_one_key_on_every_screen() -> None:
    seen = {meaning: set() for meaning in MEANINGS}
    for where, binding in _bindings():
        for meaning, (actions, key) in MEANINGS.items():
            if binding.action in actions:
                seen[meaning].add(where)
                assert binding.key == key, f"{where}: {meaning} is {binding.key}, not {key}"
    # The table is about real screens: every meaning is in use somewhere.
    assert all(seen.values()), seen


def test_no_screen_gives_a_shared_key_another_meaning() -> None:
    owner: dict[str, set[str]] = {}
    for actions, key in MEANINGS.values():
        for one in key.split(","):
            owner[one] = actions
    for where, binding in _bindings():
        for one in binding.key.split(","):
            if one in owner:
                assert binding.action in owner[one], (
                    f"{where}: {one} runs {binding.action}, elsewhere it means "
                    f"{sorted(owner[one])}")


def _footer_keys(app: NegtuiApp) -> str:
    footer = app.screen.query_one(Footer)
    return " ".join(str(child.render()) for child in footer.children)


async def test_a_deleted_term_comes_back_with_u(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, TermsScreen)
        await until(pilot, lambda: screen.focused_term() is not None)
        book = app.session.current_book()
        assert book is not None
        named = {c.term_id for c in book.concessions}
        while (term := screen.focused_term()) is not None and term.id in named:
            await pilot.press("down")  # a term no concession names can go
        assert term is not None
        assert "Undo" not in _footer_keys(app)
        await pilot.press("d", "y")
        deal_id = app.session.deal_id or ""
        assert term.id not in [t.id for t in Store(demo_folder).read_book(deal_id).terms]
        await until(pilot, lambda: "Undo" in _footer_keys(app))
        await pilot.press("u")
        back = [t for t in Store(demo_folder).read_book(deal_id).terms if t.id == term.id]
        assert back == [term]
        await until(pilot, lambda: "Undo" not in _footer_keys(app))


async def test_d_deletes_a_milestone_and_u_brings_it_back(demo_folder: Path,
                                                          make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    title = "Checkpoint: hours against cap"

    def on_disk() -> bool:
        store = Store(demo_folder)
        return any(m.title == title for path in store.deal_files()
                   for m in store.read_book(path.stem).milestones)

    async with app.run_test(size=(80, 24)) as pilot:
        # The agenda starts on tomorrow's first item; the overdue checkpoint is above it.
        await pilot.press("4", "v", "up")
        agenda = app.screen.query_one("#agenda", OptionList)
        await until(pilot, lambda: agenda.highlighted is not None)
        highlighted = agenda.highlighted
        assert highlighted is not None
        assert title in str(agenda.get_option_at_index(highlighted).prompt)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert not on_disk()
        await pilot.press("u")
        assert on_disk()


async def test_a_removed_stakeholder_comes_back_with_u(demo_folder: Path,
                                                       make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, WorkspaceScreen)
        deal_id = app.session.deal_id or ""
        before = Store(demo_folder).read_book(deal_id).stakeholders
        assert before
        await pilot.press("d", "y")
        assert len(Store(demo_folder).read_book(deal_id).stakeholders) == len(before) - 1
        await pilot.press("u")
        after = Store(demo_folder).read_book(deal_id).stakeholders
        assert sorted(p.id for p in after) == sorted(p.id for p in before)


async def test_u_on_any_screen_takes_back_the_last_change(demo_folder: Path,
                                                          make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")  # archive the deal under the cursor on the Portfolio
        assert any(d.archived for d in Store(demo_folder).load().deals())
        await pilot.press("4", "u")  # on the Calendar
        assert not any(d.archived for d in Store(demo_folder).load().deals())


async def test_capital_a_opens_the_view_across_deals_from_terms_and_concessions(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "A")
        await until(pilot, lambda: isinstance(app.screen, AllTermsScreen))
        await pilot.press("escape", "3", "A")
        await until(pilot, lambda: isinstance(app.screen, AllConcessionsScreen))


async def test_escape_clears_the_filters_of_all_terms_first_then_goes_back(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "A")
        await until(pilot, lambda: isinstance(app.screen, AllTermsScreen))
        table = app.screen.query_one("#all-terms", DataTable)
        everything = sum(len(book.terms) for book in app.session.portfolio.books.values())
        await until(pilot, lambda: table.row_count == everything)
        await pilot.press("c")
        await until(pilot, lambda: table.row_count < everything)
        await pilot.press("escape")
        assert isinstance(app.screen, AllTermsScreen)
        await until(pilot, lambda: table.row_count == everything)
        await pilot.press("escape")
        assert isinstance(app.screen, TermsScreen)
