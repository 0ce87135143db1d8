"""Keystroke to durable entry: how long from ``enter`` in the capture bar until the new
concession is on disk and its row is in the log.

Measured through Pilot on the Concessions screen of the deal the app opens with, in three
portfolios written into a temporary folder: the demo, the large one, and a single deal
with no concessions yet (the baseline). The timer starts when the ``enter`` key event is
posted and stops when the row appears; the app writes (fsynced) before it adds the row,
so at that moment the entry is on disk too, which is checked afterwards, untimed.

    python -m bench.capture [--repeats N]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.widgets import DataTable, Input

from bench.common import Row, format_table, machine_description, median, ms, percentile
from negtui.demo import demo_portfolio, large_portfolio
from negtui.domain.book import DealBook
from negtui.domain.clock import Clock, system_clock
from negtui.domain.models import Settings
from negtui.store import Store
from negtui.ui.app import build_app

NAME = "capture"
TARGET_MS = 30.0
WARM_UP = 3
ROW_TIMEOUT_S = 10.0

Portfolio = Callable[[Clock], tuple[Settings, list[DealBook]]]


def empty_deal(clock: Clock) -> tuple[Settings, list[DealBook]]:
    """The demo's first deal, with its terms but no concessions or calls."""
    settings, books = demo_portfolio(clock)
    first = books[0].model_copy(update={"concessions": [], "calls": []})
    return settings, [first]


def write_portfolio(folder: Path, build: Portfolio) -> Path:
    store = Store(folder, system_clock).open()
    settings, books = build(system_clock)
    store.save_settings(settings)
    for book in books:
        store.write_book(book)
    return folder


async def _measure(folder: Path, repeats: int) -> tuple[list[float], int]:
    """Enter-to-row times in seconds, and how many entries the deal held at the start."""
    # A first start keeps the summaries every later start opens from: measure one of those.
    async with build_app(folder).run_test(size=(80, 24)):
        pass
    app = build_app(folder)
    times: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        table = app.screen.query_one("#log", DataTable)
        book = app.session.current_book()
        assert book is not None, "no deal in focus"
        deal_file = app.session.store.deal_path(book.id)
        start_rows = table.row_count
        for number in range(WARM_UP + repeats):
            await pilot.press("g")
            text = f"Extended the payment terms by a week us:3 them:6 (#{number})"
            field = app.focused
            assert isinstance(field, Input)
            field.insert_text_at_cursor(text)
            await pilot.pause()
            before = table.row_count
            enter = events.Key("enter", "\r")
            started = time.perf_counter()
            app.post_message(enter)
            deadline = started + ROW_TIMEOUT_S
            while table.row_count == before:
                if time.perf_counter() > deadline:
                    raise RuntimeError("the entry never appeared in the log")
                await asyncio.sleep(0)
            elapsed = time.perf_counter() - started
            await pilot.pause()
            wanted = f"(#{number})"
            if wanted not in deal_file.read_text(encoding="utf-8"):
                raise RuntimeError("a row appeared for an entry that is not on disk")
            if number >= WARM_UP:
                times.append(elapsed)
    return times, start_rows


def run(repeats: int) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="negtui-bench-capture-") as temp:
        root = Path(temp)
        print("  writing the portfolios ...", file=sys.stderr, flush=True)
        folders = {
            "empty deal": write_portfolio(root / "empty", empty_deal),
            "demo": write_portfolio(root / "demo", demo_portfolio),
            "large": write_portfolio(root / "large", large_portfolio),
        }
        results: dict[str, tuple[list[float], int]] = {}
        for label, folder in folders.items():
            print(f"  measuring {label} ...", file=sys.stderr, flush=True)
            results[label] = asyncio.run(_measure(folder, repeats))
    baseline = ms(median(results["empty deal"][0]))
    for label, (times, start_rows) in results.items():
        value = ms(median(times))
        rows.append(Row(
            NAME, f"enter to entry on disk and in the log, {label} "
                  f"({start_rows} entries), median", value, "ms",
            baseline=None if label == "empty deal" else baseline,
            target=f"<= {TARGET_MS:g} ms", met=value <= TARGET_MS,
        ))
        rows.append(Row(NAME, f"same, {label}, p90", ms(percentile(times, 0.9)), "ms"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.capture", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=30,
                        help="timed entries per portfolio (default 30)")
    args = parser.parse_args(argv)
    rows = run(max(1, args.repeats))
    print(machine_description())
    print()
    print(format_table(rows))
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
