"""``python -m bench [--quick] [--only NAME]``: run the benchmarks and print the table."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence

from bench import (
    anchors,
    capture,
    exports,
    filtering,
    log_write,
    memory,
    scale,
    startup,
    switch,
    sync,
)
from bench.common import Row, format_table, machine_description
from bench.portfolios import Portfolios


def _capture(_: Portfolios, quick: bool) -> list[Row]:
    # Builds its own three portfolios (an empty deal is its baseline).
    return capture.run(repeats=5 if quick else 20)


BENCHMARKS: dict[str, Callable[[Portfolios, bool], list[Row]]] = {
    **{module.NAME: module.run
       for module in (log_write, startup, switch, filtering, memory, scale, exports, sync,
                      anchors)},
    capture.NAME: _capture,
}


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions: a smoke test, not figures to quote")
    parser.add_argument("--only", metavar="NAME", action="append", choices=list(BENCHMARKS),
                        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}")
    args = parser.parse_args(argv)
    chosen = args.only or list(BENCHMARKS)

    print(machine_description())
    print(f"mode:    {'quick' if args.quick else 'full'}; {_load()} at start")
    rows: list[Row] = []
    started = time.perf_counter()
    with Portfolios() as portfolios:
        for name in chosen:
            print(f"running {name} ...", file=sys.stderr, flush=True)
            begun = time.perf_counter()
            found = BENCHMARKS[name](portfolios, args.quick)
            rows += found
            print(f"  {name} took {time.perf_counter() - begun:.1f} s", file=sys.stderr)
            # As it goes too, so a run cut short still shows what it measured.
            print(format_table(found), file=sys.stderr, flush=True)
    print(f"{_load()} at end; total {time.perf_counter() - started:.0f} s\n")
    print(format_table(rows))
    missed = [row for row in rows if row.met is False]
    print(f"\n{len(missed)} target(s) missed" if missed else "\nall targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
