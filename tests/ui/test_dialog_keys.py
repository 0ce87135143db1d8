"""Each dialog shows its own footer: only the keys it binds, whole at 80 columns, and the
keys it lists do what their labels say. The footer of the screen under it is covered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets._footer import FooterKey

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.keys import APP_BINDINGS
from negtui.ui.screens.help import HelpScreen
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.share_preview import SharePreviewScreen
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.form import FormScreen

from .conftest import help_rows, until
from .test_fit import screen_lines

AppMaker = Callable[[Path], NegtuiApp]

# How to open each kind of dialog from the start, and the dialog it is.
DIALOGS: dict[str, tuple[list[str], type[Screen[object]]]] = {
    "confirmation": (["d"], ConfirmScreen),
    "form": (["n"], FormScreen),
    "help": (["question_mark"], HelpScreen),
    "share preview": (["5", "X"], SharePreviewScreen),
}


def bound_keys(app: NegtuiApp, screen: Screen[object]) -> set[str]:
    """Every key the dialog's own bindings name (Textual's own carry no id), as shown."""
    keys = set()
    app_ids = {binding.id for binding in APP_BINDINGS if isinstance(binding, Binding)}
    for cls in type(screen).__mro__:
        for binding in cls.__dict__.get("BINDINGS", []):
            # The app's own keys a dialog lets through (1-5 in help) are not its own.
            if (isinstance(binding, Binding) and binding.id is not None
                    and binding.id not in app_ids):
                for key in binding.key.split(","):
                    keys.add(app.get_key_display(Binding(key.strip(), binding.action)))
    return keys


def labels(screen: Screen[object]) -> list[tuple[str, str]]:
    """The labels of the footer the dialog itself shows."""
    return [(key.key_display, key.description) for key in screen.query(FooterKey)]


async def open_dialog(pilot: object, app: NegtuiApp, name: str) -> Screen[object]:
    keys, kind = DIALOGS[name]
    for key in keys:
        await pilot.press(key)  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, kind)  # type: ignore[arg-type]
                and labels(app.screen), timeout=10)
    return app.screen


@pytest.mark.parametrize("name", list(DIALOGS))
async def test_a_dialogs_footer_lists_exactly_its_own_keys_each_whole(
        name: str, demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, app, name)
        shown = labels(dialog)
        listed = {part for keys, _ in shown for part in keys.split("/")}
        assert listed == bound_keys(app, dialog)
        # The last line is the dialog's footer, every label whole; none of the keys of
        # the screen under it (the Portfolio's Archive, its help key ?) is offered.
        await until(pilot, lambda: all(f"{keys} {says}" in " ".join(screen_lines(app)[-1].split())
                                       for keys, says in shown))
        bottom = screen_lines(app)[-1]
        assert "Archive" not in bottom and "? Keys" not in bottom
        # Every form and question offers its own help, at the line's right end.
        if name != "help":
            assert shown[-1] == ("f1", "Keys")
            assert bottom.rstrip().endswith("f1 Keys")


async def test_the_confirmations_keys_answer_as_labelled(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    before = len(Store(demo_folder).load().deals())
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, app, "confirmation")
        assert labels(dialog) == [("y", "Delete"), ("n/esc", "Keep"), ("f1", "Keys")]
        for no in ("n", "escape"):
            await pilot.press(no)
            await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
            assert len(Store(demo_folder).load().deals()) == before
            await open_dialog(pilot, app, "confirmation")
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen)
                    and len(Store(demo_folder).load().deals()) == before - 1)


async def test_the_forms_keys_save_and_cancel_as_labelled(
        empty_folder: Path, make_app: AppMaker) -> None:
    app = make_app(empty_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, app, "form")
        assert [says for _, says in labels(dialog)] == [
            "Save", "Cancel", "Next field", "Previous field", "Keys"]
        await pilot.press(*"Kestrel", "escape")
        # Something typed: escape asks first, in a dialog with a footer of its own.
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen)
                    and labels(app.screen) == [("y", "Discard"), ("n/esc", "Keep editing"),
                                               ("f1", "Keys")])
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        assert Store(empty_folder).load().deals() == []
        await open_dialog(pilot, app, "form")
        await pilot.press(*"Kestrel", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen)
                    and [d.name for d in Store(empty_folder).load().deals()] == ["Kestrel"])


@pytest.mark.parametrize("key", ["escape", "question_mark", "q"])
async def test_each_key_the_help_lists_closes_it(
        key: str, demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, app, "help")
        assert labels(dialog) == [("esc/?/q", "Close")]
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))


async def test_the_command_palette_shows_its_own_keys_and_they_work(
        demo_folder: Path, make_app: AppMaker) -> None:
    from textual.command import CommandPalette

    from negtui.ui.screens.calendar import CalendarScreen

    from .test_palette import find

    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette)
                    and labels(app.screen), timeout=10)
        assert labels(app.screen) == [("⏎", "Run"), ("↓/↑", "Move"), ("pgdn/pgup", "Page"),
                                      ("^end/^home", "Last/first"), ("esc", "Close")]
        await until(pilot, lambda: all(f"{keys} {says}" in " ".join(screen_lines(app)[-1].split())
                                       for keys, says in labels(app.screen)))
        assert "Archive" not in screen_lines(app)[-1]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        await find(pilot, app, "go to calendar", "Go to Calendar")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen))


# What help over each dialog lists among its keys, besides F1 itself.
DIALOG_HELP = {
    "confirmation": {"Delete", "Keep"},  # as its buttons say, not "Yes" and "No"
    "form": {"Save", "Cancel", "Next field", "Previous field"},
    "share preview": {"Write", "Cancel"},
}


@pytest.mark.parametrize("name", list(DIALOG_HELP))
async def test_f1_in_a_dialog_lists_its_keys_and_help_gives_it_back(
        name: str, demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot, app, name)
        mode = app.current_mode
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        title = getattr(dialog, "help_title", "")
        assert title and f"Keys — {title}"[:60] in "\n".join(screen_lines(app))
        described = {says for _, says in help_rows(help_screen)}
        assert DIALOG_HELP[name] | {"Keys (this help)"} <= described
        # The digits do not leave the dialog from its help: in a dialog they are typed.
        await pilot.press("2", "4", "escape")
        await until(pilot, lambda: app.screen is dialog)
        assert app.current_mode == mode
