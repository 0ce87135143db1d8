"""Start until the Portfolio table is painted, with the large portfolio.

Each sample is the wall time of a fresh process (``python -m bench.paint``): interpreter
start, imports, loading the data, first paint of the full table, and exit. The baseline
is a bare Textual app showing one DataTable of as many rows (7 columns of similar text),
measured in the same run. Runs of the two alternate, after one untimed warm-up of each.

One more row shows what answering ``negtui --help`` costs against an interpreter that
starts and does nothing: the command line loads neither Textual nor the models for it.
"""

from __future__ import annotations

import subprocess
import sys
import time

from bench.child import ChildRun, run_paint
from bench.common import REPO_ROOT, Row, median, ms
from bench.portfolios import LARGE, Portfolios, child_env, deal_files

NAME = "startup"
TARGET_RATIO = 1.5


def paired_runs(
    portfolios: Portfolios, pairs: int, *, warm_up: bool = True
) -> tuple[list[ChildRun], list[ChildRun]]:
    """``pairs`` runs of the negtui app and of the bare app, interleaved."""
    folder = portfolios.get(LARGE)
    rows = len(deal_files(folder))

    def negtui() -> ChildRun:
        run = run_paint("negtui", str(folder))
        if run.rows != rows:
            raise RuntimeError(f"the Portfolio table showed {run.rows} rows, expected {rows}")
        return run

    def bare() -> ChildRun:
        return run_paint("bare", str(rows))

    if warm_up:
        # Warm the file cache and the bytecode cache before anything counts.
        negtui()
        bare()
    app_runs: list[ChildRun] = []
    bare_runs: list[ChildRun] = []
    for number in range(pairs):
        # Alternate which one goes first, so a slow drift hits both alike.
        if number % 2 == 0:
            app_runs.append(negtui())
            bare_runs.append(bare())
        else:
            bare_runs.append(bare())
            app_runs.append(negtui())
    return app_runs, bare_runs


def _process_s(*arguments: str) -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, *arguments], capture_output=True, stdin=subprocess.DEVNULL,
                   cwd=REPO_ROOT, env=child_env(), timeout=60, check=True)
    return time.monotonic() - started


def help_runs(pairs: int) -> tuple[list[float], list[float]]:
    """``negtui --help`` and ``python -c pass``, interleaved after one warm-up of each."""
    _process_s("-m", "negtui", "--help")
    _process_s("-c", "pass")
    helps: list[float] = []
    empties: list[float] = []
    for _ in range(pairs):
        helps.append(_process_s("-m", "negtui", "--help"))
        empties.append(_process_s("-c", "pass"))
    return helps, empties


def run(portfolios: Portfolios, quick: bool) -> list[Row]:
    app_runs, bare_runs = paired_runs(portfolios, 2 if quick else 7)
    helps, empties = help_runs(2 if quick else 7)
    wall = ms(median([r.wall_s for r in app_runs]))
    wall_base = ms(median([r.wall_s for r in bare_runs]))
    paint = ms(median([r.paint_s for r in app_runs]))
    paint_base = ms(median([r.paint_s for r in bare_runs]))
    return [
        Row(NAME, f"large portfolio, process wall, median of {len(app_runs)} "
                  "(base: bare DataTable)",
            wall, "ms", baseline=wall_base, target=f"ratio <= {TARGET_RATIO:g}",
            met=wall / wall_base <= TARGET_RATIO),
        Row(NAME, "large portfolio, start to painted, median (base: bare DataTable)",
            paint, "ms", baseline=paint_base),
        Row(NAME, f"negtui --help, process wall, median of {len(helps)} "
                  "(base: python -c pass)",
            ms(median(helps)), "ms", baseline=ms(median(empties))),
    ]
