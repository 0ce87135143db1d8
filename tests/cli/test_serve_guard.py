"""Real requests to a running ``negtui serve``: only the printed link, from the server's
own pages and under its own host names, reaches the app."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator

import aiohttp
import pytest

from tests.cli.serving import Served, free_port, serving

# Seconds a reply may take before the test fails instead of hanging.
REPLY_TIMEOUT = 30
EVIL = "http://evil.example"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(tmp_path_factory.mktemp("served"), "--port", str(free_port())) as running:
        yield running


async def _status(url: str, headers: dict[str, str] | None = None) -> int:
    async with aiohttp.ClientSession() as session, session.get(
            url, headers=headers or {}, allow_redirects=False) as reply:
        return reply.status


async def _upgrade_status(url: str, headers: dict[str, str]) -> int:
    """101 when the websocket opens, else the status the server refused it with."""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers) as socket:
                await socket.close()
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


def _cookie(served: Served) -> dict[str, str]:
    port = served.netloc.rsplit(":", 1)[1]
    return {"Cookie": f"negtui-token-{port}={served.token}"}


async def test_the_page_without_the_token_is_refused(served: Served) -> None:
    assert await _status(f"{served.base}/") == 403
    assert await _status(f"{served.base}/static/js/textual.js") == 403


async def test_a_wrong_token_is_refused_in_the_link_and_in_the_cookie(served: Served) -> None:
    assert await _status(f"{served.base}/?token=not-{served.token}") == 403
    assert await _status(f"{served.base}/?token=") == 403
    assert await _status(f"{served.base}/?token=%C3%A9") == 403
    port = served.netloc.rsplit(":", 1)[1]
    assert await _status(f"{served.base}/", {"Cookie": f"negtui-token-{port}=guess"}) == 403


async def test_the_websocket_without_the_token_is_refused(served: Served) -> None:
    origin = {"Origin": served.base}
    assert await _upgrade_status(f"ws://{served.netloc}/ws", origin) == 403
    assert await _upgrade_status(f"ws://{served.netloc}/ws?token=wrong", origin) == 403


async def test_another_pages_origin_is_refused_even_with_the_token(served: Served) -> None:
    with_token = f"ws://{served.netloc}/ws?token={served.token}"
    assert await _upgrade_status(with_token, {"Origin": EVIL}) == 403
    assert await _upgrade_status(with_token, {**_cookie(served), "Origin": EVIL}) == 403
    # A page on another port of this same machine is another origin too.
    assert await _upgrade_status(with_token, {"Origin": "http://127.0.0.1:1"}) == 403
    assert await _upgrade_status(with_token, {"Origin": "null"}) == 403
    assert await _status(served.url, {"Origin": EVIL}) == 403


async def test_a_websocket_without_any_origin_is_refused(served: Served) -> None:
    assert await _upgrade_status(f"ws://{served.netloc}/ws?token={served.token}", {}) == 403
    assert await _status(f"{served.base}/ws?token={served.token}") == 403


async def test_a_foreign_host_name_is_refused_even_with_the_token(served: Served) -> None:
    # What a page sees after DNS rebinding: its own name, pointing at this machine.
    port = served.netloc.rsplit(":", 1)[1]
    rebound = {"Host": f"evil.example:{port}"}
    assert await _status(served.url, rebound) == 403
    assert await _status(served.url, {"Host": f"127.0.0.1:{int(port) + 1}"}) == 403
    ws = f"ws://{served.netloc}/ws?token={served.token}"
    assert await _upgrade_status(ws, {**rebound, "Origin": f"http://evil.example:{port}"}) == 403


async def test_the_link_opens_the_page_and_everything_it_loads(served: Served) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(served.url) as reply:
            assert reply.status == 200
            page = await reply.text()
            cookie = reply.cookies[f"negtui-token-{served.netloc.rsplit(':', 1)[1]}"]
        assert cookie.value == served.token
        assert cookie["httponly"] and cookie["samesite"] == "Strict"
        assert served.token not in page  # the page never shows the secret to its scripts
        assets = re.findall(r'(?:href|src)="(http://[^"]+)"', page)
        assert any(asset.endswith("/static/js/textual.js") for asset in assets)
        for asset in assets:
            if asset.startswith(served.base):
                async with session.get(asset, headers=_cookie(served)) as loaded:
                    assert loaded.status == 200, asset
        ws_url = re.search(r'data-session-websocket-url="([^"]+)"', page)
        assert ws_url is not None and ws_url.group(1) == f"ws://{served.netloc}/ws"
        # The browser adds the size and sends the cookie and the page's origin.
        async with session.ws_connect(f"{ws_url.group(1)}?width=80&height=24",
                                      headers={**_cookie(served), "Origin": served.base}) as ws:
            first = await asyncio.wait_for(ws.receive(), REPLY_TIMEOUT)
            assert first.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT)
            await ws.close()


async def test_localhost_gets_a_page_that_points_back_at_localhost(served: Served) -> None:
    # Cookies belong to one host name, so the assets must come from the name the user typed.
    port = served.netloc.rsplit(":", 1)[1]
    url = f"http://localhost:{port}/?token={served.token}"
    async with aiohttp.ClientSession() as session, session.get(url) as reply:
        assert reply.status == 200
        page = await reply.text()
    assert f'src="http://localhost:{port}/static/js/textual.js"' in page
    assert f'data-session-websocket-url="ws://localhost:{port}/ws"' in page
