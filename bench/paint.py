"""Child process: start an app headless, wait until its table is painted, then exit.

    python -m bench.paint negtui FOLDER     ``negtui --data FOLDER`` (Portfolio screen)
    python -m bench.paint bare ROWS         a plain Textual app with one DataTable of ROWS

negtui starts as a user starts it, through the command line's entry point (the config
file read, the collector off while it loads, the app built by ``run_app``); only
``App.run`` is wrapped, to run headless at 120x40 and watch for the paint. The config
file is ``config.toml`` beside FOLDER (written once, with a currency and a time zone as
a user's might have), never the user's own.

The app counts as painted once the table holds all its rows and the screen has refreshed
after that (twice, so that a repaint the table schedules for itself is included). The
child then prints one JSON line, ``{"painted": <time.monotonic()>, "rows": N,
"peak_kb": K}`` and exits; the parent measures the wall time of the process around it.
"""

from __future__ import annotations

import importlib
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.widgets import DataTable

SIZE = (120, 40)
CONFIG_TEXT = 'currency = "EUR"\ntimezone = "Europe/Berlin"\n'


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


def _run_negtui(folder: str) -> _Probe:
    """``negtui --data FOLDER`` through the command line's entry point, watched."""
    # The module, not the function of the same name the package exports.
    cli_main = importlib.import_module("negtui.cli.main")
    config = Path(folder).parent / "config.toml"
    if not config.exists():
        config.write_text(CONFIG_TEXT, encoding="utf-8")
    os.environ["NEGTUI_CONFIG"] = str(config)
    probe = _Probe()
    start_app = cli_main._open_app

    def open_watched(ctx: Any) -> int:
        import gc

        # As the real start: the collector is off before Textual is imported.
        gc.disable()
        from textual.app import App

        run = App.run

        def run_watched(app: App[Any], *_: Any, **__: Any) -> Any:
            async def watch(_pilot: Any) -> None:
                _watch_portfolio(app, probe)

            return run(app, headless=True, size=SIZE, auto_pilot=watch)

        App.run = run_watched  # type: ignore[method-assign]
        return start_app(ctx)

    cli_main._open_app = open_watched
    cli_main.has_a_terminal = lambda: True  # drawn headless, on purpose
    code = cli_main.main(["--data", folder])
    if code != 0:
        raise SystemExit(f"negtui ended with {code}")
    return probe


def _watch_portfolio(app: Any, probe: _Probe) -> None:
    from textual.widgets import DataTable

    from negtui.ui.screens.portfolio import PortfolioScreen

    expected = sum(not book.deal.archived for book in app.session.glance().books.values())

    def table() -> DataTable[Any] | None:
        screen = app.screen
        if not isinstance(screen, PortfolioScreen):
            return None
        return screen.query_one("#deals", DataTable)

    probe.start_probe(app, table, expected)


_NAMES = ["Alder", "Birch", "Cedar", "Dune", "Ember", "Fjord", "Granite", "Heron", "Iris",
          "Juniper", "Kestrel", "Linden", "Maple", "Nimbus", "Onyx", "Pine"]
_KINDS = ["Systems", "Labs", "Health", "Retail", "Media", "Logistics", "Energy", "Bank"]
_STATUSES = ["prospect", "preparing", "negotiating", "agreed", "active", "closed"]


def _bare_app(rows: int) -> tuple[App[Any], _Probe]:
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

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
    if kind == "negtui":
        probe = _run_negtui(argument)
    else:
        app, probe = _bare_app(int(argument))
        app.run(headless=True, size=SIZE)
    if probe.painted_at is None:
        print("the table was never painted", file=sys.stderr)
        return 1
    print(json.dumps({"painted": probe.painted_at, "rows": probe.painted_rows,
                      "peak_kb": peak_rss_kb()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
