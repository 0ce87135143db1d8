"""How a term is drawn in a line or a table cell: its class, its ratings, a position against
its bank, and the detail and legend lines beside the grid."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import arrow
from rich.cells import cell_len, set_cell_size
from rich.text import Text

from negtui.domain.book import DealBook
from negtui.domain.dates import short_day
from negtui.domain.guards import in_order
from negtui.domain.models import Concession, Term
from negtui.domain.positions import Verdict, verdict, with_unit
from negtui.domain.schedule import days_until, describe_days
from negtui.domain.terms import class_of
from negtui.domain.vocab import Direction, TermClass
from negtui.domain.words import counted
from negtui.ui.palette import Role, style
from negtui.ui.widgets.fit_table import Column
from negtui.ui.widgets.shown import plain
from negtui.ui.widgets.term_grid import class_colour, verdict_mark

Cell = str | Text

# Each column of the one deal's terms table, term_row fills them in order. A narrow
# window keeps the term, where it stands and its bank; the rest leave by rank (the
# highest first). Positions are read whole where leaving lesser columns out makes the
# room, else cut with "…" like the other long texts; the detail pane shows them whole.
# Where the rows may take two lines, the positions, the category and the fallback's day
# go on over a second line instead, so that every column is there, nothing cut.
TERM_COLUMNS = [
    Column("Term", "name", 0, 14, name=True), Column("Deal", "deal", 1),
    Column("Port", "portfolio", 1),
    Column("Class", "class", 2), Column("On table", "on_table", 0, 16, whole=True, wrap=True),
    Column("Expires", "expires", 3), Column("Status", "status", 4),
    Column("Wt", "weight", 12), Column("Must", "must", 11),
    Column("Category", "category", 13, 10, wrap=True),
    Column("Ideal", "ideal", 7, 14, whole=True, wrap=True),
    Column("Acceptable", "acceptable", 6, 14, whole=True, wrap=True),
    Column("Walk-away", "walk_away", 5, 14, whole=True, wrap=True),
    Column("BATNA", "batna", 9, 14, whole=True, wrap=True),
    Column("Fallback", "fallback", 8, 16, whole=True, wrap=True),
    Column("Decide by", "decide_by", 10, wrap=True),
]


def marked(term: Term, text: str | None = None) -> Text:
    """A position with the mark of where it stands against the term's bank."""
    shown = term.on_table if text is None else text
    if not shown:
        return Text("—", style="dim")
    mark, shade = verdict_mark(verdict(term, shown))
    return Text.assemble((mark, shade), " ", plain(with_unit(term, shown), one_line=True))


def bank_text(term: Term) -> str:
    """'ideal 780 EUR/day · acceptable 740 EUR/day · walk-away 700 EUR/day'."""
    return " · ".join(f"{label} {with_unit(term, getattr(term, name)) or '—'}"
                      for label, name in (("ideal", "ideal"), ("acceptable", "acceptable"),
                                          ("walk-away", "walk_away")))


def class_text(term_class: TermClass) -> Text:
    return Text(term_class.value, style=class_colour(term_class))


def rating_text(rating: int) -> Text:
    return Text(str(rating), justify="right")


def decide_by_text(term: Term, now: arrow.Arrow, zone: str) -> str:
    moment = term.fallback.decide_by
    return "" if moment is None else _when(moment, now, zone)


def expires_text(term: Term, now: arrow.Arrow, zone: str) -> str:
    """The day the offer on the table lapses, in the user's zone: '11 Dec'. The detail
    pane says how far off it is."""
    moment = term.offer_expires
    return "" if moment is None else short_day(moment, zone)


CONFLICT_MARK = "⇄ "
"""Before the name of a term a sync found changed on both sides, until ``w`` shows it."""


def term_row(term: Term, threshold: int, now: arrow.Arrow, zone: str,
             conflicted: bool = False) -> list[Cell]:
    """The cells of ``TERM_COLUMNS`` for one term."""
    name = plain(term.name, "bold" if term.must_have else "", one_line=True)
    return [
        Text.assemble((CONFLICT_MARK, "bold"), name) if conflicted else name,
        rating_text(term.impact_deal),
        rating_text(term.impact_portfolio),
        class_text(class_of(term, threshold)),
        marked(term),
        expires_text(term, now, zone),
        term.status.value,
        Text(f"{term.weight:g}", justify="right"),
        "must" if term.must_have else "nice",
        term.category.value,
        with_unit(term, term.ideal), with_unit(term, term.acceptable),
        with_unit(term, term.walk_away),
        marked(term, term.batna) if term.batna else "",
        with_unit(term, term.fallback.position),
        decide_by_text(term, now, zone),
    ]


def term_detail(term: Term, threshold: int, now: arrow.Arrow, zone: str) -> Text:
    """Three lines on the focused term: where it stands, its ideal, acceptable and
    walk-away positions, then its fallback or why it is fixed."""
    cls = class_of(term, threshold)
    where = verdict(term)
    first = Text.assemble(
        (term.name, "bold"), " · ", class_text(cls), " · on table ", marked(term),
        (f" ({where.value})" if term.on_table and where is not Verdict.UNKNOWN else ""),
        no_wrap=True, overflow="ellipsis",
    )
    bank = Text(bank_text(term).replace("ideal", "Ideal", 1))
    if term.batna:
        bank.append_text(Text.assemble(" · BATNA ", marked(term, term.batna)))
    third: list[str | tuple[str, str]] = []
    if term.fallback.position:
        when = decide_by_text(term, now, zone)
        fallback = with_unit(term, term.fallback.position)
        third.append(f"Fallback: {fallback}" + (f", decide by {when}" if when else ""))
    if cls is TermClass.NON_NEGOTIABLE and term.rationale:
        third.append(f"Why: {term.rationale}")
    if not third:
        third.append(("e edit · o offer on the table · s status · m must-have", "dim"))
    return Text.assemble(first, "\n", bank, "\n", *_joined(third), no_wrap=True,
                         overflow="ellipsis")


