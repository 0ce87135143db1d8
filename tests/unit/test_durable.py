"""Atomic writes, rotating backups and clean-up after a writer that died."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from negtui.domain.clock import Clock
from negtui.domain.models import Concession
from negtui.store import Store, durable
from negtui.store.durable import (
    BACKUP_DIR,
    BACKUP_INTERVAL_S,
    BACKUPS_KEPT,
    backup_path,
    pid_alive,
    remove_stale_temps,
    rotate_backups,
    serialize,
    temp_name,
    write_atomically,
)


def temps_in(folder: Path) -> list[Path]:
    return sorted(folder.glob(f".*{durable.TEMP_SUFFIX}"))


def dead_pid() -> int:
    """The id of a process that has already exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# Writing


def test_serialize_is_sorted_indented_and_keeps_non_ascii() -> None:
    text = serialize({"b": 1, "a": {"d": "Zürich", "c": 2}})
    assert text.endswith("\n")
    assert text.index('"a"') < text.index('"b"')
    assert text.index('"c"') < text.index('"d"')
    assert "Zürich" in text
    assert "\n  " in text


def test_write_atomically_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "deal.json"
    write_atomically(target, "first\n")
    assert target.read_text() == "first\n"
    write_atomically(target, "second\n")
    assert target.read_text() == "second\n"
    assert temps_in(tmp_path) == []


def test_replace_gives_the_file_a_new_inode_so_readers_never_see_half(tmp_path: Path) -> None:
    target = tmp_path / "deal.json"
    write_atomically(target, "old\n")
    with open(target, encoding="utf-8") as reader:
        write_atomically(target, "new\n")
        # An already open reader keeps the complete old version.
        assert reader.read() == "old\n"
    assert target.read_text() == "new\n"


def test_temp_name_is_hidden_in_the_same_folder_and_names_the_writer(tmp_path: Path) -> None:
    temp = temp_name(tmp_path / "deal.json")
    assert temp.parent == tmp_path
    assert temp.name.startswith(".deal.json.")
    assert temp.name.split(".")[-3] == str(os.getpid())
    assert temp.name.endswith(durable.TEMP_SUFFIX)


def test_failed_replace_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deal.json"
    write_atomically(target, "precious\n")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(durable.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, "half\n")
    assert target.read_text() == "precious\n"
    assert temps_in(tmp_path) == []


def test_interrupt_while_writing_the_temp_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deal.json"
    write_atomically(target, "precious\n")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(durable.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, "half\n")
    assert target.read_text() == "precious\n"
    assert temps_in(tmp_path) == []


def _die_before_replace(root: str, deal_id: str, at: str) -> None:
    """Runs in a child process: write a concession but die just before the rename."""
    durable.os.replace = lambda src, dst: os._exit(7)  # type: ignore[assignment]
    store = Store(root)
    store.put(deal_id, Concession(id="c-lost", direction="given", what="never saved", at=at))


def test_process_dying_between_temp_write_and_replace(two_deals: Store, clock: Clock) -> None:
    store = two_deals
    path = store.deal_path("d-alpha")
    before = path.read_bytes()
    child = multiprocessing.get_context("fork").Process(
        target=_die_before_replace, args=(str(store.root), "d-alpha", clock().isoformat())
    )
    child.start()
    child.join(30)
    assert child.exitcode == 7

    # The old version is whole, and the half-finished temp of the dead writer is there.
    assert path.read_bytes() == before
    leftovers = temps_in(store.deals_dir)
    assert len(leftovers) == 1
    assert f".{child.pid}." in leftovers[0].name
    assert b"never saved" in leftovers[0].read_bytes()
    portfolio = store.load()
    assert portfolio.problems == []
    assert [c.id for c in portfolio.books["d-alpha"].concessions] == ["c-first"]

    # The next start clears it, and the file takes new writes as usual.
    Store(store.root, clock).open()
    assert temps_in(store.deals_dir) == []
    store.put("d-alpha", Concession(id="c-next", direction="given", what="saved",
                                    at=clock().datetime))
    assert [c.id for c in store.read_book("d-alpha").concessions] == ["c-first", "c-next"]


# Stale temps


