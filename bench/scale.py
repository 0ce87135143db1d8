"""How the costs grow: the same figures at 8, 200 and 1,000 deals.

For each portfolio (the demo, ``demo --large``, and the same generator with 1,000 deals,
about 250,000 concessions; ``--quick`` leaves that one out) a private copy is opened once
by the app, which keeps its summaries, as any start after the first finds them. Then, in
turns:

- **first paint**: a fresh process until the Portfolio table is painted
  (``bench.paint``), against the bare Textual table app with as many rows;
- **peak RSS** of that process (the highest of the runs), against the bare app's;
- **negtui log**: the whole process of ``negtui --data COPY log "DEAL NAME" --given ...``,
  finding the deal by its full name; the baseline is the same command on the demo.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.child import ChildRun, run_paint, timed_negtui
from bench.common import Row, median, ms
from bench.portfolios import DEMO, HUGE, HUGE_DEALS, LARGE, Portfolios, deal_files

NAME = "scale"
PAINT_RATIO = 1.5
LOG_RATIO = 1.2
RSS_MB = 100.0
SIZES = {DEMO: 8, LARGE: 200, HUGE: HUGE_DEALS}


@dataclass
class Size:
    deals: int
    paints: list[ChildRun] = field(default_factory=list)
    bare: list[ChildRun] = field(default_factory=list)
    logs: list[float] = field(default_factory=list)


def _first_name(folder: Path) -> str:
    tables = json.loads(deal_files(folder)[0].read_text(encoding="utf-8"))
    (deal,) = tables["deal"].values()
    return str(deal["name"])


def _log(folder: Path, name: str, number: int) -> float:
    return timed_negtui("--data", str(folder), "log", name, "--given", f"bench concession {number}")


def _measure(portfolios: Portfolios, name: str, runs: int) -> Size:
    folder = portfolios.copy(name)
    deals = len(deal_files(folder))
    deal_name = _first_name(folder)
    size = Size(deals)
    # The first opening writes the summaries; warm the caches of both apps too.
    run_paint("negtui", str(folder))
    run_paint("bare", str(deals))
    _log(folder, deal_name, 0)
    for number in range(runs):
        first, second = ("negtui", "bare") if number % 2 == 0 else ("bare", "negtui")
        for kind in (first, second):
            if kind == "negtui":
                run = run_paint("negtui", str(folder))
                if run.rows != deals:
                    raise RuntimeError(f"painted {run.rows} rows, expected {deals}")
                size.paints.append(run)
            else:
                size.bare.append(run_paint("bare", str(deals)))
        size.logs.append(_log(folder, deal_name, number + 1))
    return size


def run(portfolios: Portfolios, quick: bool) -> list[Row]:
    names = [DEMO, LARGE] if quick else [DEMO, LARGE, HUGE]
    runs = 2 if quick else 5
    sizes: dict[str, Size] = {}
    for name in names:
        print(f"  {NAME}: {SIZES[name]} deals ...", file=sys.stderr, flush=True)
        sizes[name] = _measure(portfolios, name, runs)
    rows: list[Row] = []
    for name, size in sizes.items():
        paint = ms(median([r.paint_s for r in size.paints]))
        base = ms(median([r.paint_s for r in size.bare]))
        target = {LARGE: f"ratio <= {PAINT_RATIO:g}", HUGE: f"ratio <= {PAINT_RATIO:g}"}
        rows.append(Row(NAME, f"first paint, {size.deals} deals, median of {len(size.paints)} "
                              f"(base: bare table of {size.deals} rows)",
                        paint, "ms", baseline=base, target=target.get(name, "-"),
                        met=paint / base <= PAINT_RATIO if name in target else None))
    for name, size in sizes.items():
        peak = max(r.peak_mb for r in size.paints)
        rows.append(Row(NAME, f"peak RSS, {size.deals} deals (base: bare table)", peak, "MB",
                        baseline=max(r.peak_mb for r in size.bare),
                        target=f"<= {RSS_MB:g} MB" if name == LARGE else "-",
                        met=peak <= RSS_MB if name == LARGE else None))
    demo_log = ms(median(sizes[DEMO].logs))
    for name, size in sizes.items():
        figure = ms(median(size.logs))
        rows.append(Row(NAME, f"negtui log, whole process, {size.deals} deals, median of "
                              f"{len(size.logs)} (base: {SIZES[DEMO]} deals)",
                        figure, "ms", baseline=None if name == DEMO else demo_log,
                        target=f"ratio <= {LOG_RATIO:g}" if name == LARGE else "-",
                        met=figure / demo_log <= LOG_RATIO if name == LARGE else None))
    return rows
