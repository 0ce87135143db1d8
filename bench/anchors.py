"""Anchors: how long other terminal apps take to show their first screen, measured the same
way as negtui in the same run, so its figures can be read against them.

Every app is started in a detached tmux session of 120x40 on a private tmux server, and the
clock stops at the first look at the pane (``capture-pane -p``, polled) that shows what
proves its table is painted: a row of the bare Textual table, a deal name in negtui's
Portfolio table, the first concession in visidata, posting's (empty) collection. Starting the
session and polling cost every app the same. Each app runs once unmeasured first (files
cached, negtui's summaries written), then the apps take turns, so load on the machine falls
on all alike.

* bare Textual app: one DataTable of 200 rows (the baseline);
* negtui on the large portfolio (200 deals, about 50,000 concessions);
* visidata (``vd``) on a CSV of every concession of the large portfolio, made from
  ``negtui export json``;
* posting, an HTTP client built on Textual.

visidata and posting are used from PATH, else from a virtualenv this benchmark makes in
``negtui-bench-cache/anchors-venv`` in the temp folder (pip install, once). An app that
cannot be installed, or that ends before painting, is left out with a line saying why.
Needs tmux; not part of ``--quick``.

    python -m bench.anchors bare ROWS     the bare table app itself (what tmux runs)
"""

from __future__ import annotations

import csv
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.common import REPO_ROOT, Row, median, ms
from bench.portfolios import CACHE, LARGE, Portfolios, child_env

NAME = "anchors"
SIZE = (120, 40)
RUNS = 5
PAINT_TIMEOUT_S = 60.0
POLL_S = 0.005
TARGET_RATIO = 1.5
VENV = CACHE / "anchors-venv"
BARE_ROWS = 200
BARE_FIRST = "Bare contract 001"


@dataclass(frozen=True)
class App:
    label: str
    command: list[str]
    painted: Callable[[str], bool]
    """Whether a look at the pane shows the app's table painted."""


class Refused(Exception):
    """The app could not be measured; the message says why."""


class Tmux:
    """A private tmux server; each app runs in a session of its own on it."""

    def __init__(self) -> None:
        self.socket = f"negtui-bench-{os.getpid()}"
        # A session that does nothing keeps the server up between runs; panes stay after
        # their program ends, so a crash can be told from a slow start.
        self._tmux("new-session", "-d", "-s", "keep", "-x", "20", "-y", "5", "sleep 100000")
        self._tmux("set-option", "-g", "remain-on-exit", "on")

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                                text=True, check=False, timeout=30)
        if result.returncode != 0:
            raise Refused(f"tmux {args[0]}: {result.stderr.strip()}")
        return result.stdout

    def time_to_paint(self, app: App, env: dict[str, str]) -> float:
        command = shlex.join(["env", *(f"{k}={v}" for k, v in env.items()), *app.command])
        width, height = SIZE
        started = time.perf_counter()
        self._tmux("new-session", "-d", "-s", "run", "-x", str(width), "-y", str(height),
                   "-c", str(REPO_ROOT), command)
        try:
            while True:
                elapsed = time.perf_counter() - started
                if app.painted(self._tmux("capture-pane", "-p", "-t", "run")):
                    return elapsed
                dead = self._tmux("display-message", "-p", "-t", "run",
                                  "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}")
                if dead.startswith("1:"):
                    _, status, signal = dead.strip().split(":")
                    how = f"signal {signal}" if signal else f"exit status {status}"
                    screen = self._tmux("capture-pane", "-p", "-t", "run").strip()
                    last = f": {screen.splitlines()[-1].strip()[:60]}" if screen else ""
                    raise Refused(f"ended before painting ({how}){last}")
                if elapsed > PAINT_TIMEOUT_S:
                    raise Refused(f"not painted after {PAINT_TIMEOUT_S:g} s")
                time.sleep(POLL_S)
        finally:
            self._tmux("kill-session", "-t", "run")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True,
                       check=False, timeout=30)


def _installed(program: str) -> str | None:
    found = shutil.which(program)
    if found:
        return found
    candidate = VENV / "bin" / program
    return str(candidate) if candidate.exists() else None


def _install(notes: list[str]) -> None:
    """Make the cache virtualenv and install the anchors into it, once."""
    if (VENV / "bin" / "vd").exists() and (VENV / "bin" / "posting").exists():
        return
    print("  installing visidata and posting into the bench cache ...", file=sys.stderr,
          flush=True)
    try:
        if not (VENV / "bin" / "python").exists():
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True,
                           capture_output=True, timeout=300)
        # posting's syntax highlighting crashes the process with tree-sitter 0.26 and
        # the grammars of its time: the last release that works with them is pinned.
        subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "-q",
                        "visidata", "posting", "tree-sitter>=0.25,<0.26"], check=True,
                       capture_output=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        text = detail.decode(errors="replace").strip().splitlines()
        notes.append(f"anchors: could not install visidata/posting ({text[-1] if text else error})")


