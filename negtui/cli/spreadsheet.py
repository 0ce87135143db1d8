"""``negtui import csv terms|deals FILE`` and ``negtui export csv terms|deals``: the term
table and the deal list as spreadsheets, in one layout both ways."""

from __future__ import annotations

import argparse
from pathlib import Path

from negtui.cli.common import (
    EXIT_USAGE,
    Commands,
    Context,
    Parser,
    UsageError,
    require_portfolio,
    say,
    settings_of,
    text_arg,
    write_text_output,
)
from negtui.domain.words import counted

KINDS = ["terms", "deals"]
BOM = "\ufeff"


def register(common: Parser, exports: Commands, imports: Commands) -> None:
    imp = imports.add_parser(
        "csv", parents=[common], help="terms or deals from a spreadsheet",
        description="Terms of one deal (added, or updated when the deal has a term of the "
                    "same name) or new deals, from a spreadsheet saved as CSV: UTF-8 with or "
                    "without BOM, ';' or ',' between cells, headers in the words the app "
                    "shows in any case (Term, Impact on deal, Walk-away, ...). One bad cell "
                    "refuses the whole file with its row and column, and nothing is written.")
    imp.add_argument("kind", choices=KINDS)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--deal", type=text_arg, metavar="DEAL",
                     help="the deal the terms belong to: its id or a unique start of its name")
    imp.add_argument("--dry-run", action="store_true",
                     help="show what would be imported and write nothing")
    imp.set_defaults(run=run_import, writes=True)

    export = exports.add_parser(
        "csv", parents=[common], help="terms or deals as a spreadsheet",
        description="The terms of one deal, or every deal, as CSV in the layout "
                    "`negtui import csv` reads. A file (-o) starts with a UTF-8 byte order "
                    "mark, so Excel shows accents and symbols as they are; standard output, "
                    "read by other tools, does not unless --bom is given.")
    export.add_argument("kind", choices=KINDS)
    export.add_argument("--deal", type=text_arg, metavar="DEAL",
                        help="the deal whose terms to export (terms only)")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    export.add_argument("--bom", action=argparse.BooleanOptionalAction, default=None,
                        help="start with a UTF-8 byte order mark (default: in a file, "
                             "not on standard output)")
    export.set_defaults(run=run_export)


def _deal_wanted(ctx: Context, command: str) -> str:
    if ctx.args.kind == "terms" and not (ctx.args.deal or "").strip():
        raise UsageError(f"negtui {command} csv terms: say which deal with --deal DEAL")
    if ctx.args.kind == "deals" and ctx.args.deal:
        raise UsageError(f"negtui {command} csv deals: --deal is for terms only")
    return str(ctx.args.deal or "")


def run_export(ctx: Context) -> int:
    from negtui.actions.lookup import find_deal
    from negtui.domain.deal_csv import deals_to_csv
    from negtui.domain.term_csv import terms_to_csv

    deal = _deal_wanted(ctx, "export")
    require_portfolio(ctx, "export")
    # Only what is exported is read: the terms of the one deal asked for (and the
    # settings), or the deals' own fields: from current summaries, else from the deal files
    # with no other record checked.
    if ctx.args.kind == "terms":
        book = find_deal(ctx.store, deal)
        text = terms_to_csv(book.terms, ctx.clock(), settings_of(ctx.store)[0].timezone)
    else:
        deals = sorted(ctx.store.load(glance=True, only=()).deals(),
                       key=lambda each: each.name.casefold())
        text = deals_to_csv(deals)
    target = ctx.args.output
    to_file = bool(target) and target != "-"
    if ctx.args.bom if ctx.args.bom is not None else to_file:
        text = BOM + text  # Excel decodes a CSV file without it in the local code page
    write_text_output(ctx, target, text, "export")
    return 0


def run_import(ctx: Context) -> int:
    from negtui.actions.imports import import_deals, import_terms
    from negtui.actions.lookup import find_deal
    from negtui.domain.csv_table import TableRefused

    deal = _deal_wanted(ctx, "import")
    source = Path(ctx.args.file)
    text = _read(source)
    dry = bool(ctx.args.dry_run)
    try:
        if ctx.args.kind == "terms":
            require_portfolio(ctx, "import")
            # Only the deal the terms go into is read, and the settings.
            book = find_deal(ctx.store, deal)
            settings = settings_of(ctx.store)[0]
            store = ctx.store if dry else ctx.store.open()
            terms = import_terms(store, book, text, ctx.clock(), settings, dry)
            rows = [(row.row, row.term.name, "update" if row.replaces else "add")
                    for row in terms]
            what, into = counted(len(rows), "term"), f" into {book.deal.name}"
        else:
            known = ctx.store.load() if ctx.store.root.is_dir() else None
            existing = list(known.deals()) if known else []
            settings = known.settings if known else ctx.store.first_settings
            store = ctx.store if dry else ctx.store.open()
            deals = import_deals(store, existing, text, ctx.clock(), settings, dry)
            rows = [(row.row, row.deal.name, "add") for row in deals]
            what, into = counted(len(rows), "deal"), f" into {ctx.store.root}"
    except TableRefused as refused:
        for problem in refused.problems:
            say(f"negtui import: {source}: {problem}")
        say(f"negtui import: nothing written ({counted(len(refused.problems), 'problem')})")
        return EXIT_USAGE
    for number, name, verb in rows:
        say(f"{'would ' if dry else ''}{verb}: {name} (row {number})", out=True)
    if dry:
        say(f"{what} would be imported{into}; nothing written (--dry-run)")
    else:
        say(f"imported {what}{into}")
    return 0


def _read(source: Path) -> str:
    try:
        return source.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise UsageError(f"negtui import: cannot read {source}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"negtui import: {source} is not UTF-8 text; save it as "
                         "\"CSV UTF-8\" and import it again") from None
