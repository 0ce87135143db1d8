"""The user's config file in the app: remapped keys, the theme kept, mistakes shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Select

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.widgets.form import FormScreen
from tests.ui.conftest import until

AppMaker = Callable[[Path], NegtuiApp]


async def _pick(pilot: Pilot[object], text: str) -> None:
    """Type ``text`` in the palette and choose the entry it brings to the top."""
    await pilot.press(*text)

    def offered() -> bool:
        found = pilot.app.screen.query(CommandList)
        if not found or found.first().highlighted is None:
            return False
        listed = found.first()
        return text.lower() in str(listed.get_option_at_index(listed.highlighted).prompt).lower()

    await until(pilot, offered)
    await pilot.press("enter")


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("NEGTUI_CONFIG", str(path))
    return path


async def test_the_terms_screen_opens_with_the_key_the_config_gives_it(
    demo_folder: Path, make_app: AppMaker, config_file: Path
) -> None:
    config_file.parent.mkdir()
    config_file.write_text('[keys]\n"screen.terms" = "f6"\n', encoding="utf-8")
    app = make_app(demo_folder)
    async with app.run_test() as pilot:
        await pilot.press("2")  # the key it had is free now
        assert app.current_mode == "portfolio"
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))


async def test_q_given_to_quit_quits(demo_folder: Path, make_app: AppMaker,
                                     config_file: Path) -> None:
    config_file.parent.mkdir()
    config_file.write_text('[keys]\n"app.quit" = "q"\n"help.close" = "escape"\n'
                           '"history.close" = "escape,w"\n',
                           encoding="utf-8")
    app = make_app(demo_folder)
    async with app.run_test(notifications=True) as pilot:
        assert not app.config.problems, app.config.problems
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running)


async def test_a_theme_picked_in_the_palette_is_applied_and_kept_after_a_restart(
    demo_folder: Path, make_app: AppMaker, config_file: Path
) -> None:
    app = make_app(demo_folder)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await _pick(pilot, "Theme")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette)
                    and "theme" in app.screen.query_one(Input).placeholder.lower())
        await _pick(pilot, "textual-light")
        await until(pilot, lambda: app.theme == "textual-light")
        await until(pilot, lambda: config_file.is_file())
        background = app.screen.styles.background
        assert background.brightness > 0.5  # light everywhere, not only in the palette
    assert 'theme = "textual-light"' in config_file.read_text(encoding="utf-8")

    again = make_app(demo_folder)
    async with again.run_test() as pilot:
        await until(pilot, lambda: again.theme == "textual-light")
        await pilot.press("2")
        await until(pilot, lambda: isinstance(again.screen, TermsScreen))
        assert again.screen.styles.background.brightness > 0.5


async def test_a_broken_config_file_still_opens_the_app_and_says_where(
    demo_folder: Path, make_app: AppMaker, config_file: Path
) -> None:
    config_file.parent.mkdir()
    config_file.write_text('theme = "textual-light"\n[keys\n', encoding="utf-8")
    app = make_app(demo_folder)
    async with app.run_test() as pilot:
        await until(pilot, lambda: any(f"{config_file}:2:" in note.message
                                       for note in app._notifications))
        assert app.theme == "textual-dark"  # defaults, as if there were no file
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))


async def test_a_theme_named_in_the_config_wins_over_the_sixteen_colour_one(
    demo_folder: Path, make_app: AppMaker, config_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NegtuiApp, "few_colours", lambda self: True)
    config_file.parent.mkdir()
    config_file.write_text('theme = "textual-light"\n', encoding="utf-8")
    app = make_app(demo_folder)
    async with app.run_test() as pilot:
        await until(pilot, lambda: app.theme == "textual-light")
    assert config_file.read_text(encoding="utf-8") == 'theme = "textual-light"\n'


async def test_a_theme_chosen_in_settings_is_applied_and_kept(
    demo_folder: Path, make_app: AppMaker, config_file: Path
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("comma")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        for _ in range(40):
            if app.focused is not None and app.focused.id == "field-theme":
                break
            await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "field-theme"
        await pilot.press("enter", *"textual-light", "enter")
        await until(pilot, lambda: app.screen.query_one("#field-theme", Select).value
                    == "textual-light")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.theme == "textual-light")
        await until(pilot, lambda: config_file.is_file())
    assert 'theme = "textual-light"' in config_file.read_text(encoding="utf-8")


def test_every_shipped_key_is_one_the_config_check_knows() -> None:
    """The check for misspelled keys never refuses a key the app itself uses."""
    from negtui.ui.keymap import catalogue, normal, unknown_key

    assert [(e.id, key) for e in catalogue() for key in normal(e.keys)
            if unknown_key(key)] == []
    assert unknown_key("ctlr+s") is not None and "“ctrl+s”" in str(unknown_key("ctlr+s"))
