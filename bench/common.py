"""Small shared pieces: statistics, result rows, the table and the machine description."""

from __future__ import annotations

import math
import os
import platform
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# The folder holding the ``bench`` package: child processes are started from here.
REPO_ROOT = Path(__file__).resolve().parent.parent


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: ``fraction`` 0.9 gives the p90."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


@dataclass
class Row:
    """One line of the result table.

    ``value`` and ``baseline`` share ``unit``. ``met`` is None for rows that are shown
    for information only and have no target of their own.
    """

    benchmark: str
    measure: str
    value: float
    unit: str
    baseline: float | None = None
    target: str = "-"
    met: bool | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline


def _number(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.2f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value:g} {unit}".strip()


def format_table(rows: Sequence[Row]) -> str:
    header = ("benchmark", "measure", "figure", "baseline", "ratio", "target", "met")
    lines = [
        (
            row.benchmark,
            row.measure,
            _number(row.value, row.unit),
            "-" if row.baseline is None else _number(row.baseline, row.unit),
            "-" if row.ratio is None else f"{row.ratio:.2f}",
            row.target,
            "-" if row.met is None else ("yes" if row.met else "NO"),
        )
        for row in rows
    ]
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]
    # Text columns are left-aligned, numbers right-aligned.
    right = {2, 3, 4}

    def render(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([render(header), rule, *(render(cells) for cells in lines)])


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_description() -> str:
    from importlib.metadata import version

    libraries = ", ".join(
        f"{name} {version(name)}" for name in ("negtui", "textual", "tinydb", "pydantic")
    )
    return (
        f"machine: {os.cpu_count()} CPUs, {cpu_model()}, {platform.system()} "
        f"{platform.release()}\n"
        f"python:  {platform.python_implementation()} {sys.version.split()[0]}\n"
        f"libs:    {libraries}"
    )


def ms(seconds: float) -> float:
    return seconds * 1000.0
