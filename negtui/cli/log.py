"""``negtui log``: record a concession from a script or another terminal.

The same guards as the app: warnings go to stderr and the concession is still logged,
unless ``--strict`` is given, which refuses (exit 3) and writes nothing.
"""

from __future__ import annotations

from negtui.cli.common import (
    EXIT_REFUSED,
    Commands,
    Context,
    Parser,
    UsageError,
    rating_arg,
    say,
    text_arg,
)
from negtui.domain.vocab import Direction


def register(commands: Commands,
             common: Parser) -> None:
    log = commands.add_parser("log", parents=[common], help="log a concession",
                              description="Log a concession given or received in a deal; "
                                          "prints the new concession's id. Guard warnings "
                                          "(non-negotiable, past walk-away, unreciprocated) "
                                          "are printed on stderr.")
    log.add_argument("deal", metavar="DEAL", type=text_arg,
                     help="deal id or a unique start of its name")
    side = log.add_mutually_exclusive_group(required=True)
    side.add_argument("--given", metavar="TEXT", type=text_arg, help="what we gave")
    side.add_argument("--received", metavar="TEXT", type=text_arg, help="what we received")
    log.add_argument("--term", type=text_arg, metavar="TERM",
                     help="term id or a unique start of its name")
    log.add_argument("--us", type=rating_arg, metavar="N", help="value to us, 1-10")
    log.add_argument("--them", type=rating_arg, metavar="N", help="value to them, 1-10")
    log.add_argument("--position", type=text_arg, metavar="TEXT",
                     help="where the term stands now (e.g. 690); becomes its offer on the "
                          "table and is checked against its walk-away point (needs --term)")
    log.add_argument("--link", type=text_arg, metavar="DEAL",
                     help="another deal this concession was traded against")
    log.add_argument("--note", default="", type=text_arg, metavar="TEXT", help="a note")
    log.add_argument("--strict", action="store_true",
                     help="refuse (exit 3, nothing written) when a guard warns")
    log.set_defaults(run=run)


def run(ctx: Context) -> int:
    from negtui.actions.concessions import ConcessionRequest, RefusedByGuards, log_concession
    from negtui.domain.guards import describe_warning

    args, store = ctx.args, ctx.store
    direction = Direction.GIVEN if args.given is not None else Direction.RECEIVED
    text = args.given if args.given is not None else args.received
    if not text.strip():
        raise UsageError("negtui log: the concession text cannot be empty")
    if args.position is not None and not args.position.strip():
        raise UsageError("negtui log: --position cannot be empty")
    if args.position is not None and not args.term:
        raise UsageError("negtui log: --position needs the term it belongs to (--term)")
    if args.link is not None and not args.link.strip():
        raise UsageError("negtui log: --link cannot be empty")
    if not store.deals_dir.is_dir():
        raise UsageError(f"negtui log: {store.root} holds no portfolio yet")
    request = ConcessionRequest(deal=args.deal, direction=direction, what=text, term=args.term,
                                value_us=args.us, value_them=args.them, note=args.note,
                                position=args.position, linked_deal=args.link)
    try:
        logged = log_concession(store, request, strict=args.strict)
    except RefusedByGuards as refusal:
        for warning in refusal.warnings:
            say(f"negtui log: warning: {describe_warning(warning)}")
        say("negtui log: not logged (--strict): a guard warned")
        return EXIT_REFUSED
    for warning in logged.warnings:
        say(f"negtui log: warning: {describe_warning(warning)}")
    print(logged.id)
    return 0
