"""A writer killed at a random moment never loses a concession it acknowledged."""

from __future__ import annotations

import random
import select
import signal
import subprocess
import sys
import time

import pytest

from negtui.store import Store

ROUNDS = 15
READY_TIMEOUT = 20.0

# Logs concessions until killed, printing each id only once log_concession has returned.
WRITER = """
import os
import sys
from negtui.actions.concessions import ConcessionRequest, log_concession
from negtui.domain.vocab import Direction
from negtui.store import Store

store = Store(sys.argv[1]).open()
deals = sys.argv[2:]
print("ready", flush=True)
number = 0
while True:
    request = ConcessionRequest(
        deal=deals[number % len(deals)],
        direction=Direction.GIVEN if number % 2 else Direction.RECEIVED,
        what=f"concession {number} of pid {os.getpid()}",
        value_us=number % 10 + 1,
        note="written before the kill",
    )
    concession = log_concession(store, request)
    print(concession.id, flush=True)
    number += 1
"""


def _concession_ids(document):
    return [c["id"] for book in document["deals"] for c in book["concessions"]]


def _wait_until_ready(process, seed):
    deadline = time.monotonic() + READY_TIMEOUT
    while True:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"writer never became ready (seed {seed})"
        readable, _, _ = select.select([process.stdout], [], [], remaining)
        if readable:
            line = process.stdout.readline()
            assert line == b"ready\n", (line, process.stderr.read() if not line else b"", seed)
            return


def _one_round(cli, folder, deals, delay, seed):
    """Start a writer, kill it after ``delay`` seconds; returns the ids it acknowledged."""
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), *deals], env=cli.env, cwd=cli.base,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        _wait_until_ready(process, seed)
        time.sleep(delay)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=cli.timeout)
        output = process.stdout.read()
        errors = process.stderr.read()
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL, (process.returncode, errors, seed)
    # Only whole lines count: a line cut off by the kill was never acknowledged.
    *complete, _partial = output.decode("utf-8").split("\n")
    return complete


@pytest.mark.slow
def test_killed_writer_loses_no_acknowledged_concession(cli, demo_folder, demo_ids):
    seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    deals = ["northwind", "harbor", demo_ids["Atlas pricing study"]]
    before = set(_concession_ids(cli.export(demo_folder)))
    acknowledged: list[str] = []
    per_round = []
    for _ in range(ROUNDS):
        ids = _one_round(cli, demo_folder, deals, rng.uniform(0.02, 0.35), seed)
        per_round.append(len(ids))
        acknowledged.extend(ids)
        problems = Store(demo_folder).check()
        assert problems == [], (problems, seed)
    context = f"seed {seed}, acknowledged per round {per_round}"
    assert len(acknowledged) >= ROUNDS, context
    assert len(set(acknowledged)) == len(acknowledged), context

    result = cli.run("check", "--data", str(demo_folder))
    assert result.returncode == 0, f"{result}\n{context}"
    after = _concession_ids(cli.export(demo_folder))
    assert len(set(after)) == len(after), context
    new = set(after) - before
    missing = set(acknowledged) - new
    assert not missing, f"lost {sorted(missing)}; {context}"
    # At most one write per round can have landed without being acknowledged.
    assert len(new) - len(acknowledged) <= ROUNDS, context

    # The next writer clears the temp files the killed ones left behind.
    Store(demo_folder).open()
    leftovers = [p.name for p in demo_folder.rglob("*.tmp")]
    assert leftovers == [], context


def test_parallel_log_commands_all_land(cli, demo_folder):
    """Several ``negtui log`` processes on one deal at once: the file lock keeps every one."""
    count = 6
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "negtui", "log", "northwind", "--given", f"parallel {n}",
             "--data", str(demo_folder)],
            env=cli.env, cwd=cli.base, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True,
        )
        for n in range(count)
    ]
    logged = {}
    for n, process in enumerate(processes):
        out, err = process.communicate(timeout=cli.timeout)
        assert process.returncode == 0, err
        logged[out.strip()] = f"parallel {n}"
    assert len(logged) == count
    document = cli.export(demo_folder)
    found = {c["id"]: c["what"] for book in document["deals"] for c in book["concessions"]}
    assert {cid: found.get(cid) for cid in logged} == logged
    assert cli.run("check", "--data", str(demo_folder)).returncode == 0
