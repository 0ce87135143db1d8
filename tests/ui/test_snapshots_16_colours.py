"""Screenshots on a 16-colour terminal (TERM=xterm-16color): the app draws on the
terminal's own colours, so flags, warnings and errors never sit on a tinted strip that
the terminal can only show as solid red or grey."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual import constants

from negtui.ui.app import NegtuiApp

# The same screens as without colour, collected here again with this module's terminal.
from .conftest import SMALL
from .test_snapshot_contrast import CHROME, SNAPSHOTS, faint_runs
from .test_snapshots_no_color import (  # noqa: F401
    test_call_flags_and_a_refused_line,
    test_portfolio_alerts_and_capacity,
)

AppMaker = Callable[[Path], NegtuiApp]


@pytest.fixture(autouse=True)
def sixteen_colours(monkeypatch: pytest.MonkeyPatch) -> None:
    # What the app finds on TERM=xterm-16color; a headless test run never says so itself.
    monkeypatch.setattr(NegtuiApp, "few_colours", lambda self: True)


def test_only_a_real_16_colour_terminal_counts(monkeypatch: pytest.MonkeyPatch,
                                              demo_folder: Path, make_app: AppMaker) -> None:
    monkeypatch.undo()
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "standard")
    app = make_app(demo_folder)
    assert app.console.color_system == "standard"
    monkeypatch.setattr(NegtuiApp, "is_headless", False)
    assert app.few_colours()
    monkeypatch.setattr(NegtuiApp, "is_headless", True)
    assert not app.few_colours()


async def test_a_16_colour_terminal_gets_the_terminal_colours(demo_folder: Path,
                                                              make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("3", "c")
        band = app.screen.query_one("#band-call")
        assert app.theme == "ansi-dark"
        assert band.styles.background.ansi == -1  # the terminal's own background


def test_what_the_app_paints_behind_words_reads_on_16_colours() -> None:
    # The terminal's own colours on its own background are the user's to choose; a strip
    # the app lays behind words (the cursor row) must keep them readable.
    shots = sorted((SNAPSHOTS / "test_snapshots_16_colours").glob("*.svg"))
    assert shots
    for path in shots:
        svg = path.read_text(encoding="utf-8")
        chrome = CHROME.search(svg)
        assert chrome
        painted = [run for run in faint_runs(svg) if run[2] != chrome.group(1)]
        assert not painted, f"{path.name}: {painted}"
