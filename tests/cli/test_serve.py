"""``negtui serve``: loopback by default, refuses other hosts without --public, serves a page."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from negtui.cli.serve import is_loopback


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.8.9.10"])
def test_loopback_addresses_are_recognised(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org", "::"])
def test_other_addresses_are_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def test_a_public_host_is_refused_without_public(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "negtui", "--data", str(tmp_path), "serve", "--host", "0.0.0.0"],
        capture_output=True, text=True, timeout=30,
    )
    assert result.returncode == 2
    assert "no login" in result.stderr and "SSH" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_on_loopback_and_stops(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none"}
    server = subprocess.Popen(
        [sys.executable, "-m", "negtui", "--data", str(tmp_path), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    try:
        page = ""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
                    page = reply.read().decode("utf-8", "replace")
                break
            except OSError:
                time.sleep(0.2)
        assert "negtui" in page
        assert "<html" in page.lower()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            status: int | None = server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            status = None
            server.kill()
            server.wait(timeout=5)
    # SIGTERM stops it cleanly by itself, well before it would have to be killed.
    assert status == 0
