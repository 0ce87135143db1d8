"""The facts of one deal as the workspace lists them: what it is worth, when it runs, the
hours it takes, where it sells and how it is invoiced and reported."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.geometry import Size

from negtui.domain.dates import day_text
from negtui.domain.models import Deal
from negtui.domain.summary import money
from negtui.domain.words import counted
from negtui.ui.widgets.shown import Static, plain

LABEL_WIDTH = 11

Labelled = tuple[str, Text, int]
"""A label, its value, and the column the value starts in (and wraps back to)."""
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


def lay_out(pieces: list[Piece], width: int, console: Console) -> Text:
    """The pieces one under the other; a labelled value that does not fit on its line goes
    on under its own first word, never back under the label."""
    out = Text()
    for piece in pieces:
        if isinstance(piece, Text):
            # Wrapped here too, so that the lines counted are the lines drawn.
            for line in piece.wrap(console, max(width, 12)) if piece.plain else [piece]:
                out.append_text(line)
                out.append("\n")
            continue
        label, value, indent = piece
        lines = value.wrap(console, max(width - indent, 12)) if value.plain else [value]
        for index, line in enumerate(lines):
            out.append(f"{label:<{indent}}" if index == 0 else " " * indent,
                       "bold" if index == 0 else "")
            out.append_text(line)
            out.append("\n")
    out.rstrip()
    return out


class Hanging(Static):
    """Labelled lines whose values wrap under themselves: the brief, a person's detail."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pieces: list[Piece] = []

    def show(self, pieces: list[Piece]) -> None:
        self._pieces = pieces
        self.refresh(layout=True)

    def render(self) -> Text:
        return lay_out(self._pieces, self.content_size.width or 80, self.app.console)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(lay_out(self._pieces, width, self.app.console).split())


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
