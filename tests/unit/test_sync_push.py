"""A push the remote refuses because a teammate pushed first: sync fetches, merges and
pushes again, and neither side's entry is lost."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from negtui.actions.concessions import ConcessionRequest, log_concession
from negtui.actions.sync import SyncFailed, sync
from negtui.demo import demo_portfolio
from negtui.domain.clock import fixed_clock
from negtui.domain.vocab import Direction
from negtui.store import Store

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True, check=False).returncode != 0,
    reason="git is needed to share a folder")

CLOCK = fixed_clock("2026-11-23T09:30:00+00:00")


@pytest.fixture(autouse=True)
def someone(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in {"GIT_AUTHOR_NAME": "Ann", "GIT_AUTHOR_EMAIL": "ann@example.org",
                       "GIT_COMMITTER_NAME": "Ann", "GIT_COMMITTER_EMAIL": "ann@example.org",
                       "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}.items():
        monkeypatch.setenv(key, value)


def _shared(tmp_path: Path) -> tuple[Store, Store, str]:
    remote = tmp_path / "team.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    ann = Store(tmp_path / "ann", CLOCK).open()
    settings, books = demo_portfolio(CLOCK)
    ann.save_settings(settings)
    for book in books[:2]:
        ann.write_book(book)
    sync(ann, str(remote))
    bob = Store(tmp_path / "bob", CLOCK)
    sync(bob, str(remote))
    return ann, bob.open(), str(remote)


def _log(store: Store, what: str) -> None:
    deal = sorted(p.stem for p in store.deal_files())[0]
    log_concession(store, ConcessionRequest(deal=deal, direction=Direction.GIVEN, what=what))


def _entries(store: Store) -> set[str]:
    return {c.what for book in store.load().books.values() for c in book.concessions}


def test_a_push_refused_because_a_teammate_pushed_first_is_merged_and_retried(tmp_path):
    ann, bob, _ = _shared(tmp_path)
    _log(ann, "Ann's entry")
    _log(bob, "Bob's entry")
    steps: list[str] = []

    def bob_pushes_first(step: str) -> None:
        # Just before Ann's first push, Bob's sync lands on the remote.
        if step.startswith("pushing") and not any(s.startswith("pushing") for s in steps):
            sync(bob)
        steps.append(step)

    report = sync(ann, progress=bob_pushes_first)
    assert report.pushed and not report.conflicts
    assert sum(step.startswith("pushing") for step in steps) == 2
    sync(bob)
    assert {"Ann's entry", "Bob's entry"} <= _entries(ann)
    assert {"Ann's entry", "Bob's entry"} <= _entries(bob)


def test_a_push_refused_for_good_stops_with_one_line(tmp_path):
    ann, _, remote = _shared(tmp_path)
    hook = Path(remote) / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'closed for the night' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    _log(ann, "Ann's entry")
    with pytest.raises(SyncFailed) as failure:
        sync(ann)
    (line,) = failure.value.lines
    assert line.startswith("cannot push to") and "committed here" in line
    status = subprocess.run(["git", "-C", str(ann.root), "status", "--porcelain"],
                            capture_output=True, text=True, check=True)
    assert status.stdout == ""
    assert "Ann's entry" in _entries(ann)


def test_a_conflict_merged_before_a_refused_push_is_still_reported_and_kept(tmp_path):
    from negtui.store.sync_state import read_state

    ann, bob, remote = _shared(tmp_path)
    deal = sorted(p.stem for p in ann.deal_files())[0]
    term = ann.read_book(deal).terms[0]
    for store, position in ((bob, "11"), (ann, "12")):
        log_concession(store, ConcessionRequest(deal=deal, direction=Direction.GIVEN,
                                                what=f"moved to {position}", term=term.id,
                                                position=position))
    sync(bob)
    hook = Path(remote) / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    with pytest.raises(SyncFailed) as failure:
        sync(ann)
    assert [(c.record_name, c.field) for c in failure.value.conflicts] == [
        (term.name, "on_table")]
    assert read_state(ann.root).conflicts == failure.value.conflicts


def test_an_entry_logged_while_the_merge_writes_waits_for_it_and_is_kept(tmp_path,
                                                                         monkeypatch):
    import threading

    from negtui.store import sharing

    ann, bob, _ = _shared(tmp_path)
    _log(bob, "Bob's entry")
    sync(bob)
    real = sharing.put_in_place
    writer: list[threading.Thread] = []

    def with_a_writer_meanwhile(store, outcome):  # type: ignore[no-untyped-def]
        # Another process logs into the very deal being merged, right now. Under the
        # store's locks it waits; given a moment, a writer without them would be done.
        thread = threading.Thread(target=_log, args=(Store(ann.root, CLOCK), "Ann's entry"))
        thread.start()
        writer.append(thread)
        thread.join(timeout=2)
        real(store, outcome)

    monkeypatch.setattr("negtui.actions.sync.put_in_place", with_a_writer_meanwhile)
    sync(ann)
    writer[0].join()
    assert {"Ann's entry", "Bob's entry"} <= _entries(ann)


def test_an_entry_logged_just_before_the_merge_takes_its_locks_is_kept(tmp_path,
                                                                       monkeypatch):
    from negtui.actions import sync as sync_module

    ann, bob, _ = _shared(tmp_path)
    _log(bob, "Bob's entry")
    sync(bob)
    real = sync_module.holding
    logged: list[str] = []

    def with_a_log_first(store, names):  # type: ignore[no-untyped-def]
        # Another process finishes logging into the deal being merged after this sync
        # looked at the folder, and before it holds the deal's lock.
        if any(name.startswith("deals/") for name in names) and not logged:
            _log(Store(ann.root, CLOCK), "Ann's entry")
            logged.append("Ann's entry")
        return real(store, names)

    monkeypatch.setattr(sync_module, "holding", with_a_log_first)
    sync(ann)
    assert logged
    assert {"Ann's entry", "Bob's entry"} <= _entries(ann)
    sync(bob)
    assert {"Ann's entry", "Bob's entry"} <= _entries(bob)
