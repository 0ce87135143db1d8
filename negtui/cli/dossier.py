"""``negtui export dossier DEAL``: one deal's preparation as a document to read or share."""

from __future__ import annotations

from pathlib import Path

from negtui.cli.common import (
    Commands,
    Context,
    Parser,
    require_portfolio,
    say,
    text_arg,
    write_text_output,
)


def register(commands: Commands,
             common: Parser,
             exports: Commands) -> None:
    export = exports.add_parser(
        "dossier", parents=[common], help="one deal's dossier, to read before the call",
        description="Everything prepared for one deal in one document: brief, objective, "
                    "stakeholders, research, terms, BATNA, scenarios, risks, value map, "
                    "agenda, milestones, concessions and open questions. --share writes "
                    "only what may go to the other side: the deal's counterparty, contract "
                    "type and dates, each term's offer on the table (or agreed value) and "
                    "status, the dates both sides keep (calls, signing, kickoff, reviews, "
                    "renewal, follow-ups) and the agenda topics, value-map items and "
                    "milestones marked share.")
    export.add_argument("deal", metavar="DEAL", type=text_arg,
                        help="the deal: its id or a unique start of its name")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    export.add_argument("--format", choices=["md", "html"], default=None,
                        help="Markdown (default) or a self-contained, printable HTML page; "
                             "taken from the -o file name when it ends in .html")
    export.add_argument("--share", action="store_true",
                        help="a copy to hand to the other side: only what may be shared")
    export.set_defaults(run=run)


def run(ctx: Context) -> int:
    from negtui.actions.lookup import find_deal
    from negtui.domain.lessons import all_lessons
    from negtui.export.dossier import Format, dossier_text

    require_portfolio(ctx, "export")
    output: str | None = ctx.args.output
    fmt: Format = ctx.args.format or (
        "html" if output and Path(output).suffix.lower() in (".html", ".htm") else "md")
    # Every deal's lessons (the dossier lists those that bear on this deal), and only this
    # deal in full (find_deal reads it).
    portfolio = ctx.store.load(only={"lessons"})
    book = find_deal(ctx.store, ctx.args.deal, portfolio)
    lessons = all_lessons(portfolio.books.values(), portfolio.lessons)
    text = dossier_text(book, portfolio.settings, ctx.clock().datetime, fmt=fmt,
                        share=ctx.args.share, lessons=lessons)
    write_text_output(ctx, output, text, "export")
    if output and output != "-":
        kind = "shared dossier" if ctx.args.share else "dossier"
        say(f"{kind} of {book.deal.name} written to {output}")
    return 0
