"""The term matrix: a 10x10 grid of the two ratings, threshold lines and class regions.

Impact on this deal runs left to right, impact on the portfolio bottom to top. Each
term is a short label in its cell; the arrow keys move from term to term.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from negtui.domain.models import Term
from negtui.domain.positions import Verdict
from negtui.domain.terms import term_class
from negtui.domain.vocab import TermClass

CELL = 4
AXIS = 3
GRID_WIDTH = AXIS + 10 * CELL + 1
GRID_HEIGHT = 14
# A larger pane draws larger cells, up to these.
MAX_CELL = 8
MAX_ROWS_PER_RATING = 3

# Fixed colours, readable on dark and light themes and in 256-colour terminals over SSH.
REGION = {
    TermClass.NON_NEGOTIABLE: Style(bgcolor="#5a1e1e"),
    TermClass.FLEXIBLE: Style(bgcolor="#4d4214"),
    TermClass.TRADEABLE: Style(bgcolor="#1d4228"),
}
CLASS_COLOUR = {
    TermClass.NON_NEGOTIABLE: "bold red",
    TermClass.FLEXIBLE: "bold yellow",
    TermClass.TRADEABLE: "bold green",
}
VERDICT_MARK: dict[Verdict, tuple[str, str]] = {
    Verdict.IDEAL: ("★", "bold green"),
    Verdict.ACCEPTABLE: ("✓", "green"),
    Verdict.BELOW_ACCEPTABLE: ("▼", "bold yellow"),
    Verdict.PAST_WALK_AWAY: ("✗", "bold red"),
    Verdict.UNKNOWN: ("·", "dim"),
}


def short_labels(terms: Iterable[Term]) -> dict[str, str]:
    """Two-character labels, unique within the deal: 'Day rate' -> 'DR', 'Travel' -> 'Tr'."""
    labels: dict[str, str] = {}
    used: set[str] = set()
    for term in terms:
        words = [w for w in term.name.replace("-", " ").split() if w[:1].isalnum()]
        if len(words) >= 2:
            label = (words[0][0] + words[1][0]).upper()
        else:
            word = words[0] if words else "?"
            label = (word[:2] if len(word) > 1 else word + " ").capitalize()
        if label in used:
            label = next(f"{label[0]}{n}" for n in range(2, 100) if f"{label[0]}{n}" not in used)
        used.add(label)
        labels[term.id] = label
    return labels


@dataclass(frozen=True)
class Marker:
    term_id: str
    label: str
    deal: int
    portfolio: int


class TermGrid(Widget, can_focus=True):
    """Shows the terms of one deal on the two ratings; the focused term is highlighted."""

    BINDINGS = [
        Binding("up", "step(0, 1)", "Term above", show=False, id="grid.up"),
        Binding("down", "step(0, -1)", "Term below", show=False, id="grid.down"),
        Binding("left", "step(-1, 0)", "Term to the left", show=False, id="grid.left"),
        Binding("right", "step(1, 0)", "Term to the right", show=False, id="grid.right"),
    ]

    focused_id: reactive[str | None] = reactive(None)
    threshold: reactive[int] = reactive(7)

    class Moved(Message):
        """The cursor moved to another term."""

        def __init__(self, term_id: str) -> None:
            super().__init__()
            self.term_id = term_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.markers: list[Marker] = []

    def show(self, terms: list[Term], threshold: int, focused_id: str | None) -> None:
        labels = short_labels(terms)
        self.markers = [Marker(t.id, labels[t.id], t.impact_deal, t.impact_portfolio)
                        for t in terms]
        self.threshold = threshold
        self.focused_id = focused_id
        self.refresh()

    def get_content_width(self, container: object, viewport: object) -> int:
        return GRID_WIDTH

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return GRID_HEIGHT

    def _cell_size(self) -> tuple[int, int]:
        """Columns of a cell and lines of a rating row, as the pane's size allows."""
        width, height = self.size
        cell = max(CELL, min(MAX_CELL, (width - AXIS - 1) // 10))
        lines = max(1, min(MAX_ROWS_PER_RATING, (height - 4) // 10))
        return cell, lines

    def render(self) -> Text:
        threshold = self.threshold
        cell, lines = self._cell_size()
        focus_style = Style(reverse=True, bold=True) if self.has_focus else Style(
            bold=True, underline=True, color="bright_white")
        cells: dict[tuple[int, int], list[Marker]] = {}
        for marker in self.markers:
            cells.setdefault((marker.deal, marker.portfolio), []).append(marker)
        text = Text(no_wrap=True, overflow="crop")
        text.append(" portfolio impact ↑", style="dim")
        text.append("\n")
        for portfolio in range(10, 0, -1):
            for line in range(lines):
                labelled = line == lines // 2
                text.append(f"{portfolio:>2} " if labelled else " " * AXIS, style="dim")
                for deal in range(1, 11):
                    if deal == threshold:
                        text.append("│", style="bold")
                    region = REGION[term_class(deal, portfolio, threshold)]
                    here = cells.get((deal, portfolio), [])
                    if not here or not labelled:
                        text.append(f"{'·' if labelled else '':^{cell}}",
                                    style=region + Style(dim=True))
                        continue
                    shown = next((m for m in here if m.term_id == self.focused_id), here[0])
                    body = shown.label if len(here) == 1 else (
                        f"{shown.label:<2}+{min(len(here) - 1, 9)}")
                    style = region + (focus_style if shown.term_id == self.focused_id
                                      else Style(bold=True, color="bright_white"))
                    text.append(f"{body:^{cell}}", style=style)
                text.append("\n")
            if portfolio == threshold:
                rule = "─" * (cell * (threshold - 1)) + "┼" + "─" * (cell * (11 - threshold))
                text.append(" " * AXIS + rule + "\n", style="bold")
        text.append(" " * AXIS)
        for deal in range(1, 11):
            if deal == threshold:
                text.append(" ")
            text.append(f"{deal:^{cell}}", style="dim")
        text.append("\n")
        text.append(f"{'deal impact →':>{AXIS + 10 * cell}}", style="dim")
        return text

    def watch_focused_id(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_step(self, across: int, up: int) -> None:
        """Move to the nearest term in that direction, preferring the same row or column."""
        current = next((m for m in self.markers if m.term_id == self.focused_id), None)
        if current is None:
            if self.markers:
                self.post_message(self.Moved(self.markers[0].term_id))
            return
        best: tuple[float, Marker] | None = None
        for marker in self.markers:
            if marker.term_id == current.term_id:
                continue
            right = marker.deal - current.deal
            above = marker.portfolio - current.portfolio
            along = right * across + above * up
            aside = abs(right * up) + abs(above * across)
            same_cell = marker.deal == current.deal and marker.portfolio == current.portfolio
            if same_cell:
                # Terms sharing a cell are visited in list order when moving right or up.
                order = [m.term_id for m in self.markers]
                ahead = order.index(marker.term_id) > order.index(current.term_id)
                if ahead != (across + up > 0):
                    continue
                distance = 0.5
            elif along <= 0:
                continue
            else:
                distance = along + 2 * aside
            if best is None or distance < best[0]:
                best = (distance, marker)
        if best is not None:
            self.post_message(self.Moved(best[1].term_id))
