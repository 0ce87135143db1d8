"""A table that fits its pane: the least important columns step aside when it is narrow.

Each column has a rank: 0 is always shown, a higher one leaves first when the columns
would not fit the pane's width. A column given ``shrink`` may then be cut to that many
cells, its text ending in "…". What was left out is named on a line under the table,
so nothing is hidden without a word; widening the window brings it back. When even the
columns that must stay are wider than the pane, the table scrolls sideways.

While its ``FilterField`` has the focus, the table holds its columns: none gets
narrower, the table gets no wider, so the rows still shown draw as they did and nothing
jumps at each key; when the focus leaves, the columns fit the rows shown again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.css.query import NoMatches
from textual.widgets import Input

from negtui.domain.text import visible
from negtui.ui.widgets.cached_table import CachedTable
from negtui.ui.widgets.shown import Static, same_text, shown

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
            natural: Sequence[int] | None = None,
            filled: Sequence[bool] | None = None) -> Layout:
    """Which columns fit in ``room`` cells and how wide: the pure part of the table.
    ``natural`` is ``natural_widths`` of the rows, if already known; ``filled`` says
    which columns have something in some row (by default, in ``rows``)."""
    if natural is None:
        natural = natural_widths(columns, rows)
    if filled is None:
        filled = [not rows or any(cell_width(row[i]) for row in rows)
                  for i in range(len(columns))]
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
        if columns[index].drop and not filled[index]:
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


@dataclass(frozen=True)
class Fit:
    """What a table's layout is worked out from."""
    natural: tuple[int, ...]
    """Each column's width with nothing cut: its widest cell or its label."""
    filled: tuple[bool, ...]
    """Whether each column has something in some row."""
    room: int
    """The cells the pane has for the columns."""

    def widened(self, before: Fit) -> Fit:
        """Room for these rows and for those of ``before``, in the narrower of the panes."""
        if len(before.natural) != len(self.natural):
            return self
        return Fit(tuple(map(max, self.natural, before.natural)),
                   tuple(a or b for a, b in zip(self.filled, before.filled, strict=True)),
                   min(self.room, before.room))


