"""Runs ``negtui serve`` in a child process and hands back the link it printed."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

# Seconds to wait for the server to print its link before giving up instead of hanging.
START_TIMEOUT = 30


def free_port(family: socket.AddressFamily = socket.AF_INET) -> int:
    with socket.socket(family) as probe:
        probe.bind(("::1" if family == socket.AF_INET6 else "127.0.0.1", 0))
        return int(probe.getsockname()[1])


def has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str = ""
    stderr: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        """``http://host:port`` of the printed link."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def netloc(self) -> str:
        return urlsplit(self.url).netloc

    @property
    def token(self) -> str:
        return parse_qs(urlsplit(self.url).query)["token"][0]

    def stop(self) -> int | None:
        """SIGTERM, then the exit status; None if it had to be killed."""
        if self.process.poll() is not None:
            return self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
            return None


def _read_lines(stream: object, lines: queue.Queue[str | None]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.put(line)
    lines.put(None)


@contextmanager
def serving(folder: Path, *options: str, stdout: Path | None = None) -> Iterator[Served]:
    """Start the server; the link is the word of its first stderr line that has a token.
    Its stdout (textual-serve's log) goes to the file ``stdout`` when given."""
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none"}
    env.pop("NEGTUI_DATA", None)
    log = stdout.open("w") if stdout else None
    process = subprocess.Popen(
        [sys.executable, "-m", "negtui", "--data", str(folder), "serve", *options],
        stdin=subprocess.DEVNULL, stdout=log or subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True, env=env,
    )
    served = Served(process)
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_read_lines, args=(process.stderr, lines), daemon=True).start()
    try:
        while not served.url:
            line = lines.get(timeout=START_TIMEOUT)
            if line is None:
                break
            served.stderr.append(line)
            served.url = next((word for word in line.split() if "?token=" in word), "")
        assert served.url, f"no link printed: {''.join(served.stderr)}"
        yield served
    finally:
        served.stop()
        if log:
            log.close()