def concessions_csv(folder: Path, target: Path) -> tuple[int, str]:
    """Every concession of the portfolio as one CSV (from ``negtui export json``); how many,
    and the deal name of the first one."""
    exported = subprocess.run(
        [sys.executable, "-m", "negtui", "--data", str(folder), "export", "json"],
        capture_output=True, text=True, check=True, env=child_env(), cwd=REPO_ROOT,
        timeout=600)
    document = json.loads(exported.stdout)
    count, first = 0, ""
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["deal", "side", "what", "term", "us", "them", "at"])
        for book in document["deals"]:
            terms = {term["id"]: term["name"] for term in book["terms"]}
            for concession in book["concessions"]:
                if not count:
                    first = book["deal"]["name"]
                writer.writerow([book["deal"]["name"], concession["direction"],
                                 concession["what"], terms.get(concession.get("term_id"), ""),
                                 concession.get("value_us"), concession.get("value_them"),
                                 concession["at"]])
                count += 1
    return count, first


def _deal_names(folder: Path) -> list[str]:
    names = []
    for path in (folder / "deals").glob("*.json"):
        deal = json.loads(path.read_text(encoding="utf-8"))["deal"]
        names.extend(doc["name"] for doc in deal.values())
    return names


def _shows_any(texts: list[str]) -> Callable[[str], bool]:
    # Column widths cut long names: the start of one is enough.
    starts = [text[:14] for text in texts if text]
    return lambda screen: any(start in screen for start in starts)


def _apps(folder: Path, table: Path, first_deal: str, notes: list[str]) -> list[App]:
    python = sys.executable
    apps = [
        App("bare Textual app, 200-row DataTable",
            [python, "-m", "bench.anchors", "bare", str(BARE_ROWS)], _shows_any([BARE_FIRST])),
        App("negtui, large portfolio", [python, "-m", "negtui", "--data", str(folder)],
            _shows_any(_deal_names(folder))),
    ]
    vd, posting = _installed("vd"), _installed("posting")
    if vd is None:
        notes.append("anchors: visidata left out: `vd` is not installed and could not be")
    else:
        apps.append(App(f"visidata, {table.stem}", [vd, str(table)], _shows_any([first_deal])))
    if posting is None:
        notes.append("anchors: posting left out: it is not installed and could not be")
    else:
        apps.append(App("posting", [posting],
                        lambda screen: "Collection is empty" in screen))
    return apps


def run(portfolios: Portfolios, quick: bool) -> list[Row]:
    if quick:
        print("  anchors: left out of --quick (each app starts a dozen times)",
              file=sys.stderr)
        return []
    if shutil.which("tmux") is None:
        print("  anchors: left out: tmux is not installed", file=sys.stderr)
        return []
    notes: list[str] = []
    if _installed("vd") is None or _installed("posting") is None:
        _install(notes)
    folder = portfolios.copy(LARGE)
    home = Path(tempfile.mkdtemp(prefix="home-", dir=portfolios.root))
    table = portfolios.root / "concessions-50000.csv"
    count, first_deal = concessions_csv(folder, table)
    table = table.rename(table.with_name(f"concessions-{count}.csv"))
    env = {"HOME": str(home), "TERM": "xterm-256color", "COLUMNS": "", "LINES": ""}
    env = {key: value for key, value in env.items() if value}
    tmux = Tmux()
    times: dict[str, list[float]] = {}
    try:
        apps = _apps(folder, table, first_deal, notes)
        for app in list(apps):  # once unmeasured: caches, summaries, first-run files
            try:
                tmux.time_to_paint(app, env)
            except Refused as why:
                notes.append(f"anchors: {app.label} left out: {why}")
                apps.remove(app)
        for _ in range(RUNS):
            for app in apps:
                try:
                    times.setdefault(app.label, []).append(tmux.time_to_paint(app, env))
                except Refused as why:
                    notes.append(f"anchors: {app.label}: a run failed: {why}")
    finally:
        tmux.close()
    for note in dict.fromkeys(notes):
        print(f"  {note}", file=sys.stderr)
    bare_label = "bare Textual app, 200-row DataTable"
    if bare_label not in times:
        return []
    base = ms(median(times.pop(bare_label)))
    rows = [Row(NAME, f"start to painted in tmux 120x40: {bare_label}, median of {RUNS}",
                base, "ms")]
    for label, found in times.items():
        value = ms(median(found))
        is_negtui = label.startswith("negtui")
        rows.append(Row(NAME, f"same: {label} (base: bare app)", value, "ms", baseline=base,
                        target=f"ratio <= {TARGET_RATIO:g}" if is_negtui else "-",
                        met=value / base <= TARGET_RATIO if is_negtui else None))
    return rows


def _bare(rows: int) -> int:
    """A plain Textual app showing one 7-column DataTable, left open until killed."""
    from textual.app import App as TextualApp
    from textual.app import ComposeResult
    from textual.widgets import DataTable

    class Bare(TextualApp[None]):
        def compose(self) -> ComposeResult:
            yield DataTable(cursor_type="row", zebra_stripes=True)

        def on_mount(self) -> None:
            table: DataTable[str] = self.query_one(DataTable)
            table.add_columns("Deal", "Status", "Value", "h/wk", "Next", "Counterparty",
                              "Type")
            for number in range(rows):
                table.add_row(f"Bare contract {number + 1:03d}", "open", f"€{number * 500:,}",
                              str(number % 12), f"in {number % 60} days", "Maple Ltd",
                              "services")

    Bare().run()
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "bare":
        sys.exit(_bare(int(sys.argv[2])))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
