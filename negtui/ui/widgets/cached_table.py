"""A DataTable whose drawn cells outlive a refill.

Textual's DataTable keys its caches of drawn cells with a counter that every ``clear``,
``add_row`` and ``update_cell`` bumps, so a table filled again (a key typed in a filter,
say) draws and measures every cell from scratch. The rows it shows are mostly the same
cell objects as before, only in other places: this table keeps what each cell drew by
the row, the column, the cell object itself and everything that styles it (the width,
the row's stripe, cursor and hover, the widget's focus), so moving a row costs nothing.

It relies on these private parts of Textual's DataTable (textual 8.2.8 is pinned):
``_render_cell`` (drawing one cell, called by ``_render_line_in_row``),
``_update_dimensions`` (measuring new rows, called on idle), the ``_data``,
``_row_locations``, ``_column_locations``, ``_show_hover_cursor`` and
``_pseudo_class_state`` attributes, ``_get_row_renderables`` and
``_get_styles_to_render_cell``; ``keep_rows`` also sets ``rows``, ``_new_rows``,
``_updated_cells``, ``_require_update_dimensions`` and ``_update_count``, as
``remove_row`` and ``sort`` do. Only one-line rows without labels, fixed rows or fixed
columns take the short way; anything else goes to Textual's own code.
"""

from __future__ import annotations

from collections.abc import Sequence
from time import perf_counter
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._two_way_dict import TwoWayDict
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.render import measure
from textual.widgets._data_table import _EMPTY_TEXT, default_cell_formatter
from textual.widgets.data_table import CellKey, RowKey

from negtui.ui.widgets.shown import CellType, DataTable

SegmentLines = list[list[Segment]]
Pair = tuple[SegmentLines, SegmentLines]
# Enough for every cell of a few hundred rows in each of their looks.
CELLS_KEPT = 8192
ROWS_KEPT = 2048
# How long drawing ahead may hold up the app at a time, and how many rows it draws.
AHEAD_SECONDS = 0.003
AHEAD_ROWS = 500


_ONE_LINE_JUSTIFY = ("default", "left", "right")
_ONE_LINE_OVERFLOW = ("fold", "crop", "ellipsis")
_NEWLINE = Text("\n")


def padded_line(console: Console, cell: Text, width: int, pad: int) -> SegmentLines | None:
    """What rich draws of ``Padding(cell, (0, pad))`` on one line of ``width`` cells that
    does not wrap, as Textual draws a cell, but without going through rich's rendering
    of the padding, the wrapping and the lines: the same steps, for one line only.
    None when ``cell`` is not simply one line (a newline, a tab, centred, wrapping)."""
    inner = width - 2 * pad
    plain = cell.plain
    justify = cell.justify or "default"
    overflow = cell.overflow or "fold"
    if inner < 1 or cell.no_wrap is False or "\n" in plain or "\t" in plain \
            or justify not in _ONE_LINE_JUSTIFY or overflow not in _ONE_LINE_OVERFLOW:
        return None
    line = cell.copy()
    if justify == "left":
        line.truncate(inner, overflow=overflow, pad=True)
    elif justify == "right":
        line.rstrip()
        line.truncate(inner, overflow=overflow)
        line.pad_left(inner - cell_len(line.plain))
    line.truncate(inner, overflow=overflow)
    style = console.get_style("none")
    drawn = Segment.adjust_line_length(list(_NEWLINE.join([line]).render(console)), inner,
                                       style=style)
    if not pad:
        return [drawn]
    return [[Segment(" " * pad, style), *drawn, Segment(" " * pad, style)]]


