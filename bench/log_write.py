"""Logging one concession durably, in the demo portfolio and in the large one.

Two paths are timed:

* ``Store.put`` of a new concession into one deal: what the app does when a concession
  is logged (lock, re-read, check, atomic fsynced write, unlock). One long-lived Store,
  as in the app.
* ``actions.log_concession`` with the deal given by id: the shared action behind
  ``negtui log``; it also reads and validates the whole deal before writing.

Each write lands in the deal with the biggest file (the worst case of the portfolio).
Demo and large samples alternate, so other load on the machine hits both alike.
After each timed write the new concession is removed again, untimed, so every sample
sees a deal of the same size. The first write of a Store into a deal also checks the
whole file; that cost is shown separately ("first put, fresh Store"), and so is what the
disk alone costs for the same temp-file + fsync + rename + fsync sequence ("disk floor").
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import Row, median, ms, percentile
from bench.portfolios import DEMO, LARGE, Portfolios, largest_deal
from negtui.actions.concessions import ConcessionRequest, log_concession
from negtui.domain.ids import new_id
from negtui.domain.models import Concession
from negtui.domain.vocab import Direction
from negtui.store import Store
from negtui.store.durable import write_atomically

NAME = "log_write"
TARGET_MS = 5.0
TARGET_RATIO = 1.5
TABLE = "concessions"


@dataclass
class Samples:
    put: list[float] = field(default_factory=list)
    action: list[float] = field(default_factory=list)
    fresh: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)


def _concession(store: Store, number: int, term_id: str | None) -> Concession:
    return Concession(
        id=new_id("c"), direction=Direction.GIVEN,
        what=f"Extended the payment terms by ten days (#{number})", term_id=term_id,
        value_us=3, value_them=6, at=store.clock().datetime,
    )


class Target:
    """One portfolio copy and the deal written to; each method takes one sample."""

    def __init__(self, folder: Path, deal_id: str | None = None) -> None:
        self.folder = folder
        self.store = Store(folder).open()
        self.deal_id = deal_id or largest_deal(folder)
        self.term_id = self.store.read_book(self.deal_id).terms[0].id
        self.samples = Samples()
        # A first write checks the whole file and starts a backup generation; both are
        # measured on their own ("fresh"), so warm up before the steady-state samples.
        for number in range(3):
            warm = _concession(self.store, number, self.term_id)
            self.store.put(self.deal_id, warm)
            self.store.remove(self.deal_id, warm)

    def put(self, number: int) -> None:
        concession = _concession(self.store, number, self.term_id)
        started = time.perf_counter()
        self.store.put(self.deal_id, concession)
        self.samples.put.append(time.perf_counter() - started)
        self.store.remove(self.deal_id, concession)

    def action(self, number: int) -> None:
        request = ConcessionRequest(
            deal=self.deal_id, direction=Direction.RECEIVED,
            what=f"Accepted the liability cap (#{number})", term=self.term_id,
            value_us=7, value_them=2,
        )
        started = time.perf_counter()
        logged = log_concession(self.store, request)
        self.samples.action.append(time.perf_counter() - started)
        self.store.remove(self.deal_id, logged.concession)

    def fresh(self, number: int) -> None:
        store = Store(self.folder).open()
        concession = _concession(store, number, self.term_id)
        started = time.perf_counter()
        store.put(self.deal_id, concession)
        self.samples.fresh.append(time.perf_counter() - started)
        store.remove(self.deal_id, concession)

    def floor(self, number: int) -> None:
        # What the disk alone costs: the same atomic, fsynced replace of a tiny file.
        probe = self.folder / "deals" / "bench-probe.txt"
        started = time.perf_counter()
        write_atomically(probe, f"{number}\n")
        self.samples.floor.append(time.perf_counter() - started)
        probe.unlink()


def _interleaved(demo: Target, large: Target, repetitions: int, fresh_repetitions: int) -> None:
    """Alternate demo and large sample by sample, so that other load on the machine
    falls on both alike and the ratio stays fair."""
    plan: list[tuple[Callable[[Target, int], None], int]] = [
        (Target.put, repetitions), (Target.action, repetitions),
        (Target.fresh, fresh_repetitions), (Target.floor, fresh_repetitions),
    ]
    for sample, count in plan:
        for number in range(count):
            pair = (demo, large) if number % 2 == 0 else (large, demo)
            for target in pair:
                sample(target, number)


def run(portfolios: Portfolios, quick: bool) -> list[Row]:
    repetitions = 30 if quick else 200
    fresh_repetitions = 5 if quick else 20
    demo_target = Target(portfolios.copy(DEMO))
    large_target = Target(portfolios.copy(LARGE))
    _interleaved(demo_target, large_target, repetitions, fresh_repetitions)
    demo, large = demo_target.samples, large_target.samples
    # The demo's biggest deal dropped into the large portfolio: the same write, with 200
    # other deals beside it. Its ratio to the demo shows whether the portfolio's size
    # (rather than the size of the deal written) costs anything.
    crowded_folder = portfolios.copy(LARGE)
    shutil.copy2(demo_target.store.deal_path(demo_target.deal_id), crowded_folder / "deals")
    crowded_target = Target(crowded_folder, demo_target.deal_id)
    crowded_demo = Target(portfolios.copy(DEMO))
    for number in range(repetitions):
        pair = (crowded_demo, crowded_target) if number % 2 == 0 else (crowded_target,
                                                                        crowded_demo)
        for target in pair:
            target.put(number)

    rows: list[Row] = []
    for label, demo_times, large_times in (
        ("Store.put", demo.put, large.put),
        ("log_concession", demo.action, large.action),
    ):
        demo_median, large_median = ms(median(demo_times)), ms(median(large_times))
        ratio = large_median / demo_median
        rows += [
            Row(NAME, f"{label}, demo, median", demo_median, "ms",
                target=f"<= {TARGET_MS:g} ms", met=demo_median <= TARGET_MS),
            Row(NAME, f"{label}, large, median (base: demo)", large_median, "ms",
                baseline=demo_median,
                target=f"<= {TARGET_MS:g} ms, ratio <= {TARGET_RATIO:g}",
                met=large_median <= TARGET_MS and ratio <= TARGET_RATIO),
            Row(NAME, f"{label}, large, p90 (base: demo p90)",
                ms(percentile(large_times, 0.9)), "ms",
                baseline=ms(percentile(demo_times, 0.9))),
        ]
    crowded_median = ms(median(crowded_target.samples.put))
    alone_median = ms(median(crowded_demo.samples.put))
    rows.append(Row(NAME, "Store.put, demo's biggest deal inside the large portfolio "
                          "(base: same deal in the demo)", crowded_median, "ms",
                    baseline=alone_median,
                    target=f"<= {TARGET_MS:g} ms, ratio <= {TARGET_RATIO:g}",
                    met=crowded_median <= TARGET_MS
                    and crowded_median / alone_median <= TARGET_RATIO))
    rows.append(Row(NAME, "first put, fresh Store, large, median (base: demo)",
                    ms(median(large.fresh)), "ms", baseline=ms(median(demo.fresh))))
    rows.append(Row(NAME, "disk floor: atomic fsynced write of 2 bytes, median",
                    ms(median(demo.floor + large.floor)), "ms"))
    return rows
