"""``negtui demo``: a realistic portfolio to explore, or the large one to measure."""

from __future__ import annotations

from negtui.cli.common import (
    EXIT_USAGE,
    NO_TERMINAL,
    Commands,
    Context,
    Parser,
    UsageError,
    has_a_terminal,
    say,
)
from negtui.domain.words import counted
from negtui.locations import demo_dir


def register(commands: Commands,
             common: Parser) -> None:
    demo = commands.add_parser(
        "demo", parents=[common], help="write a demo portfolio and open it",
        description="Write a realistic demo portfolio (default folder: 'demo' under your "
                    "user data folder, never your own data) and open it.")
    demo.add_argument("--no-open", action="store_true", help="write the data, do not open the app")
    demo.add_argument("--large", action="store_true",
                      help="the benchmark portfolio: 200 deals, 50,000 concessions")
    demo.set_defaults(run=run, own_folder=True)


def run(ctx: Context) -> int:
    from negtui.demo import demo_portfolio, large_portfolio
    from negtui.store import Store

    args = ctx.args
    folder = demo_dir(getattr(args, "data", None))
    store = Store(folder, ctx.clock).open()
    settings, books = (large_portfolio if args.large else demo_portfolio)(ctx.clock)
    strangers = {p.stem for p in store.deal_files()} - {book.id for book in books}
    if strangers:
        raise UsageError(
            f"negtui demo: {folder} already holds other deals; choose an empty folder with --data"
        )
    store.save_settings(settings)
    for number, book in enumerate(books, start=1):
        store.write_book(book)
        if args.large and (number % 20 == 0 or number == len(books)):
            say(f"writing deals: {number}/{len(books)}")
    say(f"demo portfolio with {counted(len(books), 'deal')} written to {folder}")
    if args.no_open:
        return 0
    if not has_a_terminal():
        say(f"{NO_TERMINAL}; the demo is written, but not opened")
        return EXIT_USAGE
    from negtui.ui.app import run_app

    return run_app(folder, ctx.clock)
