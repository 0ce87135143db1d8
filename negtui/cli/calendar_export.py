"""``negtui export ics``: milestones and other dated items as a calendar file."""

from __future__ import annotations

import sys

from negtui.cli.common import Commands, Context, Parser, UsageError


def register(commands: Commands,
             common: Parser,
             exports: Commands) -> None:
    export = exports.add_parser(
        "ics", parents=[common], help="milestones and deadlines as a calendar file",
        description="Every milestone, fallback decide-by date, offer expiry and deal date as "
                    "an .ics calendar. Event ids are stable: importing a newer file updates "
                    "the events instead of adding copies.")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    export.add_argument("--deal", metavar="DEAL",
                        help="only this deal (id or a unique start of its name)")
    export.set_defaults(run=run)


def run(ctx: Context) -> int:
    from negtui.domain.calendar import CalendarRefused, portfolio_entries, zone
    from negtui.domain.lookup import resolve
    from negtui.export.ics import calendar_ics
    from negtui.store.files import write_output

    if not ctx.store.root.is_dir():
        raise UsageError(f"negtui export: {ctx.store.root} holds no portfolio yet")
    portfolio = ctx.store.load()
    try:
        tz = zone(portfolio.settings.timezone)
    except CalendarRefused as error:
        raise UsageError(f"negtui export: settings: {error}") from None
    books = list(portfolio.books.values())
    name = "negtui"
    if ctx.args.deal is not None:
        book = resolve(ctx.args.deal, books, id_of=lambda b: b.id,
                       name_of=lambda b: b.deal.name, what="deal")
        books = [book]
        name = f"negtui: {book.deal.name}"
    text = calendar_ics(portfolio_entries(books, tz), ctx.clock().datetime, name)
    try:
        write_output(ctx.args.output, text)
    except OSError as error:
        raise UsageError(
            f"negtui export: cannot write {ctx.args.output}: {error.strerror or error}"
        ) from None
    for problem in portfolio.problems:
        print(f"negtui: left out, cannot be read: {problem}", file=sys.stderr)
    return 0
