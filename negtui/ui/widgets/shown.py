"""The widgets that draw data: text shown as it is, never obeyed.

Names, notes and everything else from the files reach the screen through these few
widgets, so this is where they are made safe once for every screen:

- a control character (ESC, BEL, a bidi override, see ``negtui.domain.text``) shows as
  its mark; in a table cell or a list line a newline shows too;
- a string is never read as markup: ``[bold]`` in a deal name shows as typed. A
  constant that means its markup says so with ``markup()``;
- and whatever still holds a control character when a line is drawn (a field being
  edited, a widget of Textual's own) loses it in ``ControlFilter`` before it reaches the
  terminal.

Screens import ``Static``, ``DataTable`` and ``OptionList`` from here, never from Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self, TypeAlias, TypeVar, cast

from rich.segment import Segment
from rich.text import Span, Text
from textual.color import Color
from textual.filter import LineFilter
from textual.visual import VisualType
from textual.widgets import DataTable as TextualDataTable
from textual.widgets import OptionList as TextualOptionList
from textual.widgets import Static as TextualStatic
from textual.widgets.data_table import RowKey
from textual.widgets.option_list import Option

from negtui.domain.text import CONTROL_CHARS, visible

CellType = TypeVar("CellType")
OptionListContent: TypeAlias = "Option | VisualType | None"


def markup(text: str) -> Text:
    """A constant of the app's own whose ``[b]`` tags are meant as markup."""
    return Text.from_markup(text)


def shown(text: Text, *, one_line: bool = False) -> Text:
    """``text`` with its control characters as marks, styles kept where they were."""
    plain = text.plain
    if visible(plain, multiline=not one_line) == plain:
        return text
    pieces = [visible(char, multiline=not one_line) for char in plain]
    starts = [0]
    for piece in pieces:
        starts.append(starts[-1] + len(piece))
    result = Text("".join(pieces), style=text.style, justify=text.justify,
                  overflow=text.overflow, no_wrap=text.no_wrap, end=text.end,
                  tab_size=text.tab_size)
    end = len(plain)
    result.spans = [Span(starts[min(span.start, end)], starts[min(span.end, end)], span.style)
                    for span in text.spans]
    return result


def plain(value: str, style: str = "", *, one_line: bool = False, **options: Any) -> Text:
    """A text from the data: shown literally, with its control characters as marks."""
    return Text(visible(value, multiline=not one_line), style=style, **options)


def _safe(content: VisualType, *, one_line: bool = False) -> VisualType:
    if isinstance(content, str):
        return visible(content, multiline=not one_line)
    if isinstance(content, Text):
        return shown(content, one_line=one_line)
    return content


def same_text(old: object, new: object) -> bool:
    """Whether two strings or texts draw alike (rich's own ``==`` leaves out styles)."""
    if old is new:
        return True
    if isinstance(old, Text) and isinstance(new, Text):
        return (old.plain == new.plain and old.spans == new.spans
                and str(old.style) == str(new.style) and old.justify == new.justify
                and old.overflow == new.overflow and old.no_wrap == new.no_wrap
                and old.end == new.end)
    return isinstance(old, str) and isinstance(new, str) and old == new


class Static(TextualStatic):
    """Textual's Static, showing strings literally and control characters as marks."""

    def __init__(self, content: VisualType = "", *, markup: bool = False,
                 name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(_safe(content), markup=markup, name=name, id=id, classes=classes)
        self._literal = not markup

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        safe = _safe(content)
        if self._literal and same_text(self.content, safe):
            return  # shown already: nothing to lay out or paint again
        super().update(safe, layout=layout)


def _cell(value: object, wrap: bool = False) -> object:
    # A cell too long for its column ends in "…", never mid-word without a mark; in a
    # row of more than one line it goes on over the next line at a space first.
    if wrap:
        if isinstance(value, str):
            return Text(visible(value, multiline=False), end="", overflow="ellipsis")
        if isinstance(value, Text):
            return shown(value, one_line=True)
        return value
    if isinstance(value, str):
        # What Textual makes of a string in a one-line row, without reading markup.
        return Text(visible(value), end="", no_wrap=True, overflow="ellipsis")
    if isinstance(value, Text):
        cell = shown(value, one_line=True)
        if cell.overflow is None:
            cell = cell.copy()
            cell.overflow = "ellipsis"
            cell.no_wrap = True
        return cell
    return value


class DataTable(TextualDataTable[CellType]):
    """Textual's DataTable; every cell is shown literally, on one line, marks for controls."""

    def add_row(self, *cells: CellType, height: int | None = 1, key: str | None = None,
                label: Text | str | None = None) -> RowKey:
        safe = [cast(CellType, _cell(cell, height != 1)) for cell in cells]
        if label is not None:
            label = cast(Text, _cell(label))
        return super().add_row(*safe, height=height, key=key, label=label)

    def update_cell(self, row_key: RowKey | str, column_key: Any, value: CellType, *,
                    update_width: bool = False) -> None:
        row = self.rows.get(row_key if isinstance(row_key, RowKey) else RowKey(row_key))
        wrap = row is not None and row.height != 1
        super().update_cell(row_key, column_key, cast(CellType, _cell(value, wrap)),
                            update_width=update_width)

    # In a table of rows, home and end go to the first and the last row, as ctrl+home and
    # ctrl+end do: Textual's scroll sideways, which a table that fits its pane cannot.

    def action_scroll_home(self) -> None:
        if self.cursor_type == "row" and self.show_cursor:
            self.action_scroll_top()
        else:
            super().action_scroll_home()

    def action_scroll_end(self) -> None:
        if self.cursor_type == "row" and self.show_cursor:
            self.action_scroll_bottom()
        else:
            super().action_scroll_end()


def _option(option: OptionListContent) -> OptionListContent:
    if option is None:
        return None
    if isinstance(option, Option):
        prompt = _safe(option.prompt, one_line=True)
        if prompt is option.prompt or type(option) is not Option:
            return option
        return Option(prompt, option.id, option.disabled)
    return _safe(option, one_line=True)


class OptionList(TextualOptionList):
    """Textual's OptionList; prompts shown literally, with marks for control characters."""

    def __init__(self, *content: OptionListContent, id: str | None = None,
                 classes: str | None = None, markup: bool = False) -> None:
        super().__init__(*content, id=id, classes=classes, markup=markup)

    def add_options(self, new_options: Iterable[OptionListContent]) -> Self:
        return super().add_options([_option(option) for option in new_options])


class ControlFilter(LineFilter):
    """The last guard: drops any control character left in a line about to be drawn.

    Each takes no cell on the screen, so nothing moves; what the widgets above draw has
    its marks already, this catches the rest (a value being edited in a field, say).
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        # Segments that are terminal commands of Textual's own (``control``) are kept.
        if not CONTROL_CHARS.search("".join(s.text for s in segments if s.control is None)):
            return segments
        return [segment if segment.control is not None
                else Segment(CONTROL_CHARS.sub("", segment.text), segment.style)
                for segment in segments]
