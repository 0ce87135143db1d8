"""``negtui export ics``: milestones and other dated items as a calendar file."""

from __future__ import annotations

from negtui.cli.common import (
    Commands,
    Context,
    Parser,
    UsageError,
    require_portfolio,
    say,
    write_text_output,
)


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
    from negtui.actions.lookup import find_deal
    from negtui.domain.calendar import CalendarRefused, portfolio_entries, zone
    from negtui.export.ics import calendar_ics

    require_portfolio(ctx, "export")
    portfolio = ctx.store.load()
    try:
        tz = zone(portfolio.settings.timezone)
    except CalendarRefused as error:
        raise UsageError(f"negtui export: settings: {error}") from None
    books = list(portfolio.books.values())
    name = "negtui"
    if ctx.args.deal is not None:
        book = find_deal(ctx.store, ctx.args.deal, portfolio)
        books = [book]
        name = f"negtui: {book.deal.name}"
    text = calendar_ics(portfolio_entries(books, tz), ctx.clock().datetime, name)
    write_text_output(ctx.args.output, text, "export")
    for problem in portfolio.problems:
        say(f"negtui: left out, cannot be read: {problem}")
    return 0
