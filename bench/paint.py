"""Child process: start an app headless, wait until its table is painted, then exit.

    python -m bench.paint negtui FOLDER     the negtui app on FOLDER (Portfolio screen)
    python -m bench.paint bare ROWS         a plain Textual app with one DataTable of ROWS

The app counts as painted once the table holds all its rows and the screen has refreshed
after that (twice, so that a repaint the table schedules for itself is included). The
child then prints one JSON line, ``{"painted": <time.monotonic()>, "rows": N,
"peak_kb": K}`` and exits; the parent measures the wall time of the process around it.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path, PurePath
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

SIZE = (120, 40)


class _Probe:
    """Shared by both apps: poll after each refresh until the table is complete."""

    painted_at: float | None = None
    painted_rows = 0

    def start_probe(self, app: App[Any], table_of: Any, expected: int) -> None:
        def check() -> None:
            table = table_of()
            if table is not None and table.row_count >= expected:
                app.screen.call_after_refresh(app.screen.call_after_refresh, done, table)
            else:
                app.screen.call_after_refresh(check)

        def done(table: DataTable[Any]) -> None:
            self.painted_at = time.monotonic()
            self.painted_rows = table.row_count
            app.exit()

        app.screen.call_after_refresh(check)


def _absolute_css(paths: Any, folder: Path) -> list[str | PurePath]:
    listed = paths if isinstance(paths, list) else [] if paths is None else [paths]
    return [folder / path for path in listed]


def _negtui_app(folder: str) -> tuple[App[Any], _Probe]:
    from negtui.domain.clock import system_clock
    from negtui.store import Store
    from negtui.ui import app as negtui_app_module
    from negtui.ui.app import NegtuiApp
    from negtui.ui.screens.portfolio import PortfolioScreen

    class PaintedNegtuiApp(NegtuiApp, _Probe):
        # A relative CSS_PATH is read next to the module of the class: point it back.
        CSS_PATH = _absolute_css(NegtuiApp.CSS_PATH, Path(negtui_app_module.__file__).parent)

        def on_mount(self) -> None:
            # NegtuiApp.on_mount runs after this one and switches to the Portfolio
            # screen; start watching once that has happened.
            self.call_later(self._watch)

        def _watch(self) -> None:
            expected = sum(not book.deal.archived
                           for book in self.session.glance().books.values())

            def table() -> DataTable[Any] | None:
                screen = self.screen
                if not isinstance(screen, PortfolioScreen):
                    return None
                return screen.query_one("#deals", DataTable)

            self.start_probe(self, table, expected)

    # The same construction as negtui.ui.app.build_app, with the subclass.
    app = PaintedNegtuiApp(Store(folder, system_clock).open(), system_clock)
    return app, app


_NAMES = ["Alder", "Birch", "Cedar", "Dune", "Ember", "Fjord", "Granite", "Heron", "Iris",
          "Juniper", "Kestrel", "Linden", "Maple", "Nimbus", "Onyx", "Pine"]
_KINDS = ["Systems", "Labs", "Health", "Retail", "Media", "Logistics", "Energy", "Bank"]
_STATUSES = ["prospect", "preparing", "negotiating", "agreed", "active", "closed"]


def _bare_app(rows: int) -> tuple[App[Any], _Probe]:
    rng = random.Random(rows)

    class BareTableApp(App[None], _Probe):
        def compose(self) -> ComposeResult:
            yield DataTable(id="table", cursor_type="row", zebra_stripes=True)

        def on_mount(self) -> None:
            table: DataTable[str | Text] = self.query_one("#table", DataTable)
            table.add_columns("Deal", "Status", "Value", "h/wk", "Next milestone",
                              "Counterparty", "Type")
            for number in range(rows):
                company = f"{rng.choice(_NAMES)} {rng.choice(_KINDS)}"
                table.add_row(
                    f"{company} contract {number + 1:03d}", rng.choice(_STATUSES),
                    Text(f"€{rng.randrange(5_000, 250_000, 500):,}", justify="right"),
                    Text(f"{rng.choice([0, 2, 4, 8, 12])}", justify="right"),
                    f"in {rng.randint(1, 60)} days Review call", company,
                    rng.choice(["services", "licence", "supply"]), key=f"row-{number}",
                )
            self.start_probe(self, lambda: table, rows)

    app = BareTableApp()
    return app, app


def peak_rss_kb() -> int:
    """This process's own peak resident memory, in KiB.

    ``VmHWM`` is the high-water mark of this address space only. ``ru_maxrss`` from
    getrusage is not usable here: Linux carries the parent's peak over into a child
    started with fork/vfork and exec, so every child would report at least the peak
    of the process that started it.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("negtui", "bare"):
        print(__doc__, file=sys.stderr)
        return 2
    kind, argument = argv
    app, probe = _negtui_app(argument) if kind == "negtui" else _bare_app(int(argument))
    app.run(headless=True, size=SIZE)
    if probe.painted_at is None:
        print("the table was never painted", file=sys.stderr)
        return 1
    print(json.dumps({"painted": probe.painted_at, "rows": probe.painted_rows,
                      "peak_kb": peak_rss_kb()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
