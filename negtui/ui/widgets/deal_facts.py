"""The facts of one deal as the workspace lists them: what it is worth, when it runs, the
hours it takes, where it sells and how it is invoiced and reported."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.geometry import Size

from negtui.domain.balance import balance
from negtui.domain.book import DealBook
from negtui.domain.calendar import deal_entries
from negtui.domain.dates import day_text
from negtui.domain.deal_table import due_text
from negtui.domain.models import Deal, Settings
from negtui.domain.schedule import next_due, user_zone
from negtui.domain.summary import money
from negtui.domain.vocab import TermStatus
from negtui.domain.words import counted
from negtui.ui.widgets.shown import Static, plain

LABEL_WIDTH = 11
# A value left fewer cells than this beside its label starts on the line under it.
VALUE_AT_LEAST = 20
# How far the lines after the first of a wrapped list line are set in.
HANG = 2

Labelled = tuple[str | Text, Text, int]
"""A label (a string is drawn bold), its value, and the column the value starts in (and
wraps back to)."""
Piece = Labelled | Text
"""A labelled value, or a paragraph that wraps as usual."""


def missing(text: str) -> Text:
    return plain(text) if text else Text("— not written yet", style="dim italic")


def _dates(deal: Deal) -> Text:
    if deal.start is None and deal.end is None:
        return Text("— no dates yet", style="dim italic")
    shown = f"{day_text(deal.start) or '— no start'} to {day_text(deal.end) or '— no end'}"
    if deal.start is not None and deal.end is not None:
        weeks = round((deal.end - deal.start).days / 7)
        shown += f" ({counted(weeks, 'week')})"
    return Text(shown)


def _line(label: str, value: Text) -> Labelled:
    return (label, value, LABEL_WIDTH)


def hang(text: Text, width: int, indent: int, console: Console) -> list[Text]:
    """``text`` wrapped to ``width``, its lines after the first set in by ``indent``."""
    first, *rest = text.wrap(console, max(width, 1))
    if not rest:
        return [first]
    remaining = text[len(first.plain):]
    remaining = remaining[len(remaining.plain) - len(remaining.plain.lstrip(" ")):]
    return [first, *(Text(" " * indent).append_text(line)
                     for line in remaining.wrap(console, max(width - indent, 1)))]


class HangingLine:
    """One line of a list whose wrapped part goes on set in, never back at its first
    column, where it would read as the next line of the list."""

    def __init__(self, text: Text, indent: int = HANG) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n").join(hang(self.text, options.max_width, self.indent, console))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)


def lay_out(pieces: list[Piece], width: int, console: Console) -> Text:
    """The pieces one under the other; a labelled value that does not fit on its line goes
    on under its own first word, never back under the label. A label so wide that its
    value would have little room left stands on its own line, the value set in under it."""
    out = Text()
    for piece in pieces:
        if isinstance(piece, Text):
            # Wrapped here too, so that the lines counted are the lines drawn.
            for line in piece.wrap(console, max(width, 12)) if piece.plain else [piece]:
                out.append_text(line)
                out.append("\n")
            continue
        label, value, indent = piece
        head = label.copy() if isinstance(label, Text) else Text(label, "bold")
        if value.plain and width - indent < VALUE_AT_LEAST:
            out.append_text(head)
            out.append("\n")
            head, indent = Text(), HANG
        head.pad_right(indent - head.cell_len)
        lines = value.wrap(console, max(width - indent, 12)) if value.plain else [value]
        for index, line in enumerate(lines):
            out.append_text(head if index == 0 else Text(" " * indent))
            out.append_text(line)
            out.append("\n")
    out.rstrip()
    return out


class Hanging(Static):
    """Labelled lines whose values wrap under themselves: the brief, a person's detail."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pieces: list[Piece] = []
        self._overflow: Callable[[list[Piece]], Text] | None = None

    def show(self, pieces: list[Piece],
             overflow: Callable[[list[Piece]], Text] | None = None) -> None:
        """Draw ``pieces``; with ``overflow``, a pane too short for them all ends on the
        line it makes of the pieces left out, rather than cutting them off unsaid."""
        self._pieces = pieces
        self._overflow = overflow
        self.refresh(layout=True)

    def render(self) -> Text:
        width = self.content_size.width or 80
        shown = lay_out(self._pieces, width, self.app.console)
        rows = self.content_size.height
        if self._overflow is None or rows <= 0 or len(shown.split()) <= rows:
            return shown
        # The rows but one, the piece they end in cut short, then the line saying what
        # is left out after it.
        def first(count: int) -> list[Text]:
            """The lines of the first ``count`` pieces."""
            return list(lay_out(self._pieces[:count], width, self.app.console).split()) \
                if count else []

        kept = 0
        while len(first(kept + 1)) < rows:
            kept += 1
        if len(first(kept)) >= rows - 1:
            # The rows end with a whole piece: the next is left out with the rest.
            return Text("\n").join([*first(kept), self._overflow(self._pieces[kept:])])
        lines = first(kept + 1)[:rows - 1]
        if lines and lines[-1].plain.strip():
            lines[-1].rstrip()
            lines[-1].append("…")
        return Text("\n").join([*lines, self._overflow(self._pieces[kept + 1:])])

    def lines(self, width: int) -> int:
        """How many lines the pieces take at ``width``."""
        return len(lay_out(self._pieces, width, self.app.console).split())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.lines(width)


def deal_facts(deal: Deal) -> list[Piece]:
    """Value, dates, hours, markets, invoicing and reporting, one a line, then the notes."""
    value = (Text(money(deal.value, deal.currency)) if deal.value is not None
             else Text(f"— not set ({deal.currency})", style="dim italic"))
    hours = (Text(f"{deal.hours_per_week:g} h a week") if deal.hours_per_week
             else Text("— not set", style="dim italic"))
    lines: list[Piece] = [
        _line("Value", value),
        _line("Dates", _dates(deal)),
        _line("Hours", hours),
        _line("Markets", missing(", ".join(deal.markets))),
        _line("Invoicing", missing(deal.invoicing_cycle)),
        _line("Reporting", missing(deal.reporting_format)),
    ]
    lines.append(_line("Notes", plain(deal.notes) if deal.notes else Text(
        "— no boundaries or notes yet (E edits every field)", style="dim italic")))
    if deal.archived:
        lines.append(_line("Archived", Text("yes: kept out of the portfolio list", "dim")))
    return lines


def standing(book: DealBook, settings: Settings, now: datetime,
             progress: tuple[int, int] | None) -> Labelled:
    """Where the deal stands: its terms, what is due next, the give and take so far and
    how far its preparation is (``progress``, as the session holds it: None while not
    known yet). Each is one key away on the workspace; the footer and help name the keys,
    so the line does not repeat them as bare letters."""
    tz = user_zone(settings)
    terms = book.terms
    still_open = sum(term.status is TermStatus.OPEN for term in terms)
    parts = [f"{counted(len(terms), 'term')}, {still_open} open" if terms
             else "no terms yet"]
    upcoming = next_due(deal_entries(book, tz), now)
    if upcoming is not None:
        parts.append(f"next: {due_text(upcoming, now, tz)}")
    figures = balance(book.concessions)
    parts.append(f"gave {figures.given.count}, got {figures.received.count}"
                 if figures.given.count or figures.received.count else "no concessions yet")
    parts.append("checklist {}/{}".format(*progress) if progress else "checklist …")
    return ("Now", plain(" · ".join(parts)), LABEL_WIDTH)
