"""How the whole-portfolio exports grow: ``negtui export ics`` and ``negtui export csv
deals`` as whole processes on the large portfolio, against the same command on the demo.

Each runs on a private copy of its portfolio, once unmeasured first (which also writes the
calendar's export ledger, as any export after a user's first finds it), then the two sizes
take turns. The file goes to the run's temporary folder, not to standard output.
"""

from __future__ import annotations

from pathlib import Path

from bench.child import timed_negtui
from bench.common import Row, median, ms
from bench.portfolios import DEMO, LARGE, Portfolios, deal_files

NAME = "exports"
COMMANDS = {"ics": ("export", "ics"), "csv deals": ("export", "csv", "deals")}


def _export(folder: Path, words: tuple[str, ...], target: Path) -> float:
    return timed_negtui("--data", str(folder), *words, "-o", str(target))


def run(portfolios: Portfolios, quick: bool) -> list[Row]:
    runs = 2 if quick else 5
    folders = {name: portfolios.copy(name) for name in (DEMO, LARGE)}
    deals = {name: len(deal_files(folder)) for name, folder in folders.items()}
    times: dict[tuple[str, str], list[float]] = {}
    for label, words in COMMANDS.items():
        for name, folder in folders.items():
            target = portfolios.root / f"{NAME}-{name}-{label.replace(' ', '-')}"
            _export(folder, words, target)
            times[label, name] = []
        for number in range(runs):
            order = (DEMO, LARGE) if number % 2 == 0 else (LARGE, DEMO)
            for name in order:
                target = portfolios.root / f"{NAME}-{name}-{label.replace(' ', '-')}"
                times[label, name].append(_export(folders[name], words, target))
    rows: list[Row] = []
    for label in COMMANDS:
        demo = ms(median(times[label, DEMO]))
        for name in (DEMO, LARGE):
            figure = ms(median(times[label, name]))
            rows.append(Row(NAME, f"negtui export {label}, whole process, {deals[name]} deals, "
                                  f"median of {runs} (base: {deals[DEMO]} deals)",
                            figure, "ms", baseline=None if name == DEMO else demo))
    return rows
