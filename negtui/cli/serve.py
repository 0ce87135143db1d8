"""``negtui serve``: the app in a web browser, through textual-serve, behind a token."""

from __future__ import annotations

import shlex
import sys

from negtui.cli.common import Commands, Context, Parser, UsageError
from negtui.cli.serve_guard import Guard, is_loopback, is_wildcard

__all__ = ["is_loopback", "register", "run"]


def register(commands: Commands, common: Parser) -> None:
    serve = commands.add_parser(
        "serve", parents=[common], help="open the app in a web browser",
        description="Serve the app over HTTP with textual-serve, on loopback only. It prints "
                    "a link with a secret token: only that link opens the app, and requests "
                    "from other web pages or under other host names are refused. The traffic "
                    "is not encrypted, so from another machine forward the port over SSH "
                    "(ssh -L 8000:127.0.0.1:8000 host) instead of using --public.")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (loopback; IPv6 as ::1 or [::1])")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--public", action="store_true",
                       help="allow a non-loopback --host, knowing the traffic is not encrypted")
    serve.set_defaults(run=run)


def _check_address(host: str, port: int, public: bool) -> None:
    if not is_loopback(host):
        if not public:
            raise UsageError(
                f"negtui serve: {host} is not a loopback address and the app travels "
                "unencrypted, token included; forward the port over SSH instead, or add "
                "--public if you accept that risk")
        if is_wildcard(host):
            raise UsageError(
                f"negtui serve: {host} listens on every address, so requests cannot be "
                "checked against the address they were sent to; give one address with --host")
        print(f"negtui serve: WARNING: listening on {host}; anyone who can see the traffic "
              "can read the token and your deals", file=sys.stderr)
    if not 0 < port < 65536:
        raise UsageError(f"negtui serve: port {port} is out of range")


def run(ctx: Context) -> int:
    args = ctx.args
    _check_address(args.host, args.port, args.public)
    try:
        from negtui.cli.serve_web import CannotListen, GuardedServer, listen
    except ImportError:
        raise UsageError(
            "negtui serve: textual-serve is not installed; pip install 'negtui[serve]'"
        ) from None
    try:
        sockets = listen(args.host, args.port)
    except CannotListen as error:
        raise UsageError(f"negtui serve: {error}") from None
    guard = Guard(args.host, args.port)
    folder = ctx.store.root
    command = shlex.join([sys.executable, "-m", "negtui", "--data", str(folder)])
    print(f"serving {folder} at {guard.url} (ctrl+c stops)", file=sys.stderr)
    GuardedServer(command, guard, title="negtui").serve_on(sockets)
    return 0
