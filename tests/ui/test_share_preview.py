"""``X`` shows what the shared dossier holds and leaves out before writing it; records are
marked share in their forms."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Checkbox, Input, Static

from negtui.domain.vocab import MilestoneKind
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.checklist import ChecklistScreen
from negtui.ui.screens.records import RecordEditorScreen
from negtui.ui.screens.share_preview import SharePreviewScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from negtui.ui.widgets.form import FormScreen

from .conftest import help_rows, until
from .test_checklist import go_to_item

AppMaker = Callable[[Path], NegtuiApp]
SHARED = Path("exports") / "northwind-data-platform-dossier-shared.md"


def _text(app: NegtuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def _preview(app: NegtuiApp) -> bool:
    return isinstance(app.screen, SharePreviewScreen)


async def test_the_preview_counts_what_goes_in_and_out_and_enter_writes_it(
        demo_folder: Path, make_app: AppMaker) -> None:
    target = demo_folder / SHARED
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        book = app.session.current_book()
        assert book is not None
        await pilot.press("X")
        await until(pilot, lambda: _preview(app))
        # Titled in its border like every dialog, with the deal it is for.
        title = app.screen.query_one("#share-box").border_title
        assert str(title) == f"Shared dossier — {book.deal.name}"
        written = _text(app, "#share-written")
        for line in ("Terms", "7 terms", "Milestones", "3 milestones"):
            assert line in written
        left_out = _text(app, "#share-left-out")
        for line in ("2 risks", "2 agenda topics not marked share", "3 internal milestones",
                     "5 concessions", "positions, ratings and notes of 7 terms"):
            assert line in left_out

        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ChecklistScreen))
        assert not target.exists()

        await pilot.press("X")
        await until(pilot, lambda: _preview(app))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ChecklistScreen))
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Shared summary: Northwind data platform")
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## The deal", "## Terms", "## Milestones"]
    for private in (book.deal.objective, book.agenda[0].framing, book.risks[0].risk):
        assert private not in text


async def test_a_topic_marked_share_in_its_form_goes_into_the_shared_copy(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        book = app.session.current_book()
        assert book is not None
        await go_to_item(pilot, app, "value.agenda")
        await pilot.press("enter")
        assert isinstance(app.screen, RecordEditorScreen)
        topic = app.screen.records()[0]
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        box = app.screen.query_one("#field-share", Checkbox)
        assert box.value is False
        while app.screen.focused is not box:
            await pilot.press("tab")
        await pilot.press("space", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, RecordEditorScreen))
        stored = next(t for t in Store(demo_folder).read_book(book.id).agenda
                      if t.id == topic.id)
        assert stored.share and stored.framing == topic.framing
        assert re.search(r"^Share:\s+yes$", _text(app, "#records-detail"), re.MULTILINE)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        assert app.screen.query_one("#field-share", Checkbox).value is True
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, RecordEditorScreen))

        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ChecklistScreen))
        await pilot.press("X")
        await until(pilot, lambda: _preview(app))
        assert "Agenda" in _text(app, "#share-written")
        assert "1 agenda topic not marked share" in _text(app, "#share-left-out")
        await pilot.press("enter")
        await until(pilot, lambda: (demo_folder / SHARED).exists())
    text = (demo_folder / SHARED).read_text(encoding="utf-8")
    assert topic.topic in text and "## Agenda" in text
    assert topic.framing not in text and topic.alternative not in text


async def test_a_milestone_marked_share_in_the_calendar_form(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "a")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        # From "negotiation call", two kinds down: a decision deadline, ours by default.
        await pilot.press("tab", "enter", "down", "down", "enter", "tab", *"Board decides")
        await pilot.press("tab", *"tomorrow 14:00")
        box = app.screen.query_one("#field-share", Checkbox)
        while app.screen.focused is not box:
            await pilot.press("tab")
        await pilot.press("space", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, FormScreen))
        book = app.session.current_book()
        assert book is not None
        added = next(m for m in Store(demo_folder).read_book(book.id).milestones
                     if m.title == "Board decides")
        assert added.kind is MilestoneKind.DECISION_DEADLINE and added.share
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        assert app.screen.query_one("#field-title", Input).value == "Board decides"
        assert app.screen.query_one("#field-share", Checkbox).value is True
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, FormScreen))
        await pilot.press("5", "X")
        await until(pilot, lambda: _preview(app))
        assert "4 milestones" in _text(app, "#share-written")
        await pilot.press("enter")
        await until(pilot, lambda: (demo_folder / SHARED).exists())
    assert "Board decides" in (demo_folder / SHARED).read_text(encoding="utf-8")


async def test_the_workspace_has_both_dossier_keys_in_its_help(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
        await pilot.press("question_mark")
        await until(pilot, lambda: app.screen.query("#help-keys"))
        rows = help_rows(app.screen)
        assert ("X", "Shared dossier") in rows and ("x", "Dossier") in rows
        await pilot.press("escape", "X")
        await until(pilot, lambda: _preview(app))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
    assert not (demo_folder / SHARED).exists()
