"""A table that fits its pane: the least important columns step aside when it is narrow.

Each column has a rank: 0 is always shown, a higher one leaves first when the columns
would not fit the pane's width. A column given ``shrink`` may then be cut to that many
cells, its text ending in "…". What was left out is named on a line under the table,
so nothing is hidden without a word; widening the window brings it back. When the
columns that must stay are too wide even at their floors, those that may shrink are cut
further (``LAST_FLOOR``); only past that does the table scroll sideways. A label cut
with its column ends in "…".

The room is the width the table gets, less the vertical scrollbar only when Textual
shows one for the rows (it overrides the private ``_refresh_scrollbars`` and reads
``_require_update_dimensions`` and ``_total_row_height`` of Textual's DataTable to
know when that decision is made for the rows it holds).

While its ``FilterField`` has the focus, the table holds its columns: none gets
narrower, the table gets no wider, so the rows still shown draw as they did and nothing
jumps at each key; when the focus leaves, the columns fit the rows shown again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from textual import events
from textual.coordinate import Coordinate
from textual.css.query import NoMatches
from textual.widgets import Input

from negtui.domain.text import visible
from negtui.ui.widgets.cached_table import CachedTable
from negtui.ui.widgets.fit_layout import (
    PAD,
    Cell,
    Column,
    Fit,
    Layout,
    cell_width,
    hidden_note,
    label_cut,
    lay_out,
    natural_widths,
    unwritten,
)
from negtui.ui.widgets.shown import Static, same_text, shown

__all__ = ["PAD", "Cell", "Column", "FilterField", "Fit", "FitTable", "Layout", "cell_width",
           "hidden_note", "lay_out", "natural_widths", "shown_widths"]


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
        self._other_way = ""
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
        # Layouts redone since the last rows or size because the scrollbar came or went:
        # bounded, so a table on the edge of needing one cannot go back and forth.
        self._settles = 0
        self._lines = 1

    def allow_two_lines(self, allowed: bool) -> None:
        """Whether rows may take two lines, their long texts going on over the second,
        where that shows every column whole (a window with the rows to spare)."""
        lines = 2 if allowed else 1
        if lines != self._lines:
            self._lines = lines
            if self._rows and self._fit is not None:
                self._refit(self._fit)

    def lines_needed(self) -> int:
        """The lines the table takes to show every row at once: its header, its rows (two
        lines each where they wrap) and a scrollbar under them where it is too wide."""
        layout = self._layout
        lines = layout.lines if layout is not None else 1
        bar = 0 if layout is None or layout.fits else self.styles.scrollbar_size_horizontal
        return len(self._rows) * lines + (self.header_height if self.show_header else 0) + bar

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
        written = [False] * len(self.columns_spec)
        measure = self._width
        for _, cells in rows:
            for index, cell in enumerate(cells):
                width = measure(cell)
                widest[index] = max(widest[index], width)
                if width and not written[index]:
                    written[index] = not unwritten(cell)
        return Fit(tuple(max(cell_width(c.label), w)
                         for c, w in zip(self.columns_spec, widest, strict=True)),
                   tuple(not rows or w for w in written), self.room())

    def _lay_out(self, fit: Fit) -> Layout:
        return lay_out(self.columns_spec, [cells for _, cells in self._rows], fit.room,
                       fit.natural, fit.filled, self._lines)

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
        self._settles = 0
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
                self.add_row(*(cells[i] for i in layout.shown), key=key,
                             height=layout.lines)
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
        """The cells the columns have: the width the table gets, less a vertical
        scrollbar only when the rows need one. Once Textual has decided the bars for the
        rows shown, that decision counts (``_refresh_scrollbars``); before, a guess."""
        width = self.size.width or max(1, self.app.size.width - self.styles.gutter.width)
        return width - (self.styles.scrollbar_size_vertical if self._needs_bar() else 0)

    def _needs_bar(self) -> bool:
        """Whether the rows are too many for the table's height, so a scrollbar shows."""
        if self.styles.overflow_y == "hidden":
            return False
        if self._settled():
            return self.show_vertical_scrollbar
        lines = self._layout.lines if self._layout is not None else 1
        needed = len(self._rows) * lines + (self.header_height if self.show_header else 0)
        height = self.size.height
        if not height:
            return needed > self.app.size.height
        # Rows that fit in the height it has now need none; more may (a table as tall as
        # its rows may grow for them): until Textual lays them out, say they do, which
        # is too narrow by a bar at worst, and only until then.
        return needed > height - self.scrollbar_size_horizontal

    def _settled(self) -> bool:
        """Whether Textual's scrollbars were decided for the rows the table holds now."""
        header = self.header_height if self.show_header else 0
        return (bool(self.size.height) and not self._require_update_dimensions
                and self.row_count == len(self._rows)
                and self.virtual_size.height == self._total_row_height + header)

    def _refresh_scrollbars(self) -> None:
        # Textual decides here whether the bars show: if the room it leaves the columns is
        # not the room they were laid out for, lay them out again (after this layout).
        super()._refresh_scrollbars()
        if self._rows and self._fit is not None and self._settled():
            self.call_later(self._settle)

    def _settle(self) -> None:
        if not self._rows or self._fit is None or not self._settled():
            return
        room = self.room()
        if room == self._fit.room or (self._held and room > self._fit.room):
            return  # as laid out; or a filter is being typed: no wider until it ends
        if self._settles >= 2:
            return
        self._settles += 1
        self._refit(replace(self._fit, room=room))

    def _draw(self, layout: Layout, keep_cursor: bool) -> None:
        row = self.cursor_row
        self._layout = layout
        self._column_widths = widths = shown_widths(self._fit, layout)
        self.clear(columns=True)
        for index, width in zip(layout.shown, widths, strict=True):
            column = self.columns_spec[index]
            self.add_column(label_cut(column.label, width), key=column.key, width=width)
        for key, cells in self._rows:
            self.add_row(*(cells[i] for i in layout.shown), key=key, height=layout.lines)
        if keep_cursor and 0 <= row < self.row_count:
            self.move_cursor(row=row, animate=False)
        # A horizontal scrollbar only when the table is really wider than its pane.
        self.styles.overflow_x = "hidden" if layout.fits else "auto"
        self._hint(layout)
        if self.ahead:
            self.draw_ahead()

    def hint_other_way(self, other_way: str) -> None:
        """Name in the hint a key that makes room for the hidden columns too ("" for
        none), as the screen's state allows."""
        if other_way != self._other_way:
            self._other_way = other_way
            if self._layout is not None:
                self._hint(self._layout)

    def _hint(self, layout: Layout) -> None:
        if self.hint_id is None:
            return
        try:
            hint = self.screen.query_one(f"#{self.hint_id}", Static)
        except Exception:  # the screen is being put together or taken apart
            return
        hint.update(hidden_note(layout.hidden, self._other_way))
        hint.set_class(bool(layout.hidden) and bool(self._rows), "-shown")

    def on_resize(self, _: events.Resize) -> None:
        self._settles = 0
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
