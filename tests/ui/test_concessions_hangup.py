"""A dropped SSH link loses nothing confirmed: log an entry in a real app, then SIGHUP it."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from negtui.demo import demo_portfolio
from negtui.domain.clock import system_clock
from negtui.store import Store

# Generous bounds: a slow machine must not fail the test, only a hang does.
START_TIMEOUT = 30.0
WRITE_TIMEOUT = 20.0
EXIT_TIMEOUT = 5.0
TEXT = "Hangup proof entry"


def _drain(fd: int, seconds: float) -> bytes:
    """Read what the app drew, so it never blocks on a full terminal."""
    seen = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def _wait_for(fd: int, condition, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        _drain(fd, 0.1)
        if condition():
            return True
    return False


def test_entry_survives_sighup(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    store = Store(folder, system_clock).open()
    settings, books = demo_portfolio(system_clock)
    store.save_settings(settings)
    for book in books:
        store.write_book(book)
    deal_file = store.deal_path(books[0].id)  # Northwind, first on the portfolio screen

    env = {key: value for key, value in os.environ.items()
           if not key.startswith("TEXTUAL") and key != "NEGTUI_DATA"}
    env.update({"TEXTUAL_ANIMATIONS": "none", "TERM": "xterm-256color", "HOME": str(tmp_path),
                "COLUMNS": "80", "LINES": "24"})
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "negtui", "--data", str(folder)], stdin=follower,
        stdout=follower, stderr=follower, env=env, start_new_session=True, close_fds=True,
    )
    os.close(follower)
    try:
        screen = b""
        end = time.monotonic() + START_TIMEOUT
        while b"Northwind" not in screen and time.monotonic() < end:
            screen += _drain(leader, 0.2)
        assert b"Northwind" in screen, "the app never showed the portfolio"

        os.write(leader, b"3")
        _drain(leader, 1.0)
        os.write(leader, b"g")
        _drain(leader, 0.5)
        os.write(leader, TEXT.encode())
        _drain(leader, 0.5)
        os.write(leader, b"\r")
        assert _wait_for(leader, lambda: TEXT in deal_file.read_text(encoding="utf-8"),
                         WRITE_TIMEOUT), "the entry never reached the deal file"

        process.send_signal(signal.SIGHUP)
        end = time.monotonic() + EXIT_TIMEOUT
        while process.poll() is None and time.monotonic() < end:
            _drain(leader, 0.1)
        assert process.poll() is not None, "the app did not exit on SIGHUP"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(leader)

    book = Store(folder).read_book(books[0].id)
    logged = [c for c in book.concessions if c.what == TEXT]
    assert len(logged) == 1
    assert logged[0].direction.value == "given" and not logged[0].deleted
