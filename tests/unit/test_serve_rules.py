"""The rules ``negtui serve`` checks each request against, without a server."""

from __future__ import annotations

import pytest

from negtui.cli.serve_guard import Guard, bare_host, url_host

LOOPBACK = Guard("127.0.0.1", 8000, token="s3cret")


def test_the_link_carries_the_token() -> None:
    assert LOOPBACK.url == "http://127.0.0.1:8000/?token=s3cret"


@pytest.mark.parametrize("host", ["::1", "[::1]", " [::1] "])
def test_ipv6_is_bracketed_in_links_and_bare_for_sockets(host: str) -> None:
    assert Guard(host, 8123, token="t").url == "http://[::1]:8123/?token=t"
    assert url_host(host) == "[::1]" and bare_host(host) == "::1"


def test_new_guards_draw_new_long_tokens() -> None:
    first, second = Guard("127.0.0.1", 8000), Guard("127.0.0.1", 8000)
    assert first.token != second.token and len(first.token) >= 40
    assert first.token not in repr(first)


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000",
                                  "LocalHost:8000"])
def test_loopback_names_on_the_served_port_are_this_server(host: str) -> None:
    assert LOOPBACK.host_ok(host)
    assert LOOPBACK.origin_ok(f"http://{host}")


@pytest.mark.parametrize("host", [None, "", "evil.example:8000", "127.0.0.1:8001",
                                  "127.0.0.1", "localhost.evil.example:8000",
                                  "127.0.0.1:8000@evil.example"])
def test_other_names_and_ports_are_not(host: str | None) -> None:
    assert not LOOPBACK.host_ok(host)


@pytest.mark.parametrize("origin", [None, "null", "http://evil.example",
                                    "https://127.0.0.1:8000", "http://127.0.0.1:9999",
                                    "http://127.0.0.1:8000/path", "file://"])
def test_only_pages_of_this_server_are_its_origin(origin: str | None) -> None:
    assert not LOOPBACK.origin_ok(origin)


def test_a_public_address_answers_only_to_itself() -> None:
    guard = Guard("192.168.1.10", 8000, token="t")
    assert guard.host_ok("192.168.1.10:8000")
    assert not guard.host_ok("localhost:8000")


def test_port_80_may_be_left_out_as_browsers_do() -> None:
    guard = Guard("127.0.0.1", 80, token="t")
    assert guard.host_ok("127.0.0.1") and guard.origin_ok("http://localhost")
    assert not LOOPBACK.host_ok("127.0.0.1")


@pytest.mark.parametrize("presented", [None, "", "s3cre", "s3cret ", "S3CRET", "sécret"])
def test_only_the_exact_token_opens(presented: str | None) -> None:
    assert not LOOPBACK.token_ok(presented)
    assert LOOPBACK.token_ok("s3cret")
