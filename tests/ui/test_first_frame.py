"""The first frame of the Portfolio is the finished one: the footer lists its keys in it
already, and the table has the focus from the start (the hidden filter field never takes
it, so keys typed at once never land in a field nobody sees)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets._footer import FooterKey

from negtui.domain.clock import Clock
from negtui.store import Store
from negtui.ui import app as app_module
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.widgets.footer import KeyFooter
from tests.ui.conftest import LARGE, until


class Watched(NegtuiApp):
    """Notes what the screen holds at its first frame, and every widget given the focus."""

    # A relative CSS_PATH is read beside the module of the class: the app's own, then.
    CSS_PATH = [Path(app_module.__file__).parent / path for path in NegtuiApp.CSS_PATH]

    def __init__(self, folder: Path, clock: Clock) -> None:
        super().__init__(Store(folder, clock).open(), clock)
        self.first_frame_keys: list[str] | None = None
        self.focused_ids: list[str | None] = []

    def on_mount(self) -> None:
        # Runs before NegtuiApp.on_mount, which switches nothing: the Portfolio is the
        # first screen. The callback runs once the first frame has been drawn.
        self.call_after_refresh(self._first_frame)

    def _first_frame(self) -> None:
        self.first_frame_keys = [key.key for key in self.screen.query(KeyFooter).first()
                                 .query(FooterKey)]

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.focused_ids.append(event.widget.id)


async def test_the_first_frame_shows_the_footer_keys_the_portfolio_settles_on(
        demo_folder: Path, clock: Clock) -> None:
    app = Watched(demo_folder, clock)
    async with app.run_test(size=LARGE) as pilot:
        await until(pilot, lambda: app.first_frame_keys is not None)
        assert isinstance(app.screen, PortfolioScreen)

        def shown() -> list[str]:
            return [key.key for key in app.screen.query(FooterKey)]

        await until(pilot, lambda: "question_mark" in shown())
        await pilot.pause()
        assert "n" in shown() and "enter" in shown()
        assert app.first_frame_keys == shown()


async def test_the_table_has_the_focus_from_the_start_never_the_hidden_filter_field(
        demo_folder: Path, clock: Clock) -> None:
    app = Watched(demo_folder, clock)
    async with app.run_test(size=LARGE) as pilot:
        await until(pilot, lambda: app.first_frame_keys is not None)
        await pilot.pause()
        assert app.focused_ids == ["deals"]
        await pilot.press("slash")  # the field still takes the focus when asked for
        await until(pilot, lambda: app.focused_ids[-1] == "filter")
