"""How a term is drawn in a line or a table cell: its class, its ratings, a position against
its bank, and the detail and legend lines beside the grid."""

from __future__ import annotations

import arrow
from rich.text import Text

from negtui.domain.models import Term
from negtui.domain.positions import Verdict, verdict
from negtui.domain.schedule import days_until, describe_days
from negtui.domain.terms import class_of
from negtui.domain.vocab import TermClass
from negtui.ui.widgets.fit_table import Column
from negtui.ui.widgets.shown import plain
from negtui.ui.widgets.term_grid import CLASS_COLOUR, VERDICT_MARK, short_labels

Cell = str | Text

# Each column of the one deal's terms table, term_row fills them in order. A narrow
# window keeps the term, where it stands and its bank; the rest leave from the right.
TERM_COLUMNS = [
    Column("Term", "name", 0, 14), Column("Deal", "deal", 1), Column("Port", "portfolio", 1),
    Column("Class", "class", 3), Column("On table", "on_table", 0, 16),
    Column("Status", "status", 2), Column("Wt", "weight", 9), Column("Must", "must", 7),
    Column("Category", "category", 10), Column("Ideal", "ideal", 5, 14),
    Column("Acceptable", "acceptable", 6, 14), Column("Walk-away", "walk_away", 4, 14),
    Column("BATNA", "batna", 11, 14), Column("Fallback", "fallback", 12, 16),
    Column("Decide by", "decide_by", 8),
]


def marked(term: Term, text: str | None = None) -> Text:
    """A position with the mark of where it stands against the term's bank."""
    shown = term.on_table if text is None else text
    if not shown:
        return Text("—", style="dim")
    mark, style = VERDICT_MARK[verdict(term, shown)]
    return Text.assemble((mark, style), " ", plain(shown, one_line=True))


def class_text(term_class: TermClass) -> Text:
    return Text(term_class.value, style=CLASS_COLOUR[term_class])


def rating_text(rating: int) -> Text:
    return Text(str(rating), justify="right")


def decide_by_text(term: Term, now: arrow.Arrow, zone: str) -> str:
    moment = term.fallback.decide_by
    if moment is None:
        return ""
    local = arrow.get(moment).to(zone)
    return f"{local.format('ddd D MMM')} ({describe_days(days_until(moment, now.datetime))})"


def term_row(term: Term, threshold: int, now: arrow.Arrow, zone: str) -> list[Cell]:
    """The cells of ``TERM_COLUMNS`` for one term."""
    return [
        plain(term.name, "bold" if term.must_have else "", one_line=True),
        rating_text(term.impact_deal),
        rating_text(term.impact_portfolio),
        class_text(class_of(term, threshold)),
        marked(term),
        term.status.value,
        Text(f"{term.weight:g}", justify="right"),
        "must" if term.must_have else "nice",
        term.category.value,
        term.ideal, term.acceptable, term.walk_away,
        marked(term, term.batna) if term.batna else "",
        term.fallback.position,
        decide_by_text(term, now, zone),
    ]


def term_detail(term: Term, threshold: int, now: arrow.Arrow, zone: str) -> Text:
    """Two lines on the focused term: where it stands, then its fallback or why it is fixed."""
    cls = class_of(term, threshold)
    where = verdict(term)
    first = Text.assemble(
        (term.name, "bold"), " · ", class_text(cls), " · on table ", marked(term),
        (f" ({where.value})" if term.on_table and where is not Verdict.UNKNOWN else ""),
        f" · ideal {term.ideal or '—'} · acceptable {term.acceptable or '—'}"
        f" · walk-away {term.walk_away or '—'}",
        no_wrap=True, overflow="ellipsis",
    )
    second: list[str | tuple[str, str]] = []
    if term.fallback.position:
        when = decide_by_text(term, now, zone)
        second.append(f"Fallback: {term.fallback.position}" + (f", decide by {when}"
                                                                if when else ""))
    if cls is TermClass.NON_NEGOTIABLE and term.rationale:
        second.append(f"Why: {term.rationale}")
    if not second:
        second.append(("e edit · o offer on the table · s status · m must-have", "dim"))
    return Text.assemble(first, "\n", *_joined(second), no_wrap=True, overflow="ellipsis")


def term_legend(terms: list[Term], focused: Term | None, threshold: int, now: arrow.Arrow,
                zone: str) -> Text:
    """The grid's labels spelled out, one term a line, then the focused term's detail."""
    labels = short_labels(terms)
    text = Text(no_wrap=True, overflow="ellipsis")
    for term in terms:
        mark, mark_style = VERDICT_MARK[verdict(term)] if term.on_table else ("—", "dim")
        style = "reverse" if focused is not None and term.id == focused.id else ""
        cls = class_of(term, threshold)
        text.append(f"{labels[term.id]} ", style=f"{CLASS_COLOUR[cls]} {style}")
        text.append(f"{term.name[:18]:<18} ", style=style)
        text.append(f"{term.impact_deal:>2}/{term.impact_portfolio:<2} ", style=style)
        text.append(mark + "\n", style=mark_style)
    if focused is not None:
        text.append("\n")
        text.append(term_detail(focused, threshold, now, zone))
    return text


def grid_key() -> Text:
    """What the colours and marks mean."""
    regions = [(TermClass.NON_NEGOTIABLE, "#5a1e1e"), (TermClass.FLEXIBLE, "#4d4214"),
               (TermClass.TRADEABLE, "#1d4228")]
    parts: list[str | tuple[str, str]] = []
    for cls, colour in regions:
        parts += [("  ", f"on {colour}"), f" {cls.value}  "]
    for index, where in enumerate([Verdict.IDEAL, Verdict.ACCEPTABLE,
                                   Verdict.BELOW_ACCEPTABLE, Verdict.PAST_WALK_AWAY]):
        mark, style = VERDICT_MARK[where]
        parts += ["\n" if index % 2 == 0 else "  ", (mark, style), f" {where.value}"]
    return Text.assemble(*parts)


def _joined(parts: list[str | tuple[str, str]]) -> list[str | tuple[str, str]]:
    joined: list[str | tuple[str, str]] = []
    for index, part in enumerate(parts):
        if index:
            joined.append(" · ")
        joined.append(part)
    return joined
