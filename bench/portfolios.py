"""The portfolios measured, written once per run into a temporary folder.

Each portfolio is written by the real command (``negtui --data DIR demo --no-open``), so
the files are exactly what a user gets. Nothing is kept between runs: the folder is
deleted when the run ends. Benchmarks that write take a private copy, so one benchmark
never measures data another one changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

DEMO = "demo"
LARGE = "large"
HUGE = "huge"
HUGE_DEALS = 1000
# Writing the 1,000-deal portfolio takes a while: it is kept here between runs, keyed by
# the negtui version, and copied into each run's own folder.
CACHE = Path(tempfile.gettempdir()) / "negtui-bench-cache"


def child_env() -> dict[str, str]:
    """The environment for child processes: never the user's own data or dev tools."""
    # PYTHONDONTWRITEBYTECODE would make every child compile negtui's own modules from
    # source, which no installed copy does (pip compiles them), while the bare apps only
    # import packages that come compiled: the warm-up run writes the caches instead.
    env = {
        key: value for key, value in os.environ.items()
        if key not in ("NEGTUI_DATA", "PYTHONDONTWRITEBYTECODE")
        and not key.startswith("TEXTUAL")
    }
    return env


class Portfolios:
    """Builds the demo and the large portfolio on first use; use as a context manager."""

    def __init__(self) -> None:
        self._temp = tempfile.TemporaryDirectory(prefix="negtui-bench-")
        self.root = Path(self._temp.name)
        self._built: dict[str, Path] = {}
        self._copies = 0

    def __enter__(self) -> Portfolios:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._temp.cleanup()

    def get(self, name: str) -> Path:
        """The folder of portfolio ``name`` (``demo`` or ``large``); do not write into it."""
        if name not in self._built:
            self._built[name] = self._build(name)
        return self._built[name]

    def copy(self, name: str) -> Path:
        """A private copy of a portfolio, for a benchmark that writes."""
        self._copies += 1
        target = self.root / f"{name}-copy-{self._copies}"
        shutil.copytree(self.get(name), target)
        return target

    def _build(self, name: str) -> Path:
        folder = self.root / name
        if name == HUGE:
            return self._huge(folder)
        command = [sys.executable, "-m", "negtui", "--data", str(folder), "demo", "--no-open"]
        if name == LARGE:
            command.append("--large")
        elif name != DEMO:
            raise ValueError(f"unknown portfolio {name!r}")
        print(f"  writing the {name} portfolio ...", end="", file=sys.stderr, flush=True)
        started = time.perf_counter()
        result = subprocess.run(
            command, capture_output=True, text=True, env=child_env(), check=False
        )
        if result.returncode != 0:
            print(file=sys.stderr)
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}")
        print(f" {time.perf_counter() - started:.1f} s", file=sys.stderr)
        return folder


    def _huge(self, folder: Path) -> Path:
        from negtui import __version__

        cached = CACHE / f"{HUGE}-{HUGE_DEALS}-{__version__}"
        if not (cached / "complete").exists():
            print(f"  writing the {HUGE_DEALS}-deal portfolio into {cached} (kept for later "
                  "runs) ...", end="", file=sys.stderr, flush=True)
            started = time.perf_counter()
            shutil.rmtree(cached, ignore_errors=True)
            command = [sys.executable, "-m", "bench.build", str(cached), str(HUGE_DEALS)]
            result = subprocess.run(command, capture_output=True, text=True, env=child_env(),
                                    check=False)
            if result.returncode != 0:
                print(file=sys.stderr)
                raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}")
            (cached / "complete").write_text("", encoding="utf-8")
            print(f" {time.perf_counter() - started:.1f} s", file=sys.stderr)
        shutil.copytree(cached, folder, ignore=shutil.ignore_patterns("complete", "*.lock"))
        return folder


def deal_files(folder: Path) -> list[Path]:
    return sorted((folder / "deals").glob("*.json"))


def largest_deal(folder: Path) -> str:
    """The id of the deal with the biggest file: the most work for a write."""
    return max(deal_files(folder), key=lambda path: (path.stat().st_size, path.name)).stem
