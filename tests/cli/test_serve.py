"""``negtui serve``: loopback by default, a link with a token, clear errors for addresses
it cannot use, IPv6 loopback, and a clean stop."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from negtui.cli.serve import is_loopback
from tests.cli.serving import free_port, has_ipv6_loopback, serving


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.8.9.10"])
def test_loopback_addresses_are_recognised(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org", "::", "[::]"])
def test_other_addresses_are_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def _serve(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "negtui", "--data", str(folder), "serve", *options],
        capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
    )


def test_a_public_host_is_refused_without_public(tmp_path: Path) -> None:
    result = _serve(tmp_path, "--host", "0.0.0.0", "--port", str(free_port()))
    assert result.returncode == 2
    assert "SSH" in result.stderr and "--public" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_listening_everywhere_is_refused_even_with_public(tmp_path: Path, host: str) -> None:
    # Requests could not be checked against the address they were sent to.
    result = _serve(tmp_path, "--host", host, "--port", str(free_port()), "--public")
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"negtui serve: {host} listens on every address, so requests cannot be checked "
        "against the address they were sent to; give one address with --host"]


def test_a_port_in_use_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = _serve(tmp_path, "--port", str(port))
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"negtui serve: cannot listen on 127.0.0.1 port {port}: the port is already in use"]
    assert result.stdout == ""


def test_an_unknown_host_name_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = _serve(tmp_path, "--host", "no-such-host.invalid", "--public")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("negtui serve: cannot find the address no-such-host.invalid")
    assert "Traceback" not in result.stderr


def test_serve_prints_a_link_with_a_token_answers_it_and_stops(tmp_path: Path) -> None:
    with serving(tmp_path, "--port", str(port := free_port())) as served:
        assert re.fullmatch(rf"http://127\.0\.0\.1:{port}/\?token=[A-Za-z0-9_-]{{40,}}",
                            served.url)
        with urllib.request.urlopen(served.url, timeout=10) as reply:
            page = reply.read().decode("utf-8", "replace")
        assert "<html" in page.lower() and "negtui" in page
        status = served.stop()
    # SIGTERM stops it cleanly by itself, well before it would have to be killed.
    assert status == 0


def test_the_log_names_requests_but_never_the_token(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    with serving(tmp_path / "data", "--port", str(free_port()), stdout=log) as served:
        with urllib.request.urlopen(served.url, timeout=10) as reply:
            assert reply.status == 200
        assert served.stop() == 0
        token = served.token
    written = log.read_text()
    assert re.search(r"127\.0\.0\.1 GET / 200", written), written
    assert token not in written


def test_each_start_has_a_new_token(tmp_path: Path) -> None:
    tokens = []
    for _ in range(2):
        with serving(tmp_path, "--port", str(free_port())) as served:
            tokens.append(served.token)
    assert tokens[0] != tokens[1]


@pytest.mark.skipif(not has_ipv6_loopback(), reason="this machine has no ::1")
@pytest.mark.parametrize("host", ["::1", "[::1]"])
def test_ipv6_loopback_is_served_with_a_bracketed_link(tmp_path: Path, host: str) -> None:
    port = free_port(socket.AF_INET6)
    with serving(tmp_path, "--host", host, "--port", str(port)) as served:
        assert served.url.startswith(f"http://[::1]:{port}/?token=")
        with urllib.request.urlopen(served.url, timeout=10) as reply:
            page = reply.read().decode("utf-8")
        assert f'data-session-websocket-url="ws://[::1]:{port}/ws"' in page
        assert served.stop() == 0