def term_card(term: Term, threshold: int, now: arrow.Arrow, zone: str,
              log: Sequence[Concession] = ()) -> Text:
    """The focused term whole, one subject a line, then what was conceded on it in ``log``,
    for a pane with the rows to spare; its name is the pane's title."""
    cls = class_of(term, threshold)
    where = verdict(term)
    batna: list[str | tuple[str, str] | Text] = (
        [" · BATNA ", marked(term, term.batna)] if term.batna else [])
    lines: list[list[str | tuple[str, str] | Text]] = [
        [class_text(cls), f" · {'must-have' if term.must_have else 'nice to have'}"
         f" · weight {term.weight:g} · category {term.category.value}"
         f" · status {term.status.value} · impact {term.impact_deal} on the deal,"
         f" {term.impact_portfolio} on the portfolio"],
        ["On table ", marked(term),
         f" ({where.value})" if term.on_table and where is not Verdict.UNKNOWN else "",
         f" · offer expires {_when(term.offer_expires, now, zone)}"
         if term.offer_expires else ""],
        [bank_text(term).replace("ideal", "Ideal", 1), *batna],
    ]
    if term.fallback.position:
        when = decide_by_text(term, now, zone)
        lines.append([f"Fallback {with_unit(term, term.fallback.position)}"
                      + (f", decide by {when}" if when else "")])
    for label, value in (("Why", term.rationale), ("If we lose it", term.consequence),
                         ("Options, best first", " > ".join(term.options)),
                         ("Watch", term.indicator)):
        if value:
            lines.append([f"{label}: ", plain(value, one_line=True)])
    conceded = term_concessions(term, log, zone)
    if conceded is not None:
        lines += [[], [conceded], []]
    lines.append([("e edit · o offer on the table · s status · m must-have", "dim")])
    text = Text("\n").join(Text.assemble(*parts) for parts in lines)
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


def term_concessions(term: Term, log: Sequence[Concession], zone: str) -> Text | None:
    """What was given and got on the term, oldest first, one a line; None if nothing."""
    on_term = [c for c in in_order(log) if c.term_id == term.id]
    if not on_term:
        return None
    lines = [Text(f"Conceded on {term.name}", style="bold")]
    for concession in on_term:
        word, role = ("gave", Role.WARNING) if concession.direction is Direction.GIVEN else (
            "got", Role.GOOD)
        lines.append(Text.assemble(f"{short_day(concession.at, zone)}  ", (word, style(role)),
                                   "  ", plain(concession.what, one_line=True)))
    text = Text("\n").join(lines)
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


def _when(moment: datetime, now: arrow.Arrow, zone: str) -> str:
    return f"{short_day(moment, zone)} ({describe_days(days_until(moment, now.datetime))})"


# The classes' names where the deal's line has no room for them whole.
SHORT_CLASS = {TermClass.NON_NEGOTIABLE: "non-neg", TermClass.FLEXIBLE: "flex",
               TermClass.TRADEABLE: "trade"}


def deal_summary(book: DealBook, threshold: int, width: int | None = None) -> Text:
    """The deal's name and kind, how many terms it has and of which class, and where a
    rating counts as high: in ``width`` cells, with fewer words as it narrows (the kind
    leaves, then the classes' names are shortened), never cut in the middle of a count;
    only a name longer than the rest leaves room for is cut, with "…"."""
    counts = {cls: 0 for cls in TermClass}
    for term in book.terms:
        counts[class_of(term, threshold)] += 1
    name, kind = book.deal.name, book.deal.contract_type.value

    def line(gap: str, with_kind: bool, short: bool, terse: bool = False,
             title: str = name) -> Text:
        parts: list[str | tuple[str, str]] = [(title, "bold")]
        if with_kind:
            parts.append(f"{gap}{kind}")
        parts.append(f"{gap}{counted(len(book.terms), 'term')}")
        classes = [(f"{counts[cls]} {SHORT_CLASS[cls] if short else cls.value}",
                    class_colour(cls)) for cls in TermClass if counts[cls]]
        for index, part in enumerate(classes):
            parts += [(", " if index else ": ") if short else " · ", part]
        parts.append((f"{gap}high ≥ {threshold}" if terse else f"{gap}high from {threshold}",
                      style(Role.MUTED)))
        return Text.assemble(*parts, no_wrap=True, overflow="ellipsis")

    tries = [line("  ·  ", True, False), line(" · ", True, False), line(" · ", False, False),
             line(" · ", False, True), line(" · ", False, True, True)]
    fitting = next((text for text in tries if width is None or text.cell_len <= width), None)
    if fitting is not None:
        return fitting
    rest = tries[-1].cell_len - cell_len(name)
    room = max(1, (width or 0) - rest)
    return line(" · ", False, True, True, name if cell_len(name) <= room else
                set_cell_size(name, room - 1) + "…")


def _joined(parts: list[str | tuple[str, str]]) -> list[str | tuple[str, str]]:
    joined: list[str | tuple[str, str]] = []
    for index, part in enumerate(parts):
        if index:
            joined.append(" · ")
        joined.append(part)
    return joined
