"""The real app in a real pseudo-terminal, for what only a process can show: signals,
a terminal that stops reading, exit status, the terminal's mode afterwards."""

from __future__ import annotations

import contextlib
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
from collections.abc import Callable
from pathlib import Path

# Generous bounds: a slow machine must not fail a test, only a hang does.
START_TIMEOUT = 30.0


class PtyApp:
    def __init__(self, folder: Path, home: Path, size: tuple[int, int] = (24, 80),
                 stdout: int | None = None) -> None:
        """``stdout``: where standard output goes (a file's descriptor); the terminal if
        None. The app reads standard input and draws on standard error."""
        env = {key: value for key, value in os.environ.items()
               if not key.startswith("TEXTUAL") and key not in ("NEGTUI_DATA", "COLUMNS",
                                                               "LINES")}
        env.update({"TEXTUAL_ANIMATIONS": "none", "TERM": "xterm-256color", "HOME": str(home)})
        self.leader, self.follower = pty.openpty()
        self.cooked = termios.tcgetattr(self.follower)
        fcntl.ioctl(self.follower, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "negtui", "--data", str(folder)], stdin=self.follower,
            stdout=self.follower if stdout is None else stdout, stderr=self.follower, env=env,
            start_new_session=True, close_fds=True,
        )
        self.seen = b""

    def drain(self, seconds: float) -> bytes:
        """Read what the app drew, so that it never waits on a full terminal."""
        got = b""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.leader], [], [], 0.05)
            if ready:
                try:
                    got += os.read(self.leader, 65536)
                except OSError:
                    break
        self.seen += got
        return got

    def wait_for(self, condition: Callable[[], bool], timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.drain(0.1)
            if condition():
                return True
        return False

    def wait_for_text(self, text: bytes, timeout: float = START_TIMEOUT) -> bool:
        self.seen = b""
        return self.wait_for(lambda: text in self.seen, timeout)

    def type(self, keys: bytes, settle: float = 0.5) -> None:
        os.write(self.leader, keys)
        self.drain(settle)

    def block_output(self, redraws: int = 20) -> None:
        """Stop reading and make the app redraw until the terminal's buffer is full, as a
        terminal that froze or went away leaves it."""
        for index in range(redraws):
            rows, cols = (24, 80) if index % 2 else (30, 100)
            fcntl.ioctl(self.leader, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            self.process.send_signal(signal.SIGWINCH)
            time.sleep(0.1)

    def ended_within(self, seconds: float) -> int | None:
        """The exit status once the process ends, or None if it is still running."""
        try:
            return self.process.wait(seconds)
        except subprocess.TimeoutExpired:
            return None

    def terminal_restored(self) -> bool:
        now = termios.tcgetattr(self.follower)
        return bool(now[3] & termios.ICANON and now[3] & termios.ECHO)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for fd in (self.leader, self.follower):
            with contextlib.suppress(OSError):
                os.close(fd)
