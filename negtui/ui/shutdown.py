"""Ending the app when its terminal goes away (SIGHUP) or it is asked to stop (SIGTERM).

Textual's orderly exit writes to the terminal; once the terminal is closed or stops
reading, those writes wait forever and the process lingers with no screen. Every change
is on disk when it is shown as saved, so after such a signal the app gets a short grace
period to exit in order, and then the process ends regardless.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import termios
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from negtui.store.durable import WRITING

TerminalMode = list[Any]

# How long the orderly exit may take before the process is ended.
GRACE_S = 1.5
# How long the forced exit waits for a file write in progress to finish.
WRITE_WAIT_S = 5.0
HANDLED = (signal.SIGHUP, signal.SIGTERM)


def _saved_terminal() -> TerminalMode | None:
    try:
        return termios.tcgetattr(sys.stdin.fileno())
    except (termios.error, OSError, ValueError):
        return None


def _restore(terminal: TerminalMode | None) -> None:
    # tcsetattr never waits for the other side, unlike a write to the terminal.
    if terminal is not None:
        with contextlib.suppress(termios.error, OSError, ValueError):
            termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, terminal)


def end_process(status: int, terminal: TerminalMode | None) -> None:
    """Leave at once, but never in the middle of writing a file."""
    WRITING.acquire(timeout=WRITE_WAIT_S)
    _restore(terminal)
    os._exit(status)


class HangupGuard:
    """Turns SIGHUP and SIGTERM into an orderly exit with a deadline.

    ``request_exit`` is called from the signal handler with the exit status (128 + the
    signal's number); it must only schedule work, since the main thread may be stuck.
    """

    def __init__(self, grace_s: float = GRACE_S) -> None:
        self._grace_s = grace_s
        # Made before the app puts the terminal in raw mode, to put it back if need be.
        self._terminal = _saved_terminal()
        self._deadline: threading.Timer | None = None
        self._request_exit: Callable[[int], None] = lambda status: None

    def install(self, request_exit: Callable[[int], None]) -> None:
        self._request_exit = request_exit
        # signal.signal, not the event loop's handlers: those only run when the loop
        # gets a turn, and the loop is what may be stuck.
        for number in HANDLED:
            with contextlib.suppress(ValueError, OSError):
                signal.signal(number, self._on_signal)

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        status = 128 + number
        if self._deadline is None:
            self._deadline = threading.Timer(self._grace_s, end_process,
                                             (status, self._terminal))
            self._deadline.daemon = True
            self._deadline.start()
        with contextlib.suppress(RuntimeError):
            self._request_exit(status)
