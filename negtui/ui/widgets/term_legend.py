"""What the term grid's labels, colours and marks mean, laid out in the width there is.

Beside the grid in a narrow window, the legend lists each term on a line, then the key;
under it in a wide one, the key names every label too. Either way each letter, colour and
mark the screen shows is explained, flowed onto as many lines as its pane needs.
"""

from __future__ import annotations

from collections.abc import Sequence

import arrow
from rich.cells import cell_len
from rich.text import Text
from textual import events

from negtui.domain.models import Term
from negtui.domain.positions import Verdict, verdict
from negtui.domain.terms import class_of
from negtui.domain.vocab import TermClass
from negtui.ui.palette import Role, colourless, style
from negtui.ui.widgets.shown import Static
from negtui.ui.widgets.term_grid import (
    EMPTY_CELL,
    empty_mark,
    label_style,
    region_colour,
    short_labels,
    verdict_mark,
)
from negtui.ui.widgets.term_rows import term_detail

GAP = "  "
MARKS = [Verdict.IDEAL, Verdict.ACCEPTABLE, Verdict.BELOW_ACCEPTABLE, Verdict.PAST_WALK_AWAY,
         Verdict.UNKNOWN]
NO_OFFER = "—"


def flow(chips: Sequence[Text], width: int) -> Text:
    """The chips in order, as many to a line as fit in ``width`` cells; a chip wider than
    the line has one of its own, cut with "…"."""
    lines: list[Text] = []
    line = Text()
    for chip in chips:
        if line.cell_len and line.cell_len + len(GAP) + chip.cell_len > width:
            lines.append(line)
            line = Text()
        if line.cell_len:
            line.append(GAP)
        line.append_text(chip)
    if line.cell_len:
        lines.append(line)
    text = Text("\n").join(lines)
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


def class_chips() -> list[Text]:
    chips = []
    for cls in TermClass:
        colour = region_colour(cls)
        if colourless():
            swatch = (f"{empty_mark(cls)} ", style(Role.MUTED))
        else:
            swatch = ("  ", f"on {colour}" if colour else "reverse")
        chips.append(Text.assemble(swatch, " ", (cls.value, label_style(cls, must_have=False))))
    return chips


def grid_mark_chips(terms: Sequence[Term], threshold: int, digits: bool) -> list[Text]:
    """What the grid draws besides the terms: bold labels (when a term is a must-have),
    the lines where a rating counts as high, the dot of an empty cell; with ``digits``,
    the two ratings written after each term beside it."""
    muted = style(Role.MUTED)
    chips = []
    if any(term.must_have for term in terms):
        chips.append(Text.assemble(("Ab", "bold"), " bold: a must-have"))
    chips.append(Text.assemble(("│─", "bold"), f" high from {threshold}"))
    if not colourless():  # without colour, each region's sign is explained with it
        chips.append(Text.assemble((EMPTY_CELL, muted), " in the grid: no term"))
    if digits:
        chips.append(Text("9/8: deal/portfolio impact", style=muted))
    return chips


def mark_chips(terms: Sequence[Term], every: bool) -> list[Text]:
    """The marks of where an offer stands: each one beside the terms' offers, or
    ``every`` one (a table beside shows them for the BATNA too)."""
    used = {verdict(term) for term in terms if term.on_table}
    chips = []
    for where in MARKS:
        if every or where in used:
            mark, shade = verdict_mark(where)
            chips.append(Text.assemble((mark, shade), f" {where.value}"))
    if any(not term.on_table for term in terms):
        chips.append(Text.assemble((NO_OFFER, style(Role.MUTED)), " no offer yet"))
    return chips


def shared_cell_chip(terms: Sequence[Term]) -> list[Text]:
    """What "+1" after a label means, when some cell holds more than one term."""
    cells = [(t.impact_deal, t.impact_portfolio) for t in terms]
    if len(set(cells)) == len(cells):
        return []
    return [Text("+n: n more terms in that cell", style=style(Role.MUTED))]


def label_chips(terms: Sequence[Term], threshold: int) -> list[Text]:
    labels = short_labels(terms)
    return [Text.assemble((labels[t.id], label_style(class_of(t, threshold), t.must_have)),
                          f" {t.name}") for t in terms]


def grid_key(terms: Sequence[Term], threshold: int) -> list[Text]:
    """Under the grid: every label, then the classes' colours and the marks."""
    return [*label_chips(terms, threshold), *shared_cell_chip(terms), *class_chips(),
            *grid_mark_chips(terms, threshold, digits=False), *mark_chips(terms, every=True)]


def legend_lines(terms: Sequence[Term], focused: Term | None, threshold: int) -> Text:
    """Beside the grid: each term on a line, its label, name, ratings and mark."""
    labels = short_labels(terms)
    text = Text(no_wrap=True, overflow="ellipsis")
    for term in terms:
        mark, mark_style = (verdict_mark(verdict(term)) if term.on_table
                            else (NO_OFFER, style(Role.MUTED)))
        chosen = "reverse" if focused is not None and term.id == focused.id else ""
        text.append(f"{labels[term.id]} ",
                    style=f"{label_style(class_of(term, threshold), term.must_have)} {chosen}")
        name = term.name if cell_len(term.name) <= 18 else term.name[:17] + "…"
        text.append(f"{name:<18} ", style=chosen)
        text.append(f"{term.impact_deal:>2}/{term.impact_portfolio:<2} ", style=chosen)
        text.append(mark + "\n", style=mark_style)
    text.rstrip()
    return text


class GridKey(Static):
    """The key under the grid, flowed again whenever its width changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._chips: list[Text] = []

    def show(self, terms: Sequence[Term], threshold: int) -> None:
        self._chips = grid_key(terms, threshold)
        self._draw()

    def on_resize(self, _: events.Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        self.update(flow(self._chips, max(self.content_size.width, 20)))


class TermLegend(Static):
    """Beside the grid: the terms one a line, what the colours and marks mean, then the
    focused term's detail."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[list[Term], Term | None, int, arrow.Arrow, str] | None = None

    def show(self, terms: list[Term], focused: Term | None, threshold: int,
             now: arrow.Arrow, zone: str) -> None:
        self._shown = (terms, focused, threshold, now, zone)
        self._draw()

    def on_resize(self, _: events.Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        if self._shown is None:
            return
        terms, focused, threshold, now, zone = self._shown
        width = max(self.content_size.width, 20)
        chips = [*shared_cell_chip(terms), *class_chips(),
                 *grid_mark_chips(terms, threshold, digits=True),
                 *mark_chips(terms, every=False)]
        parts = [legend_lines(terms, focused, threshold), Text(), flow(chips, width)]
        if focused is not None:
            parts += [Text(), term_detail(focused, threshold, now, zone)]
        text = Text("\n").join(part for part in parts)
        text.no_wrap, text.overflow = True, "ellipsis"
        self.update(text)

