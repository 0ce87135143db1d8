"""The alerts box shows every alert whole when it has the room, and one line each when
it does not."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from textual.geometry import Region
from textual.pilot import Pilot

from negtui.ui.app import NegtuiApp
from negtui.ui.widgets.alerts_box import AlertsBox

from .keyboard import wait_until

AppMaker = Callable[[Path], NegtuiApp]


def _drawn_lines(box: AlertsBox) -> list[str]:
    width, height = box.outer_size
    return [strip.text.rstrip(" │╮╯╭╰─") for strip in
            box.render_lines(Region(0, 0, width, height))]


@asynccontextmanager
async def _alerts(app: NegtuiApp, size: tuple[int, int],
                  ) -> AsyncIterator[tuple[Pilot[object], AlertsBox]]:
    """The app in a terminal of ``size``, once its alerts box lists every alert."""
    async with app.run_test(size=size) as pilot:
        box = app.screen.query_one("#alerts", AlertsBox)
        await wait_until(pilot, lambda: bool(box.listed) and not box.waiting
                         and box.option_count >= len(box.listed), "the alerts to be listed")
        yield pilot, box


def _cut(box: AlertsBox) -> bool:
    """Whether the box draws an alert cut short."""
    return any(line.endswith("…") for line in _drawn_lines(box))


async def test_a_tall_window_spells_out_every_alert(demo_folder: Path,
                                                    make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with _alerts(app, (200, 60)) as (pilot, box):
        await wait_until(pilot, lambda: not _cut(box), "every alert whole")
        # Moving down the list keeps them whole.
        await pilot.press("exclamation_mark")
        await wait_until(pilot, lambda: box.has_focus, "the alerts in focus")
        await pilot.press("down", "down", "down")
        await wait_until(pilot, lambda: (box.highlighted or 0) >= 2, "the highlight to move")
        assert not _cut(box)


async def test_a_small_window_cuts_all_but_the_highlighted_alert(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with _alerts(app, (80, 24)) as (pilot, box):
        await wait_until(pilot, lambda: _cut(box), "the alerts drawn")
        assert box.get_option_at_index(0).prompt.whole  # type: ignore[attr-defined]
        assert not box.get_option_at_index(1).prompt.whole  # type: ignore[attr-defined]


async def test_growing_the_window_spells_them_out_and_shrinking_cuts_them_again(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with _alerts(app, (100, 30)) as (pilot, box):
        await wait_until(pilot, lambda: _cut(box), "cut alerts at 100x30")
        small = box.size.height
        # Taller, though it shares the rows with what is coming up in every deal.
        await pilot.resize_terminal(200, 60)
        await wait_until(pilot, lambda: box.size.height > small + 5 and not _cut(box),
                         "every alert whole")
        await pilot.resize_terminal(100, 30)
        await wait_until(pilot, lambda: box.size.height == small and _cut(box), "cut again")
