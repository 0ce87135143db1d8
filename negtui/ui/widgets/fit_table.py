"""A table that fits its pane: the least important columns step aside when it is narrow.

Each column has a rank: 0 is always shown, a higher one leaves first when the columns
would not fit the pane's width. A column given ``shrink`` may then be cut to that many
cells, its text ending in "…". What was left out is named on a line under the table,
so nothing is hidden without a word; widening the window brings it back. When even the
columns that must stay are wider than the pane, the table scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len
from rich.text import Text
from textual import events

from negtui.ui.widgets.cached_table import CachedTable
from negtui.ui.widgets.shown import Static, same_text

Cell = str | Text
# A cell's padding on each side (DataTable's cell_padding).
PAD = 1


@dataclass(frozen=True)
class Column:
    label: str
    key: str
    drop: int = 0
    """0: always shown; otherwise the higher, the sooner it leaves a narrow table."""
    shrink: int = 0
    """The narrowest this column may be cut to with "…"; 0 keeps it whole."""
    whole: bool = False
    """Cut only when there is no other way: the columns ranked after it leave first, so
    that where the pane has the room its text is read whole."""


def cell_width(cell: Cell) -> int:
    text = cell.plain if isinstance(cell, Text) else cell
    return max((cell_len(line) for line in text.splitlines()), default=0)


@dataclass(frozen=True)
class Layout:
    shown: tuple[int, ...]
    """Indices of the columns shown, in their order."""
    widths: tuple[int | None, ...]
    """For each shown column, the width it is cut to, or None for its natural width."""
    hidden: tuple[str, ...]
    """Labels of the columns left out."""
    fits: bool = True
    """False when even the columns that must stay, cut to their floors, are too wide."""


def natural_widths(columns: Sequence[Column], rows: Sequence[Sequence[Cell]],
                   width: Callable[[Cell], int] = cell_width) -> list[int]:
    """Each column's width with nothing cut: its widest cell or its label."""
    return [max([cell_width(c.label), *(width(row[i]) for row in rows)])
            for i, c in enumerate(columns)]


def lay_out(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], room: int,
            natural: Sequence[int] | None = None) -> Layout:
    """Which columns fit in ``room`` cells and how wide: the pure part of the table.
    ``natural`` is ``natural_widths`` of the rows, if already known."""
    if natural is None:
        natural = natural_widths(columns, rows)
    shown = list(range(len(columns)))

    def total(widths: dict[int, int]) -> int:
        return sum(widths.get(i, natural[i]) + 2 * PAD for i in shown)

    floors = {i: min(c.shrink, natural[i]) for i, c in enumerate(columns) if c.shrink}
    # Leave out columns, highest rank first (the rightmost of equal rank first), while
    # even cutting the others as far as they may go would not make room.
    # A column with nothing in any row steps aside before any text is cut, and unlike
    # the others it is not named as hidden: there is nothing to widen the window for.
    empty: set[int] = set()
    for index in reversed(range(len(columns))):
        if total({}) <= room:
            break
        if columns[index].drop and rows and all(not cell_width(row[index]) for row in rows):
            shown.remove(index)
            empty.add(index)
    leaving = sorted((i for i, c in enumerate(columns) if c.drop and i in shown),
                     key=lambda i: (columns[i].drop, i), reverse=True)
    # Columns to be read whole count at their natural width: if leaving out the others
    # (highest rank first) makes the room, they are not cut; if not even that would,
    # they are cut like the others and fewer columns leave.
    soft = {i: w for i, w in floors.items() if not columns[i].whole}
    keeping = list(shown)
    for index in leaving:
        if total(soft) <= room:
            break
        if not columns[index].whole:
            shown.remove(index)
    if total(soft) > room:
        shown = keeping
    for index in leaving:
        if total(floors) <= room:
            break
        if index in shown:
            shown.remove(index)
    cut: dict[int, int] = {}
    # Then cut the widest of those that may shrink, a cell at a time, down to their floor.
    over = total(cut) - room
    while over > 0:
        candidates = [i for i in shown if i in floors and cut.get(i, natural[i]) > floors[i]]
        if not candidates:
            break
        # Those to be read whole are cut last.
        candidates = [i for i in candidates if not columns[i].whole] or candidates
        widest = max(candidates, key=lambda i: cut.get(i, natural[i]))
        cut[widest] = cut.get(widest, natural[widest]) - 1
        over -= 1
    hidden = tuple(columns[i].label for i in range(len(columns))
                   if i not in shown and i not in empty)
    return Layout(tuple(shown), tuple(cut.get(i) for i in shown), hidden, total(cut) <= room)


