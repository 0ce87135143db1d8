"""Run ``bench.paint`` in a fresh interpreter and measure the whole process."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass

from bench.common import REPO_ROOT
from bench.portfolios import child_env

TIMEOUT_S = 120.0


@dataclass(frozen=True)
class ChildRun:
    wall_s: float  # process start to process exit
    paint_s: float  # process start to the full table being painted
    peak_mb: float  # peak resident memory of the child itself
    rows: int


def run_paint(kind: str, argument: str) -> ChildRun:
    """Start ``python -m bench.paint KIND ARGUMENT`` and wait for it to finish."""
    command = [sys.executable, "-m", "bench.paint", kind, argument]
    # time.monotonic is one clock for every process on the machine, so the child's
    # "painted" moment can be compared with the start taken here.
    started = time.monotonic()
    result = subprocess.run(
        command, capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=REPO_ROOT,
        env=child_env(), timeout=TIMEOUT_S, check=False,
    )
    ended = time.monotonic()
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited with {result.returncode}:\n{result.stderr[-3000:]}"
        )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return ChildRun(
        wall_s=ended - started,
        paint_s=float(report["painted"]) - started,
        peak_mb=int(report["peak_kb"]) / 1024.0,
        rows=int(report["rows"]),
    )


def timed_negtui(*words: str) -> float:
    """Seconds one whole ``negtui WORDS...`` process takes; a failure stops the bench."""
    command = [sys.executable, "-m", "negtui", *words]
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT,
                            env=child_env(), stdin=subprocess.DEVNULL, check=False)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {result.returncode}:\n"
                           f"{result.stderr[-2000:]}")
    return elapsed
