"""Moving around by keys alone: every preparation record two keys from the deal, escape
back to where one came from, 1 to 5 the same everywhere, help named for its screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.calendar import CalendarScreen
from negtui.ui.screens.checklist import ChecklistScreen
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.screens.help import HelpScreen
from negtui.ui.screens.people import PeopleScreen
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.records import RecordEditorScreen
from negtui.ui.screens.share_preview import SharePreviewScreen
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from negtui.ui.widgets.form import FormScreen
from negtui.ui.widgets.shown import Static
from tests.ui.conftest import help_rows, until

AppMaker = Callable[[Path], NegtuiApp]
DEAL = "Northwind data platform"  # first on the demo portfolio, in focus at the start

# What each preparation record is on screen, by the key that opens it on the workspace.
RECORD_LISTS = {"s": "stakeholders", "k": "risks", "v": "value_map", "g": "agenda",
                "c": "scenarios", "l": "lessons", "b": "onboarding"}
FORMS = {"o": "Brief", "r": "Research"}
NUMBERS = {"1": PortfolioScreen, "2": TermsScreen, "3": ConcessionsScreen,
           "4": CalendarScreen, "5": ChecklistScreen}


def _records_of(app: NegtuiApp, table: str) -> bool:
    screen = app.screen
    return (isinstance(screen, RecordEditorScreen) and screen.spec.table == table
            and screen.deal_id == app.session.deal_id)


def _form_title(app: NegtuiApp) -> str:
    """The title a form shows at its top; empty when no form is open."""
    screen = app.screen
    if not isinstance(screen, FormScreen):
        return ""
    return str(screen.query_one("#form-box").border_title or "")


def _form_titled(app: NegtuiApp, title: str) -> bool:
    return _form_title(app) == f"{title} — {DEAL}"


def _on(app: NegtuiApp, kind: type[Screen[None]]) -> bool:
    """On the screen of that kind itself, nothing opened over it."""
    return type(app.screen) is kind


async def _open_workspace(pilot: Pilot[Any], app: NegtuiApp) -> None:
    await pilot.press("1")
    await until(pilot, lambda: _on(app, PortfolioScreen))
    await pilot.press("enter")
    await until(pilot, lambda: _on(app, WorkspaceScreen))


async def test_every_record_opens_from_the_workspace_with_one_key(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_workspace(pilot, app)
        for key, table in RECORD_LISTS.items():
            await pilot.press(key)
            await until(pilot, lambda table=table: _records_of(app, table))
            await pilot.press("escape")
            await until(pilot, lambda: _on(app, WorkspaceScreen))
        for key, title in FORMS.items():
            await pilot.press(key)
            await until(pilot, lambda title=title: _form_titled(app, title))
            await pilot.press("escape")
            await until(pilot, lambda: _on(app, WorkspaceScreen))
        await pilot.press("t")
        await until(pilot, lambda: _on(app, TermsScreen))
        await pilot.press("escape")
        await until(pilot, lambda: _on(app, WorkspaceScreen))
        await pilot.press("x")
        exports = demo_folder / "exports"
        await until(pilot, lambda: exports.is_dir() and any(exports.glob("*.md")))


async def _run_command(pilot: Pilot[Any], app: NegtuiApp, label: str) -> None:
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*label)
    results = app.screen.query_one(CommandList)

    def first_is_it() -> bool:
        return results.option_count > 0 and results.highlighted == 0 and str(
            results.get_option_at_index(0).prompt).startswith(label)

    await until(pilot, first_is_it)
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(app.screen, CommandPalette))


async def test_every_record_opens_from_the_palette_for_the_deal_in_focus(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    words = {"stakeholders": "stakeholders", "risks": "risks", "value_map": "value map",
             "agenda": "agenda", "scenarios": "scenarios", "lessons": "lessons",
             "onboarding": "onboarding"}
    async with app.run_test(size=(120, 40)) as pilot:
        for table, word in words.items():
            await _run_command(pilot, app, f"Open {word} — {DEAL}")
            await until(pilot, lambda table=table: _records_of(app, table))
            await pilot.press("escape")
            await until(pilot, lambda: _on(app, PortfolioScreen))
        for title in FORMS.values():
            await _run_command(pilot, app, f"Open {title.lower()} — {DEAL}")
            await until(pilot, lambda title=title: _form_titled(app, title))
            await pilot.press("escape")
            await until(pilot, lambda: _on(app, PortfolioScreen))
        await _run_command(pilot, app, f"Open terms — {DEAL}")
        await until(pilot, lambda: _on(app, TermsScreen))
        await _run_command(pilot, app, f"Open workspace — {DEAL}")
        await until(pilot, lambda: _on(app, WorkspaceScreen))
        await _run_command(pilot, app, f"Export dossier — {DEAL}")
        exports = demo_folder / "exports"
        await until(pilot, lambda: exports.is_dir() and any(exports.glob("*.md")))
        await pilot.press("escape")  # from the workspace back to the terms
        await until(pilot, lambda: _on(app, TermsScreen))


async def test_the_shared_dossier_and_the_people_open_from_the_palette(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _run_command(pilot, app, f"Export shared dossier (safe to send) — {DEAL}")
        await until(pilot, lambda: isinstance(app.screen, SharePreviewScreen))
        await pilot.press("escape")
        await until(pilot, lambda: _on(app, PortfolioScreen))
        await _run_command(pilot, app, "Go to people across deals")
        await until(pilot, lambda: _on(app, PeopleScreen))


async def _checklist_item(pilot: Pilot[Any], app: NegtuiApp, opens: str) -> None:
    """Walk the checklist with n and down to the first item whose work is done at ``opens``."""
    screen = app.screen
    assert isinstance(screen, ChecklistScreen)
    for _ in range(len(screen.states)):
        state = screen.states[screen.phase_index]
        for _ in state.items:
            item = screen.current_item()
            if item is not None and item.item.opens == opens:
                return
            await pilot.press("down")
        await pilot.press("n")
    raise AssertionError(f"no checklist item opens {opens}")


async def test_escape_after_a_jump_from_the_checklist_comes_back_to_it(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: _on(app, ChecklistScreen))
        await _checklist_item(pilot, app, "terms")
        await pilot.press("enter")
        await until(pilot, lambda: _on(app, TermsScreen))
        await pilot.press("escape")
        await until(pilot, lambda: _on(app, ChecklistScreen))

        await _checklist_item(pilot, app, "record:risks")
        await pilot.press("enter")
        await until(pilot, lambda: _records_of(app, "risks"))
        await pilot.press("3")  # a look at the concessions on the way
        await until(pilot, lambda: _on(app, ConcessionsScreen))
        await pilot.press("escape")
        await until(pilot, lambda: _records_of(app, "risks"))
        await pilot.press("escape")
        await until(pilot, lambda: _on(app, ChecklistScreen))


async def test_escape_walks_back_from_a_record_to_the_workspace_then_the_portfolio(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down")  # the second deal
        second = app.session.deal_id
        await pilot.press("enter", "k")
        await until(pilot, lambda: _records_of(app, "risks"))
        assert app.session.deal_id == second
        await pilot.press("1", "up")  # the portfolio, another deal in focus there
        await until(pilot, lambda: app.session.deal_id != second)
        await pilot.press("escape")  # back on the risks of the deal they were of
        await until(pilot, lambda: _records_of(app, "risks"))
        assert app.session.deal_id == second
        await pilot.press("escape")
        await until(pilot, lambda: _on(app, WorkspaceScreen))
        await pilot.press("escape")
        await until(pilot, lambda: _on(app, PortfolioScreen))
        await pilot.press("escape")  # nowhere further back
        assert _on(app, PortfolioScreen)


async def test_one_to_five_show_the_same_screen_from_everywhere(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        for key, kind in NUMBERS.items():
            for start in ("workspace", "record list", "main"):
                await _open_workspace(pilot, app)
                if start == "record list":
                    await pilot.press("v")
                    await until(pilot, lambda: _records_of(app, "value_map"))
                elif start == "main":
                    await pilot.press("t")  # the terms screen for this deal
                    await until(pilot, lambda: _on(app, TermsScreen))
                await pilot.press(key)
                await until(pilot, lambda kind=kind: _on(app, kind))


async def test_after_1_on_the_workspace_e_edits_the_deal_not_a_stakeholder(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_workspace(pilot, app)
        await pilot.press("1", "e")
        await until(pilot, lambda: _form_title(app) != "")
        assert "stakeholder" not in _form_title(app).lower()
        assert DEAL in _form_title(app)


def _help(app: NegtuiApp) -> tuple[str, list[str]]:
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    return (str(screen.query_one("#help-title", Static).render()),
            [says for _, says in help_rows(screen)])


async def test_help_is_titled_for_its_screen_and_lists_its_keys_and_the_apps(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        title, described = _help(app)
        assert title == "Keys — Terms"
        assert {"Offer", "Portfolio", "Quit", "Back"} <= set(described)
        await pilot.press("escape", "1", "enter", "question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        title, described = _help(app)
        assert title == "Keys — Deal workspace"
        assert {"Brief", "Research", "Stakeholders", "Terms", "Risks", "Value map", "Agenda",
                "Scenarios", "Lessons", "Onboarding", "Dossier", "Checklist"} <= set(described)
        await pilot.press("escape", "k", "question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        title, described = _help(app)
        assert title == "Keys — Risk register"
        assert {"Add", "Edit", "Delete", "Back", "Keys (this help)"} <= set(described)
        # Undo is listed before there is anything to undo, as it works everywhere.
        assert not app.session.undo and "Undo" in described


def test_no_key_of_the_workspace_opens_two_things() -> None:
    seen: dict[str, str] = {}
    for binding in WorkspaceScreen.BINDINGS:
        assert isinstance(binding, Binding)
        for key in binding.key.split(","):
            assert key not in seen, f"{key} runs {seen[key]} and {binding.action}"
            seen[key] = binding.action


async def test_the_screen_keys_close_help_and_go_to_their_screen(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        # From help over each main screen, each digit leads to its screen, help closed.
        for here, there, kind in (("1", "2", TermsScreen), ("2", "4", CalendarScreen),
                                  ("4", "1", PortfolioScreen), ("1", "1", PortfolioScreen)):
            await pilot.press(here, "question_mark")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen))
            await pilot.press(there)
            await until(pilot, lambda kind=kind: _on(app, kind))
        # Over the workspace too; escape then comes back to the workspace.
        await _open_workspace(pilot, app)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("3")
        await until(pilot, lambda: _on(app, ConcessionsScreen))
        await pilot.press("escape")
        await until(pilot, lambda: _on(app, WorkspaceScreen))
