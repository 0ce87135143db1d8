"""``q`` quits many terminal programs; here it says which key quits, and quits nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.term_form import TermForm
from tests.ui.conftest import until

AppMaker = Callable[[Path], NegtuiApp]


def notices(app: NegtuiApp) -> str:
    return " ".join(str(toast.render()) for toast in app.screen.query("Toast"))


async def test_q_says_how_to_quit_and_the_app_stays(demo_folder: Path,
                                                    make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("2", "q")
        await until(pilot, lambda: "^q quits negtui" in notices(app))
        assert app.is_running and app.current_mode == "terms"


async def test_q_in_a_field_is_typed(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("2", "a")
        await until(pilot, lambda: isinstance(app.screen, TermForm))
        await pilot.press(*"quota")
        await until(pilot, lambda: app.screen.query_one("#field-name", Input).value == "quota")
        assert "quits negtui" not in notices(app)
