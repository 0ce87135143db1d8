"""Who may talk to ``negtui serve``: the secret token, and the Host and Origin a request
must come with. Plain Python, so the rules are tested without starting a server."""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
TOKEN_PARAMETER = "token"


def bare_host(host: str) -> str:
    """``[::1]`` and ``::1`` name the same address; sockets want it without brackets."""
    host = host.strip()
    if host.startswith("[") and host.endswith("]"):
        return host[1:-1]
    return host


def url_host(host: str) -> str:
    """The host as it is written in a URL or a Host header: IPv6 addresses in brackets."""
    host = bare_host(host)
    return f"[{host}]" if ":" in host else host


def is_loopback(host: str) -> bool:
    host = bare_host(host).lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """0.0.0.0 and :: listen everywhere, so no single name can be checked against them."""
    try:
        return ipaddress.ip_address(bare_host(host)).is_unspecified
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Guard:
    """The served address and its token; answers whether a request's headers fit them."""

    host: str
    port: int
    token: str = field(default_factory=new_token, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://{url_host(self.host)}:{self.port}"

    @property
    def url(self) -> str:
        """What the user opens: the only way in that does not already carry the cookie."""
        return f"{self.base_url}/?{TOKEN_PARAMETER}={self.token}"

    @property
    def cookie_name(self) -> str:
        # Cookies do not tell ports apart: two servers on one machine keep separate ones.
        return f"negtui-token-{self.port}"

    def _names(self) -> set[str]:
        names = {url_host(self.host).lower()}
        if is_loopback(self.host):
            names.update(LOOPBACK_NAMES)
        return names

    def allowed_hosts(self) -> frozenset[str]:
        """Host headers that name this server; any other (a rebound DNS name) is refused."""
        hosts = {f"{name}:{self.port}" for name in self._names()}
        if self.port == 80:  # browsers leave the default port out
            hosts.update(self._names())
        return frozenset(hosts)

    def host_ok(self, host_header: str | None) -> bool:
        return host_header is not None and host_header.strip().lower() in self.allowed_hosts()

    def origin_ok(self, origin: str | None) -> bool:
        """True only for a page this server itself served (``null`` and others are not)."""
        if origin is None or not origin.lower().startswith("http://"):
            return False
        return self.host_ok(origin[len("http://"):].rstrip("/"))

    def token_ok(self, presented: str | None) -> bool:
        if presented is None:
            return False
        return hmac.compare_digest(presented.encode("utf-8"), self.token.encode("utf-8"))