def hidden_note(hidden: Sequence[str]) -> str:
    if not hidden:
        return ""
    more = "1 more column" if len(hidden) == 1 else f"{len(hidden)} more columns"
    return f"Widen the window for {more}: {', '.join(hidden)}"


class FitTable(CachedTable[Cell]):
    """A DataTable filled with ``show``; it lays its columns out again when resized.

    ``show`` changes no more of the table than the new rows need: nothing when they
    draw alike, the cells that differ when the same rows come in the same order with
    the same column widths, and only otherwise every row, so a screen drawn again after
    a change elsewhere keeps its cursor, its scroll and the rows Textual has drawn.
    """

    def __init__(self, columns: Sequence[Column], *, id: str | None = None,
                 hint: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.columns_spec = list(columns)
        self.hint_id = hint
        self._rows: list[tuple[str | None, Sequence[Cell]]] = []
        self._layout: Layout | None = None
        self._natural: list[int] = []
        self._labels: tuple[str, ...] = ()
        # The width of each cell drawn lately, by the cell object (kept, so its id is
        # not reused): rows made once and shown again and again are measured once.
        self._widths: dict[int, tuple[Cell, int]] = {}

    def relabel(self, labels: dict[str, str]) -> None:
        """New labels for some columns by key (a sort arrow, say), used at the next show."""
        self.columns_spec = [replace(c, label=labels.get(c.key, c.label))
                             for c in self.columns_spec]

    def _width(self, cell: Cell) -> int:
        known = self._widths.get(id(cell))
        if known is not None and known[0] is cell:
            return known[1]
        width = cell_width(cell)
        self._widths[id(cell)] = (cell, width)
        return width

    def show(self, rows: Sequence[tuple[str | None, Sequence[Cell]]]) -> None:
        """Replace the rows: (key, every column's cell) each."""
        rows = list(rows)
        if len(self._widths) > 4 * len(self.columns_spec) * max(len(rows), 50):
            self._widths = {}
        before, self._rows = self._rows, rows
        labels = tuple(c.label for c in self.columns_spec)
        natural = natural_widths(self.columns_spec, [cells for _, cells in rows], self._width)
        layout = self._layout
        keys = [key for key, _ in rows]
        if (layout is None or labels != self._labels or natural != self._natural
                or self.row_count != len(before) or None in keys
                or [key for key, _ in before] != keys
                or lay_out(self.columns_spec, [cells for _, cells in rows], self.room(),
                           natural) != layout):
            self._natural, self._labels = natural, labels
            self._layout = None
            self._draw(keep_cursor=False)
            return
        for (key, cells), (_, old) in zip(rows, before, strict=True):
            for index in layout.shown:
                if key is not None and not same_text(old[index], cells[index]):
                    self.update_cell(key, self.columns_spec[index].key, cells[index])

    @property
    def hidden(self) -> tuple[str, ...]:
        """Labels of the columns the pane has no room for now."""
        return self._layout.hidden if self._layout else ()

    def room(self) -> int:
        width = self.size.width or self.app.size.width
        if len(self._rows) + 1 > (self.size.height or self.app.size.height):
            width -= self.styles.scrollbar_size_vertical
        return width

    def _draw(self, keep_cursor: bool) -> None:
        layout = lay_out(self.columns_spec, [cells for _, cells in self._rows], self.room(),
                         self._natural or None)
        if layout == self._layout:
            return
        row = self.cursor_row
        self._layout = layout
        self.clear(columns=True)
        for index, width in zip(layout.shown, layout.widths, strict=True):
            column = self.columns_spec[index]
            self.add_column(column.label, key=column.key, width=width)
        for key, cells in self._rows:
            self.add_row(*(cells[i] for i in layout.shown), key=key)
        if keep_cursor and 0 <= row < self.row_count:
            self.move_cursor(row=row, animate=False)
        # A horizontal scrollbar only when the table is really wider than its pane.
        self.styles.overflow_x = "hidden" if layout.fits else "auto"
        self._hint(layout)

    def _hint(self, layout: Layout) -> None:
        if self.hint_id is None:
            return
        try:
            hint = self.screen.query_one(f"#{self.hint_id}", Static)
        except Exception:  # the screen is being put together or taken apart
            return
        hint.update(hidden_note(layout.hidden))
        hint.set_class(bool(layout.hidden) and bool(self._rows), "-shown")

    def on_resize(self, _: events.Resize) -> None:
        if self._rows:
            self._draw(keep_cursor=True)
