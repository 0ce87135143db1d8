"""``negtui serve``: the app in a web browser, through textual-serve."""

from __future__ import annotations

import ipaddress
import shlex
import sys

from negtui.cli.common import Commands, Context, Parser, UsageError

LOOPBACK_NAMES = {"localhost"}


def register(commands: Commands, common: Parser) -> None:
    serve = commands.add_parser(
        "serve", parents=[common], help="open the app in a web browser",
        description="Serve the app over HTTP with textual-serve. It listens on loopback "
                    "only, because there is no login: anyone who can reach the port can "
                    "read and change your deals. From another machine, forward the port "
                    "over SSH (ssh -L 8000:127.0.0.1:8000 host) instead of using --public.")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--public", action="store_true",
                       help="allow a non-loopback --host, knowing there is no login")
    serve.set_defaults(run=run)


def is_loopback(host: str) -> bool:
    if host.strip().lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run(ctx: Context) -> int:
    args = ctx.args
    if not is_loopback(args.host):
        if not args.public:
            raise UsageError(
                f"negtui serve: {args.host} is not a loopback address and the served app has "
                "no login; forward the port over SSH instead, or add --public if you accept "
                "that risk")
        print(f"negtui serve: WARNING: listening on {args.host} with no login; anyone who "
              "can reach this port can read and change your deals", file=sys.stderr)
    if not 0 < args.port < 65536:
        raise UsageError(f"negtui serve: port {args.port} is out of range")
    try:
        from textual_serve.server import Server
    except ImportError:
        raise UsageError(
            "negtui serve: textual-serve is not installed; pip install 'negtui[serve]'"
        ) from None
    folder = ctx.store.root
    command = shlex.join([sys.executable, "-m", "negtui", "--data", str(folder)])
    print(f"serving {folder} at http://{args.host}:{args.port} (ctrl+c stops)", file=sys.stderr)
    Server(command, host=args.host, port=args.port, title="negtui").serve()
    return 0
