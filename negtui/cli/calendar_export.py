"""``negtui export ics``: milestones and other dated items as a calendar file."""

from __future__ import annotations

from negtui.cli.common import (
    Commands,
    Context,
    Parser,
    UsageError,
    output_errors,
    require_portfolio,
    say,
    settings_of,
    text_arg,
)


def register(commands: Commands,
             common: Parser,
             exports: Commands) -> None:
    export = exports.add_parser(
        "ics", parents=[common], help="milestones and deadlines as a calendar file",
        description="Every milestone, fallback decide-by date, offer expiry and deal date as "
                    "an .ics calendar. Event ids are stable and a changed event's SEQUENCE goes "
                    "up (counted in calendar-ledger.json in the data folder): importing a "
                    "newer file updates the events instead of adding copies. Every event "
                    "has an end; deadlines carry a reminder.")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    export.add_argument("--deal", metavar="DEAL", type=text_arg,
                        help="only this deal (id or a unique start of its name)")
    export.set_defaults(run=run)


def run(ctx: Context) -> int:
    from negtui.actions.exports import export_ics
    from negtui.actions.lookup import find_deal
    from negtui.domain.calendar import CALENDAR_LISTS, CalendarRefused, zone

    require_portfolio(ctx, "export")
    if ctx.args.deal is None:
        # Not from the summaries: done milestones and settled terms are dates of the
        # calendar too, and a summary leaves them out. Only the lists dates come from.
        portfolio = ctx.store.load(only=CALENDAR_LISTS)
        settings, problems = portfolio.settings, portfolio.problems
        books, name = list(portfolio.books.values()), None
    else:
        # One deal: only its file is read, and the settings for the time zone.
        settings, problems = settings_of(ctx.store)
    try:
        tz = zone(settings.timezone)
    except CalendarRefused as error:
        raise UsageError(f"negtui export: settings: {error}") from None
    if ctx.args.deal is not None:
        book = find_deal(ctx.store, ctx.args.deal)
        books, name = [book], book.deal.name
    with output_errors(ctx.args.output, "export"):
        export_ics(ctx.store.root, ctx.args.output, books, tz, ctx.clock().datetime, name)
    for problem in problems:
        say(f"negtui: left out, cannot be read: {problem}")
    return 0
