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
``_get_styles_to_render_cell``. Only one-line rows without labels, fixed rows or fixed
columns take the short way; anything else goes to Textual's own code.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.render import measure
from textual.widgets._data_table import _EMPTY_TEXT, default_cell_formatter
from textual.widgets.data_table import RowKey

from negtui.ui.widgets.shown import CellType, DataTable

SegmentLines = list[list[Segment]]
Pair = tuple[SegmentLines, SegmentLines]
# Enough for every cell of a few hundred rows in each of their looks.
CELLS_KEPT = 8192
ROWS_KEPT = 2048


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

    def forget_drawn(self) -> None:
        """Drop every kept cell: their colours came from styles that changed."""
        self._kept_cells.clear()
        self._kept_rows.clear()
        self._placed.clear()
        self._row_styles.clear()

    def notify_style_update(self) -> None:
        # A theme switch, focus or a class change: cells are drawn again in the new look.
        self.forget_drawn()
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
        key = (row_key, line_no, base_style, row_index % 2 if self.zebra_stripes else -1,
               row_index == cursor_location.row, row_index == hover_location.row,
               self.show_cursor, self._show_hover_cursor, self._pseudo_class_state,
               self.cursor_foreground_priority, self.cursor_background_priority,
               tuple(map(id, cells)), tuple(column.get_render_width(self) for column in columns),
               self.size.width)
        kept = self._kept_rows.get(key)
        if kept is None or any(a is not b for a, b in zip(kept[0], cells, strict=True)):
            pair = super()._render_line_in_row(row_key, line_no, base_style,
                                               cursor_location, hover_location)
            self._kept_rows[key] = (cells, row_index, pair)
            return pair
        if kept[1] == row_index:
            return kept[2]
        fixed, scrollable = kept[2]
        return fixed, [self._moved(line, row_index) for line in scrollable]

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
        cell = self._data[row_key].get(column_key)
        key = (id(cell), width, self.cell_padding)
        kept = self._kept_cells.get(key)
        if kept is None or kept[0] is not cell:
            renderable = self._get_row_renderables(row_index).cells[column_index]
            options = self.app.console_options.update_dimensions(width, 1).update(
                no_wrap=True)
            kept = (cell, self.app.console.render_lines(
                Padding(renderable, (0, self.cell_padding)), options))
            self._kept_cells[key] = kept
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css")
        pre_style = base_style + component_style + Style.from_meta(
            {"row": row_index, "column": column_index})
        return [list(Segment.apply_style(line, pre_style, post_style)) for line in kept[1]]

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
