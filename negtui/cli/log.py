"""``negtui log``: record a concession from a script or another terminal."""

from __future__ import annotations

from negtui.cli.common import Commands, Context, Parser, UsageError, rating_arg
from negtui.domain.vocab import Direction


def register(commands: Commands,
             common: Parser) -> None:
    log = commands.add_parser("log", parents=[common], help="log a concession",
                              description="Log a concession given or received in a deal; "
                                          "prints the new concession's id.")
    log.add_argument("deal", metavar="DEAL", help="deal id or a unique start of its name")
    side = log.add_mutually_exclusive_group(required=True)
    side.add_argument("--given", metavar="TEXT", help="what we gave")
    side.add_argument("--received", metavar="TEXT", help="what we received")
    log.add_argument("--term", metavar="TERM", help="term id or a unique start of its name")
    log.add_argument("--us", type=rating_arg, metavar="N", help="value to us, 1-10")
    log.add_argument("--them", type=rating_arg, metavar="N", help="value to them, 1-10")
    log.add_argument("--note", default="", metavar="TEXT", help="a note")
    log.set_defaults(run=run)


def run(ctx: Context) -> int:
    from negtui.actions import ConcessionRequest, log_concession

    args, store = ctx.args, ctx.store
    direction = Direction.GIVEN if args.given is not None else Direction.RECEIVED
    text = args.given if args.given is not None else args.received
    if not text.strip():
        raise UsageError("negtui log: the concession text cannot be empty")
    if not store.deals_dir.is_dir():
        raise UsageError(f"negtui log: {store.root} holds no portfolio yet")
    request = ConcessionRequest(deal=args.deal, direction=direction, what=text, term=args.term,
                                value_us=args.us, value_them=args.them, note=args.note)
    concession = log_concession(store, request)
    print(concession.id)
    return 0