class FitTable(CachedTable[Cell]):
    """A DataTable filled with ``show``; it lays its columns out again when resized.

    ``show`` changes no more of the table than the new rows need: nothing when they
    draw alike, the cells that differ when the same rows come in the same order with
    the same column widths, so a screen drawn again after a change elsewhere keeps its
    cursor, its scroll and the rows Textual has drawn; other rows in the same columns
    (a filter narrowed) drop or add just those rows, the cursor on the first row as
    after a refill; only other columns fill the table again.
    """

    def __init__(self, columns: Sequence[Column], *, id: str | None = None,
                 hint: str | None = None, ahead: bool = False) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.columns_spec = list(columns)
        self.hint_id = hint
        self.ahead = ahead
        """Draw every row once its columns are laid out, not only those in sight: a
        filter typed later then brings up rows drawn already."""
        self._rows: list[tuple[str | None, Sequence[Cell]]] = []
        self._layout: Layout | None = None
        self._fit: Fit | None = None
        self._column_widths: tuple[int, ...] = ()
        self._labels: tuple[str, ...] = ()
        # The width of each cell drawn lately, by the cell object (kept, so its id is
        # not reused): rows made once and shown again and again are measured once.
        self._widths: dict[int, tuple[Cell, int]] = {}
        self._most_rows = 50
        # While held: how many rows there were and how wide the pane was at the start.
        self._held = False
        self._held_rows = 0
        self._held_width = 0

    def relabel(self, labels: dict[str, str]) -> None:
        """New labels for some columns by key (a sort arrow, say), used at the next show."""
        self.columns_spec = [replace(c, label=labels.get(c.key, c.label))
                             for c in self.columns_spec]

    def _width(self, cell: Cell) -> int:
        known = self._widths.get(id(cell))
        if known is not None and known[0] is cell:
            return known[1]
        # As wide as it is shown: a control character as its mark, a newline too.
        width = cell_width(visible(cell) if isinstance(cell, str) else shown(cell, one_line=True))
        self._widths[id(cell)] = (cell, width)
        return width

    def _fit_of(self, rows: Sequence[tuple[str | None, Sequence[Cell]]]) -> Fit:
        widest = [0] * len(self.columns_spec)
        measure = self._width
        for _, cells in rows:
            for index, cell in enumerate(cells):
                widest[index] = max(widest[index], measure(cell))
        return Fit(tuple(max(cell_width(c.label), w)
                         for c, w in zip(self.columns_spec, widest, strict=True)),
                   tuple(not rows or w > 0 for w in widest), self.room())

    def _lay_out(self, fit: Fit) -> Layout:
        return lay_out(self.columns_spec, [cells for _, cells in self._rows], fit.room,
                       fit.natural, fit.filled)

    def hold(self) -> None:
        """Until ``release``, keep every column at least as wide as it is and the table
        no wider (a filter is being typed): the rows still shown are drawn as they were
        and the columns do not jump at each key."""
        self._held = True
        self._held_rows = len(self._rows)
        self._held_width = self.size.width

    def release(self) -> None:
        """Fit the columns to the rows shown again."""
        if self._held:
            self._held = False
            if self._rows and self._fit is not None:
                self._refit(self._fit_of(self._rows))

    def show(self, rows: Sequence[tuple[str | None, Sequence[Cell]]]) -> None:
        """Replace the rows: (key, every column's cell) each."""
        rows = list(rows)
        self._most_rows = max(self._most_rows, len(rows))
        if len(self._widths) > 4 * len(self.columns_spec) * self._most_rows:
            self._widths = {}
        before, self._rows = self._rows, rows
        fit = self._fit_of(rows)
        if self._held and self._fit is not None:
            fit = fit.widened(self._fit)
            if len(rows) <= self._held_rows:
                # No more rows than at the start, so no scroll bar that was not there
                # then: the pane is as wide as it was (the guess that a table growing
                # taller needs one would narrow it for a key and widen it at the next).
                fit = replace(fit, room=self._fit.room)
        labels = tuple(c.label for c in self.columns_spec)
        layout = self._lay_out(fit)
        keys = [key for key, _ in rows]
        if (self._layout is None or labels != self._labels or layout != self._layout
                or shown_widths(fit, layout) != self._column_widths
                or self.row_count != len(before) or None in keys
                or len(set(keys)) != len(keys)):
            self._fit, self._labels = fit, labels
            self._draw(layout, keep_cursor=False)
            return
        self._fit = fit
        if [key for key, _ in before] == keys:
            changed = [self._update_cells(str(key), old, cells)
                       for (key, cells), (_, old) in zip(rows, before, strict=True)]
            if self.ahead and any(changed):
                self.draw_ahead()
            return
        # Other rows in the same columns (a filter narrowed, say): the rows that stay
        # keep what they drew; as after a refill the cursor is on the first row.
        kept = dict(before)
        self.keep_rows([str(key) for key in keys if key in kept])
        new = False
        for key, cells in rows:
            if key in kept:
                new = self._update_cells(str(key), kept[key], cells) or new
            else:
                self.add_row(*(cells[i] for i in layout.shown), key=key)
                new = True
        self.keep_rows([str(key) for key in keys])
        at_top = self.cursor_coordinate == Coordinate(0, 0)
        self.cursor_coordinate = self.hover_coordinate = Coordinate(0, 0)
        if at_top and rows:
            self._highlight_cursor()  # the row under the cursor is another one
        self.scroll_x = self.scroll_y = self.scroll_target_x = self.scroll_target_y = 0
        if self.ahead and new:
            self.draw_ahead()

    def _update_cells(self, key: str, old: Sequence[Cell], cells: Sequence[Cell]) -> bool:
        """Put in the cells that draw otherwise than before; whether there were any."""
        changed = False
        for index in self._layout.shown if self._layout else ():
            if not same_text(old[index], cells[index]):
                self.update_cell(key, self.columns_spec[index].key, cells[index])
                changed = True
        return changed

    @property
    def hidden(self) -> tuple[str, ...]:
        """Labels of the columns the pane has no room for now."""
        return self._layout.hidden if self._layout else ()

    def room(self) -> int:
        width = self.size.width or self.app.size.width
        if len(self._rows) + 1 > (self.size.height or self.app.size.height):
            width -= self.styles.scrollbar_size_vertical
        return width

    def _draw(self, layout: Layout, keep_cursor: bool) -> None:
        row = self.cursor_row
        self._layout = layout
        self._column_widths = widths = shown_widths(self._fit, layout)
        self.clear(columns=True)
        for index, width in zip(layout.shown, widths, strict=True):
            column = self.columns_spec[index]
            self.add_column(column.label, key=column.key, width=width)
        for key, cells in self._rows:
            self.add_row(*(cells[i] for i in layout.shown), key=key)
        if keep_cursor and 0 <= row < self.row_count:
            self.move_cursor(row=row, animate=False)
        # A horizontal scrollbar only when the table is really wider than its pane.
        self.styles.overflow_x = "hidden" if layout.fits else "auto"
        self._hint(layout)
        if self.ahead:
            self.draw_ahead()

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
        if self._held and self.size.width == self._held_width:
            return  # only taller or shorter, as the rows a filter shows come and go
        if self._rows and self._fit is not None:
            self._refit(replace(self._fit, room=self.room()))

    def _refit(self, fit: Fit) -> None:
        """Lay the same rows out again, the cursor on the same row."""
        self._fit = fit
        layout = self._lay_out(fit)
        if layout != self._layout or shown_widths(fit, layout) != self._column_widths:
            self._draw(layout, keep_cursor=True)


def shown_widths(fit: Fit | None, layout: Layout) -> tuple[int, ...]:
    """Each shown column's width: cut, or its natural width."""
    natural = fit.natural if fit is not None else ()
    return tuple(natural[i] if width is None else width
                 for i, width in zip(layout.shown, layout.widths, strict=True))


class FilterField(Input):
    """The field a FitTable (named by id) is filtered with: while it has the focus the
    table holds its columns still, and when the focus leaves (enter, escape, a click)
    the columns fit the rows shown again."""

    def __init__(self, *, table: str, placeholder: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.table_id = table

    def _table(self) -> FitTable | None:
        try:
            return self.screen.query_one(f"#{self.table_id}", FitTable)
        except NoMatches:
            return None

    def on_focus(self, _: events.Focus) -> None:
        table = self._table()
        if table is not None:
            table.hold()

    def on_blur(self, _: events.Blur) -> None:
        table = self._table()
        if table is not None:
            table.release()