class CachedTable(DataTable[CellType]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (cell id, width, padding) -> (the cell object, its padded lines, unstyled)
        self._kept_cells: LRUCache[tuple[object, ...], tuple[object, SegmentLines]] = (
            LRUCache(CELLS_KEPT))
        # (style, row) -> the style saying the row a kept line is in now, for the mouse
        self._placed: dict[tuple[Style | None, int], Style] = {}
        self._row_styles: dict[tuple[object, ...], Style] = {}
        # key -> (the cells, the row index drawn at, Textual's (fixed, scrollable) lines)
        self._kept_rows: LRUCache[tuple[object, ...], tuple[tuple[object, ...], int, Pair]] = (
            LRUCache(ROWS_KEPT))
        # id of a cell -> (the cell, its width), for measuring rows added again
        self._measured: dict[int, tuple[object, int]] = {}
        # Rows still to be drawn ahead, the next one last.
        self._ahead: list[RowKey | None] = []

    def forget_styled(self) -> None:
        """Drop every kept row: their colours came from styles that changed. The cells
        are kept: drawn before any style of the widget is applied, they carry only
        their own, which a new look does not change (a cell in other colours is
        another cell object)."""
        self._kept_rows.clear()
        self._placed.clear()
        self._row_styles.clear()

    def draw_ahead(self) -> None:
        """Draw the cells of every row at the columns' widths now, a few rows at a time
        between other work, so the rows a filter brings up are drawn already."""
        if self.fixed_rows or self.fixed_columns or self._labelled_row_exists:
            return
        pending = not self._ahead
        self._ahead = [self._row_locations.get_key(index)
                       for index in reversed(range(min(self.row_count, AHEAD_ROWS)))]
        if pending:
            self.call_later(self._draw_some_ahead)

    def _draw_some_ahead(self) -> None:
        started = perf_counter()
        padding = self.cell_padding
        columns = [(index, column.key, 2 * padding + (
            column.content_width if column.auto_width else column.width))
            for index, column in enumerate(self.ordered_columns)]
        while self._ahead and perf_counter() - started < AHEAD_SECONDS:
            row_key = self._ahead.pop()
            row_index = None if row_key is None else self._row_locations.get(row_key)
            if row_key is None or row_index is None or not self._plain_row(row_key):
                continue
            data = self._data[row_key]
            for column_index, column_key, width in columns:
                if width > 2 * padding:
                    self._cell_lines(data.get(column_key), row_index, column_index, width,
                                     padding)
        if self._ahead:
            self.call_later(self._draw_some_ahead)

    def keep_rows(self, keys: Sequence[str]) -> None:
        """Keep the rows of ``keys`` (each one in the table), in that order, and drop the
        others: Textual's ``remove_row`` for many rows at once, then its ``sort``, in one
        pass, and without forgetting what the rows kept look like."""
        known = {key.value: key for key in self.rows}
        wanted = [known[key] for key in keys]
        keep = set(wanted)
        for row_key in [key for key in self.rows if key not in keep]:
            del self.rows[row_key]
            for column_key in self._data.pop(row_key):
                self._updated_cells.discard(CellKey(row_key, column_key))
            self._new_rows.discard(row_key)
        self._row_locations = TwoWayDict({key: index for index, key in enumerate(wanted)})
        self._require_update_dimensions = True
        self._update_count += 1
        self.cursor_coordinate = self.cursor_coordinate
        self.hover_coordinate = self.hover_coordinate
        self.refresh(layout=True)
        self.check_idle()

    def notify_style_update(self) -> None:
        # A theme switch, focus or a class change: rows are drawn again in the new look.
        self.forget_styled()
        super().notify_style_update()

    def _plain_row(self, row_key: RowKey) -> bool:
        row = self.rows.get(row_key)
        return row is not None and row.height == 1 and row.label is None

    def _render_line_in_row(self, row_key: RowKey, line_no: int, base_style: Style,
                            cursor_location: Coordinate,
                            hover_location: Coordinate) -> Pair:
        row_index = self._row_locations.get(row_key)
        if row_index is None or self.cursor_type != "row" or self.fixed_rows \
                or self.fixed_columns or self._labelled_row_exists \
                or not self._plain_row(row_key):
            return super()._render_line_in_row(row_key, line_no, base_style,
                                               cursor_location, hover_location)
        columns = self.ordered_columns
        data = self._data[row_key]
        cells = tuple(data.get(column.key) for column in columns)
        # Column.get_render_width, without reading the padding once for each column.
        padding = 2 * self.cell_padding
        widths = tuple(padding + (c.content_width if c.auto_width else c.width)
                       for c in columns)
        key = (row_key, line_no, base_style, row_index % 2 if self.zebra_stripes else -1,
               row_index == cursor_location.row, row_index == hover_location.row,
               self.show_cursor, self._show_hover_cursor, self._pseudo_class_state,
               self.cursor_foreground_priority, self.cursor_background_priority,
               tuple(map(id, cells)), widths, self.size.width)
        kept = self._kept_rows.get(key)
        if kept is None or any(a is not b for a, b in zip(kept[0], cells, strict=True)):
            pair = self._draw_row(row_index, line_no, base_style, cursor_location,
                                  hover_location, cells, widths)
            self._kept_rows[key] = (cells, row_index, pair)
            return pair
        if kept[1] == row_index:
            return kept[2]
        fixed, scrollable = kept[2]
        return fixed, [self._moved(line, row_index) for line in scrollable]

    def _draw_row(self, row_index: int, line_no: int, base_style: Style,
                  cursor_location: Coordinate, hover_location: Coordinate,
                  cells: tuple[object, ...], widths: tuple[int, ...]) -> Pair:
        """Textual's ``_render_line_in_row`` and ``_render_cell`` for a one-line body row
        of a table with a row cursor and neither labels nor fixed columns: each cell,
        then the row's look to the edge of the pane. The styles are looked up once for
        the row, not for each cell, and no header or label style, which it does not use."""
        row_style = self._get_row_style(row_index, base_style)
        cursor = row_index == cursor_location.row
        hover = row_index == hover_location.row
        show_cursor, show_hover = self.show_cursor, self._show_hover_cursor
        padding = self.cell_padding
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, show_cursor, show_hover,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css")
        line: list[list[Segment]] = []
        for column_index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            if width <= 2 * padding:
                drawn = super()._render_cell(row_index, column_index, row_style, width,
                                             cursor, hover)
                line.append(drawn[line_no])
                continue
            pre_style = row_style + component_style + Style.from_meta(
                {"row": row_index, "column": column_index})
            line.append(list(Segment.apply_style(
                self._cell_lines(cell, row_index, column_index, width, padding)[line_no],
                pre_style, post_style)))
        extend_style, _ = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, show_cursor, show_hover, False, False)
        extend_style = row_style + extend_style + Style.from_meta(
            {"row": row_index, "column": 0, "out_of_bounds": True})
        line.append([Segment(" " * max(0, self.size.width - sum(widths)), extend_style)])
        return [], line

    def _cell_lines(self, cell: object, row_index: int, column_index: int, width: int,
                    padding: int) -> SegmentLines:
        """The cell padded in ``width``, unstyled: drawn once for each width."""
        key = (id(cell), width, padding)
        kept = self._kept_cells.get(key)
        if kept is not None and kept[0] is cell:
            return kept[1]
        drawn = padded_line(self.app.console, cell, width, padding) \
            if isinstance(cell, Text) else None
        if drawn is None:
            renderable = self._get_row_renderables(row_index).cells[column_index]
            options = self.app.console_options.update_dimensions(width, 1).update(
                no_wrap=True)
            drawn = self.app.console.render_lines(Padding(renderable, (0, padding)), options)
        self._kept_cells[key] = (cell, drawn)
        return drawn

    def _moved(self, line: list[Segment], row_index: int) -> list[Segment]:
        """A line drawn for a row elsewhere, its styles saying the row it is in now."""
        placed = self._placed
        if len(placed) > 4 * CELLS_KEPT:
            placed.clear()
        out = []
        for text, style, control in line:
            found = placed.get((style, row_index))
            if found is None:
                found = (style or Style()) + Style.from_meta({"row": row_index})
                placed[(style, row_index)] = found
            out.append(Segment(text, found, control))
        return out

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        # Textual looks the stripe's style up in the CSS for every row drawn; it only
        # changes when the styles do (notify_style_update forgets it).
        if row_index < 0 or self.fixed_rows or not self.zebra_stripes:
            return super()._get_row_style(row_index, base_style)
        key = (row_index % 2, self._pseudo_class_state)
        found = self._row_styles.get(key)
        if found is None:
            found = self._row_styles[key] = super()._get_row_style(row_index, base_style)
        return found

    def _render_cell(self, row_index: int, column_index: int, base_style: Style,
                     width: int, cursor: bool = False,
                     hover: bool = False) -> SegmentLines:
        if row_index < 0 or column_index < 0 or self.fixed_rows or self.fixed_columns \
                or self._labelled_row_exists or width <= 2 * self.cell_padding:
            return super()._render_cell(row_index, column_index, base_style, width,
                                        cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None or not self._plain_row(row_key):
            return super()._render_cell(row_index, column_index, base_style, width,
                                        cursor, hover)
        # Textual's _render_cell draws Styled(Padding(cell), pre_style, post_style):
        # the padded cell is drawn once for its width, then styled for each look.
        lines = self._cell_lines(self._data[row_key].get(column_key), row_index,
                                 column_index, width, self.cell_padding)
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css")
        pre_style = base_style + component_style + Style.from_meta(
            {"row": row_index, "column": column_index})
        return [list(Segment.apply_style(line, pre_style, post_style)) for line in lines]

    def _cell_width(self, cell: object) -> int:
        known = self._measured.get(id(cell))
        if known is not None and known[0] is cell:
            return known[1]
        if isinstance(cell, Text):
            lines = cell.plain.splitlines()
            width = max((cell_len(line) for line in lines), default=0)
        else:
            shown = _EMPTY_TEXT if cell is None else (
                default_cell_formatter(cell, wrap=False, height=1) or _EMPTY_TEXT)
            width = measure(self.app.console, shown, 1)
        self._measured[id(cell)] = (cell, width)
        return width

    def _update_dimensions(self, new_rows: Any) -> None:
        new_rows = list(new_rows)
        if self._labelled_row_exists or not all(
                self._plain_row(key) for key in new_rows if key in self._row_locations):
            super()._update_dimensions(new_rows)
            return
        # Textual's _update_dimensions for one-line rows without labels: each column as
        # wide as its widest cell (measured once per cell object), then the virtual size.
        if len(self._measured) > CELLS_KEPT:
            self._measured = {}
        columns = self.ordered_columns
        for row_key in new_rows:
            data = self._data.get(row_key)
            if data is None or row_key not in self._row_locations:
                continue  # removed before the table was idle
            for column in columns:
                column.content_width = max(column.content_width,
                                           self._cell_width(data.get(column.key)))
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width,
                                 self._total_row_height + header_height)
