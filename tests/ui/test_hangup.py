"""A closed terminal ends the app: after SIGHUP or SIGTERM the process is gone within a
bounded time, with the signal's status, whatever state the screen and its output are in,
and nothing confirmed is lost."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import filelock
import pytest

from negtui.store import Store
from tests.ui.ptyapp import PtyApp

pytestmark = pytest.mark.slow

# The app ends on its own after a grace period of 1.5 s; more than this is a hang.
EXIT_TIMEOUT = 6.0
WRITE_TIMEOUT = 20.0
TEXT = "Hangup proof entry"


@pytest.fixture
def folder(demo_folder: Path) -> Path:
    return demo_folder


@pytest.fixture
def app(folder: Path, tmp_path: Path) -> Iterator[PtyApp]:
    running = PtyApp(folder, tmp_path)
    try:
        assert running.wait_for_text(b"Northwind"), "the app never showed the portfolio"
        yield running
    finally:
        running.close()


def _northwind(folder: Path) -> Path:
    store = Store(folder)
    deal = next(d for d in store.load().deals() if d.name.startswith("Northwind"))
    return store.deal_path(deal.id)


def _assert_folder_left_clean(folder: Path) -> None:
    assert not list(folder.rglob("*.tmp")), "a temp file was left behind"
    for path in (folder / "deals").glob("*.json"):
        with filelock.FileLock(f"{path}.lock", timeout=0):  # released, not still held
            pass
    assert Store(folder).check() == []


def test_entry_survives_sighup_and_the_terminal_is_restored(
    app: PtyApp, folder: Path
) -> None:
    deal_file = _northwind(folder)
    app.type(b"3", settle=1.0)
    app.type(b"g")
    app.type(TEXT.encode())
    app.type(b"\r", settle=0.1)
    assert app.wait_for(lambda: TEXT in deal_file.read_text(encoding="utf-8"), WRITE_TIMEOUT)

    app.process.send_signal(signal.SIGHUP)
    status = None
    for _ in range(int(EXIT_TIMEOUT / 0.1)):
        app.drain(0.1)  # the terminal still reads: the orderly exit can finish
        status = app.process.poll()
        if status is not None:
            break
    assert status == 128 + signal.SIGHUP
    assert app.terminal_restored(), "the terminal was left in raw mode"
    book = Store(folder).read_book(deal_file.stem)
    logged = [c for c in book.concessions if c.what == TEXT]
    assert [c.direction.value for c in logged] == ["given"]
    _assert_folder_left_clean(folder)


# Keys that bring the app into each state a user may be in when the terminal goes.
STATES: dict[str, list[bytes]] = {
    "portfolio": [],
    "capture bar": [b"3", b"g", b"Half typed"],
    "form": [b"e"],
    "help": [b"?"],
}


@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
@pytest.mark.parametrize("state", list(STATES))
def test_ends_when_the_terminal_stops_reading(
    app: PtyApp, folder: Path, state: str, number: signal.Signals
) -> None:
    for keys in STATES[state]:
        app.type(keys, settle=1.0)
    app.block_output()
    app.process.send_signal(number)
    status = app.ended_within(EXIT_TIMEOUT)
    assert status is not None, f"the app was still running {EXIT_TIMEOUT} s after {number.name}"
    assert status == 128 + number
    assert app.terminal_restored(), "the terminal was left in raw mode"
    _assert_folder_left_clean(folder)
    if state == "capture bar":
        drafts = [path.read_text(encoding="utf-8") for path in folder.glob(".drafts/*.json")]
        assert any("Half typed" in draft for draft in drafts), "the half-typed line was lost"
