"""The app paints its first screen, the Portfolio, without the code it does not need for
it: the other screens, the forms, exports, sync, the demo. Each of them loads when first
used (the other screens just after the first paint), so none can slow the start down.

Run in a fresh interpreter, as the app starts: the test process has loaded them all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from negtui.demo import demo_portfolio
from negtui.domain.clock import fixed_clock
from negtui.store import Store

# Not needed to paint the Portfolio, and each costs the start of the app if loaded before.
NOT_AT_START = (
    "negtui.ui.screens.terms", "negtui.ui.screens.concessions", "negtui.ui.screens.calendar",
    "negtui.ui.screens.checklist", "negtui.ui.screens.workspace",
    "negtui.ui.screens.deal_form", "negtui.ui.widgets.form", "textual.widgets._text_area",
    "negtui.export", "negtui.export.ics", "negtui.export.dossier", "icalendar",
    "negtui.store.git", "negtui.actions.sync", "negtui.demo", "filelock",
)
# Opens the app on the folder headless, waits until the Portfolio table shows every deal,
# then lists what the process has loaded. The reading in full that follows the first
# paint, which loads the other screens on purpose, is left out.
PROBE = """
import asyncio, json, sys
from negtui.domain.book import DealBook
from negtui.ui import app as app_module

app_module.NegtuiApp._read_in_full = lambda self: None
app = app_module.build_app(sys.argv[1])

async def main():
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):
            await pilot.pause()
            table = app.screen.query("#deals")
            if table and table.first().row_count >= int(sys.argv[2]):
                break
        else:
            raise SystemExit("the Portfolio never showed every deal")
        built = ["DealBook"] if DealBook.__pydantic_complete__ else []
        print(json.dumps({"modules": sorted(sys.modules), "validators": built}))

asyncio.run(main())
"""


def _started(folder: Path, deals: int, home: Path) -> dict[str, list[str]]:
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", PROBE, str(folder), str(deals)],
                          capture_output=True, text=True, timeout=120, check=False, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    report: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


@pytest.fixture
def demo_with_summaries(tmp_path: Path) -> tuple[Path, int]:
    """The demo portfolio, its summaries written as the app leaves them."""
    clock = fixed_clock("2026-11-23T09:30:00+00:00")
    folder = tmp_path / "demo"
    store = Store(folder, clock).open()
    settings, books = demo_portfolio(clock)
    store.save_settings(settings)
    for book in books:
        store.write_book(book)
    reader = Store(folder, clock).open()
    reader.summaries.enabled = True
    reader.load()
    reader.summaries.write_due()
    assert len(list((folder / ".summaries").iterdir())) == len(books)
    return folder, len(books)


def test_the_first_screen_loads_nothing_it_does_not_need(
        demo_with_summaries: tuple[Path, int], tmp_path: Path) -> None:
    folder, deals = demo_with_summaries
    loaded = set(_started(folder, deals, tmp_path / "home")["modules"])
    assert not loaded & set(NOT_AT_START), sorted(loaded & set(NOT_AT_START))
    assert "negtui.ui.screens.portfolio" in loaded  # the probe did see the app start


def test_a_portfolio_painted_from_summaries_builds_no_whole_deal_validator(
        demo_with_summaries: tuple[Path, int], tmp_path: Path) -> None:
    """Building the validator of a whole deal file costs the start; the summaries, each
    checked on its own, do without it until the files are read in full."""
    folder, deals = demo_with_summaries
    assert _started(folder, deals, tmp_path / "home")["validators"] == []
