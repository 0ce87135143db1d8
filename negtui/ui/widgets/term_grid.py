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
from negtui.ui.palette import Role, colourless, style, tint

CELL = 4
AXIS = 3
GRID_WIDTH = AXIS + 10 * CELL + 1
GRID_HEIGHT = 14
# A pane shorter than that loses the line of the threshold (the row above it is underlined
# instead) and names both axes on the last line, so both stay on screen.
COMPACT_HEIGHT = 12
# A larger pane draws larger cells, up to these.
MAX_CELL = 8
MAX_ROWS_PER_RATING = 3

# Each class has the colour of what it means in the theme in use: its region is that colour
# mixed into the background, its name and marks are drawn in it.
CLASS_ROLE = {
    TermClass.NON_NEGOTIABLE: ("error", Role.ALARM),
    TermClass.FLEXIBLE: ("warning", Role.WARNING),
    TermClass.TRADEABLE: ("success", Role.GOOD),
}
REGION_TINT = 0.2
# What a cell with no term in it shows.
EMPTY_CELL = "·"
# Without colour the regions' tints are one grey: each empty cell carries its class's sign.
REGION_SIGN = {
    TermClass.NON_NEGOTIABLE: "!",
    TermClass.FLEXIBLE: "~",
    TermClass.TRADEABLE: EMPTY_CELL,
}
VERDICT_ROLE: dict[Verdict, tuple[str, Role | None]] = {
    Verdict.IDEAL: ("★", Role.GOOD),
    Verdict.ACCEPTABLE: ("✓", Role.GOOD),
    Verdict.BELOW_ACCEPTABLE: ("▼", Role.WARNING),
    Verdict.PAST_WALK_AWAY: ("✗", Role.ALARM),
    Verdict.UNKNOWN: ("·", None),
}


def region_colour(cls: TermClass) -> str:
    """The background of a class's region ("" where the theme has no colour to mix)."""
    return tint(CLASS_ROLE[cls][0], REGION_TINT)


def empty_mark(cls: TermClass) -> str:
    """What an empty cell of a class's region shows: its sign when there is no colour."""
    return REGION_SIGN[cls] if colourless() else EMPTY_CELL


def region_style(cls: TermClass) -> Style:
    colour = region_colour(cls)
    return Style(bgcolor=colour) if colour else Style()


def class_colour(cls: TermClass) -> str:
    return f"bold {style(CLASS_ROLE[cls][1])}"


def label_style(cls: TermClass, must_have: bool) -> str:
    """A term's label in its class's colour; bold only when the term is a must-have, as
    the grid draws it."""
    colour = " ".join(word for word in style(CLASS_ROLE[cls][1]).split() if word != "bold")
    return f"bold {colour}".strip() if must_have else colour


def verdict_mark(where: Verdict) -> tuple[str, str]:
    mark, role = VERDICT_ROLE[where]
    return mark, "bold " + style(role) if role else style(Role.MUTED)


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
    must_have: bool = False


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
        self.markers = [Marker(t.id, labels[t.id], t.impact_deal, t.impact_portfolio,
                               t.must_have) for t in terms]
        self.threshold = threshold
        self.focused_id = focused_id
        self.refresh()

    def get_content_width(self, container: object, viewport: object) -> int:
        return GRID_WIDTH

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return GRID_HEIGHT

    @property
    def compact(self) -> bool:
        return 0 < self.size.height < GRID_HEIGHT

    def _cell_size(self) -> tuple[int, int, int]:
        """Columns of a cell, lines of every rating row (each rating as tall as the
        next, so no band of the grid looks larger than it is), and the blank lines left
        over above the grid: the rest of them go under it, so it sits in the middle."""
        width, height = self.size
        cell = max(CELL, min(MAX_CELL, (width - AXIS - 1) // 10))
        frame = 2 if self.compact else 4
        lines = max(1, min(MAX_ROWS_PER_RATING, (height - frame) // 10))
        spare = max(0, height - frame - 10 * lines)
        return cell, lines, spare // 2

    def render(self) -> Text:
        threshold = self.threshold
        cell, lines, above = self._cell_size()
        # Bold says a must-have, and nothing else: the focus is shown without it.
        focus_style = Style(reverse=True) if self.has_focus else Style(underline=True)
        regions = {cls: region_style(cls) for cls in TermClass}
        empty = {cls: empty_mark(cls) for cls in TermClass}
        muted = Style.parse(style(Role.MUTED))
        cells: dict[tuple[int, int], list[Marker]] = {}
        for marker in self.markers:
            cells.setdefault((marker.deal, marker.portfolio), []).append(marker)
        compact = self.compact
        text = Text("\n" * above, no_wrap=True, overflow="crop")
        if not compact:
            text.append(" portfolio impact ↑", style="dim")
            text.append("\n")
        for portfolio in range(10, 0, -1):
            for line in range(lines):
                labelled = line == lines // 2
                edge = Style(underline=compact and portfolio == threshold and line == lines - 1)
                text.append(f"{portfolio:>2} " if labelled else " " * AXIS, style="dim")
                for deal in range(1, 11):
                    if deal == threshold:
                        text.append("│", style="bold")
                    cls = term_class(deal, portfolio, threshold)
                    region = regions[cls]
                    here = cells.get((deal, portfolio), [])
                    if not here or not labelled:
                        text.append(f"{empty[cls] if labelled else '':^{cell}}",
                                    style=region + muted + edge)
                        continue
                    shown = next((m for m in here if m.term_id == self.focused_id), here[0])
                    body = shown.label if len(here) == 1 else (
                        f"{shown.label:<2}+{min(len(here) - 1, 9)}")
                    shade = region + Style(bold=shown.must_have) + (
                        focus_style if shown.term_id == self.focused_id else Style())
                    text.append(f"{body:^{cell}}", style=shade + edge)
                text.append("\n")
            if portfolio == threshold and not compact:
                rule = "─" * (cell * (threshold - 1)) + "┼" + "─" * (cell * (11 - threshold))
                text.append(" " * AXIS + rule + "\n", style="bold")
        text.append(" " * AXIS)
        for deal in range(1, 11):
            if deal == threshold:
                text.append(" ")
            text.append(f"{deal:^{cell}}", style="dim")
        text.append("\n")
        names = "portfolio impact ↑  ·  deal impact →" if compact else "deal impact →"
        text.append(f"{names:>{AXIS + 10 * cell}}", style="dim")
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
