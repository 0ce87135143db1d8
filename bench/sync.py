"""``negtui sync`` of the large portfolio with one new entry on each side, beside a bare
``git pull && git push`` of a plain clone of the same remote.

Three people share one bare remote in the run's temporary folder. For each sample a
teammate logs an entry and pushes (untimed); then:

* the plain clone commits one change of its own (untimed) and ``git pull --no-rebase -q
  && git push -q`` is timed: what git alone costs to take one commit in and send one out;
* the negtui folder logs one entry (untimed) and ``sync`` is timed: commit, fetch, the
  record-by-record merge of the files that changed, the batch write, the merge commit and
  the push.

Target: sync <= the bare pull and push + 1 s.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator

from bench.common import Row, median, ms
from bench.portfolios import LARGE, Portfolios, largest_deal
from negtui.actions.concessions import ConcessionRequest, log_concession
from negtui.actions.sync import sync
from negtui.domain.vocab import Direction
from negtui.store import Store

NAME = "sync"
EXTRA_S = 1.0
IDENTITY = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
            "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org",
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


@contextlib.contextmanager
def _identity() -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in IDENTITY}
    os.environ.update(IDENTITY)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _git(*args: str) -> None:
    subprocess.run(["git", *args], check=True, capture_output=True)


def _log(store: Store, deal_id: str, what: str) -> None:
    log_concession(store, ConcessionRequest(deal=deal_id, direction=Direction.GIVEN,
                                            what=what))


def run(portfolios: Portfolios, quick: bool) -> list[Row]:
    if shutil.which("git") is None:
        return []
    ours = portfolios.copy(LARGE)
    root = ours.parent / "sync-bench"
    remote = root / "team.git"
    root.mkdir()
    repeats = 3 if quick else 7
    with _identity():
        _git("init", "-q", "--bare", "-b", "main", str(remote))
        store = Store(ours).open()
        sync(store, str(remote))
        mate = Store(root / "mate")
        sync(mate, str(remote))
        plain = root / "plain"
        _git("clone", "-q", str(remote), str(plain))
        plain_store = Store(plain).open()
        deals = sorted(path.stem for path in (ours / "deals").glob("*.json"))
        ours_deal, mate_deal, plain_deal = largest_deal(ours), deals[0], deals[1]
        synced, bare = [], []
        for number in range(repeats):
            _log(mate.open(), mate_deal, f"teammate's entry {number}")
            sync(mate)
            _log(plain_store, plain_deal, f"plain clone's entry {number}")
            _git("-C", str(plain), "commit", "-q", "-am", f"entry {number}")
            started = time.perf_counter()
            _git("-C", str(plain), "pull", "--no-rebase", "-q")
            _git("-C", str(plain), "push", "-q")
            bare.append(time.perf_counter() - started)
            _log(store, ours_deal, f"our entry {number}")
            started = time.perf_counter()
            sync(store)
            synced.append(time.perf_counter() - started)
    value, baseline = ms(median(synced)), ms(median(bare))
    return [Row(NAME, f"large portfolio, one new entry each side (median of {repeats})",
                value, "ms", baseline=baseline, target="<= git pull+push + 1 s",
                met=value <= baseline + EXTRA_S * 1000)]
