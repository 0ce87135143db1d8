"""Peak memory of the app with the large portfolio open and painted.

The figure is the peak resident set size of a fresh process that opens the large
portfolio headless, paints the Portfolio table and exits, as the process itself reports
it (``VmHWM``; see ``bench.paint.peak_rss_kb`` for why not ``ru_maxrss``). The baseline
is the bare DataTable app of the startup benchmark.
"""

from __future__ import annotations

from bench.common import Row
from bench.portfolios import Portfolios
from bench.startup import paired_runs

NAME = "memory"
TARGET_MB = 100.0


def run(portfolios: Portfolios, quick: bool) -> list[Row]:
    # After a warm-up start, which keeps the summaries any later start opens from.
    app_runs, bare_runs = paired_runs(portfolios, 1 if quick else 2)
    # The peak barely varies between runs; the highest one is reported.
    peak = max(r.peak_mb for r in app_runs)
    base = max(r.peak_mb for r in bare_runs)
    return [
        Row(NAME, "large portfolio, peak RSS (base: bare DataTable)", peak, "MB",
            baseline=base, target=f"<= {TARGET_MB:g} MB", met=peak <= TARGET_MB),
    ]