def test_remove_stale_temps_keeps_temps_of_live_writers(tmp_path: Path) -> None:
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        gone = dead_pid()
        dead_temp = tmp_path / f".deal.json.{gone}.abc123.tmp"
        live_temp = tmp_path / f".deal.json.{live.pid}.abc123.tmp"
        own_temp = tmp_path / f".deal.json.{os.getpid()}.abc123.tmp"
        odd_temp = tmp_path / ".leftover.tmp"
        # A name that says no writer is only taken for stale once it has sat for a while.
        fresh_odd_temp = tmp_path / ".just-written.tmp"
        data = tmp_path / "deal.json"
        for path in (dead_temp, live_temp, own_temp, odd_temp, fresh_odd_temp, data):
            path.write_text("{}")
        long_ago = time.time() - 3600
        os.utime(odd_temp, (long_ago, long_ago))
        removed = remove_stale_temps(tmp_path)
        assert sorted(removed) == sorted([dead_temp, odd_temp])
        assert not dead_temp.exists()
        assert not odd_temp.exists()
        assert live_temp.exists()
        assert own_temp.exists()
        assert fresh_odd_temp.exists()
        assert data.exists()
    finally:
        live.kill()
        live.wait()


def test_store_open_removes_stale_temps_in_both_folders(tmp_path: Path, clock: Clock) -> None:
    store = Store(tmp_path / "data", clock).open()
    gone = dead_pid()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        stale_root = store.root / f".portfolio.json.{gone}.0a0b0c.tmp"
        stale_deal = store.deals_dir / f".d-alpha.json.{gone}.0a0b0c.tmp"
        live_deal = store.deals_dir / f".d-alpha.json.{live.pid}.0a0b0c.tmp"
        for path in (stale_root, stale_deal, live_deal):
            path.write_text("{")
        Store(store.root, clock).open()
        assert not stale_root.exists()
        assert not stale_deal.exists()
        assert live_deal.exists()
    finally:
        live.kill()
        live.wait()


def test_pid_alive() -> None:
    assert pid_alive(os.getpid())
    assert not pid_alive(dead_pid())


# Backups


def test_no_backup_of_a_file_that_does_not_exist(tmp_path: Path) -> None:
    rotate_backups(tmp_path, tmp_path / "missing.json", force=True)
    assert not (tmp_path / BACKUP_DIR).exists()


def test_backups_keep_at_most_three_generations(tmp_path: Path) -> None:
    target = tmp_path / "deals" / "d-1.json"
    target.parent.mkdir()
    for version in range(1, 7):
        write_atomically(target, f"version {version}\n")
        rotate_backups(tmp_path, target, force=True)
    folder = tmp_path / BACKUP_DIR / "deals"
    assert sorted(p.name for p in folder.iterdir()) == ["d-1.json.1", "d-1.json.2", "d-1.json.3"]
    assert BACKUPS_KEPT == 3
    assert backup_path(tmp_path, target, 1).read_text() == "version 6\n"
    assert backup_path(tmp_path, target, 2).read_text() == "version 5\n"
    assert backup_path(tmp_path, target, 3).read_text() == "version 4\n"


def test_backup_survives_the_next_atomic_write(tmp_path: Path) -> None:
    target = tmp_path / "portfolio.json"
    write_atomically(target, "before\n")
    rotate_backups(tmp_path, target)
    write_atomically(target, "after\n")
    assert backup_path(tmp_path, target, 1).read_text() == "before\n"
    assert target.read_text() == "after\n"


def test_backups_respect_the_interval(tmp_path: Path) -> None:
    target = tmp_path / "d-1.json"
    start = 1_800_000_000.0
    write_atomically(target, "one\n")
    rotate_backups(tmp_path, target, now=start)
    write_atomically(target, "two\n")
    # Within the interval: the newest backup is recent enough, nothing rotates.
    rotate_backups(tmp_path, target, now=start + BACKUP_INTERVAL_S - 1)
    assert backup_path(tmp_path, target, 1).read_text() == "one\n"
    assert not backup_path(tmp_path, target, 2).exists()
    # Once the interval has passed, a new generation starts.
    rotate_backups(tmp_path, target, now=start + BACKUP_INTERVAL_S)
    assert backup_path(tmp_path, target, 1).read_text() == "two\n"
    assert backup_path(tmp_path, target, 2).read_text() == "one\n"


def test_forced_backup_ignores_the_interval(tmp_path: Path) -> None:
    target = tmp_path / "d-1.json"
    write_atomically(target, "one\n")
    rotate_backups(tmp_path, target, now=1_800_000_000.0)
    write_atomically(target, "two\n")
    rotate_backups(tmp_path, target, force=True, now=1_800_000_001.0)
    assert backup_path(tmp_path, target, 1).read_text() == "two\n"
    assert backup_path(tmp_path, target, 2).read_text() == "one\n"


def test_store_writes_keep_the_previous_version_as_a_backup(two_deals: Store,
                                                           clock: Clock) -> None:
    store = two_deals
    path = store.deal_path("d-beta")
    before = path.read_bytes()
    store.put("d-beta", Concession(id="c-b", direction="received", what="Net 30",
                                   at=clock().datetime))
    backup = backup_path(store.root, path, 1)
    assert backup.read_bytes() == before
    assert "c-b" in json.dumps(json.loads(path.read_text()))
