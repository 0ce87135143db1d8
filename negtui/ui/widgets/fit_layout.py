"""Which columns of a table fit its pane, and how wide: the pure part of ``FitTable``."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

Cell = str | Text
# A cell's padding on each side (DataTable's cell_padding).
PAD = 1
# The narrowest a column that may shrink is cut to when the columns that must stay do
# not fit even at their floors (more than a stub of a word, less than a name).
LAST_FLOOR = 10


@dataclass(frozen=True)
class Column:
    label: str
    key: str
    drop: int = 0
    """0: always shown; otherwise the higher, the sooner it leaves a narrow table."""
    shrink: int = 0
    """The narrowest this column is cut to with "…" while lesser columns can leave; 0
    keeps it whole. Only when the columns that must stay still do not fit is it cut
    further, to ``LAST_FLOOR``."""
    whole: bool = False
    """Cut only when there is no other way: the columns ranked after it leave first, so
    that where the pane has the room its text is read whole."""
    wrap: bool = False
    """In a table whose rows may take two lines, this column's text may go on over two
    lines (at its spaces) rather than a column leave or a text be cut."""
    name: bool = False
    """What a row is called (a term, a deal): given its width before any other column,
    cut only when the others that may shrink are at their floors. A table with such a
    column cuts the others where that cuts the fewest texts, rather than the widest."""


NOTHING = "—"
"""What a cell shows where nothing was written: a column of only these is as empty as a
column of blanks, and steps aside as one before the text beside it is cut."""


def unwritten(cell: Cell) -> bool:
    """Whether a cell shows nothing written: blank, or only ``NOTHING``."""
    text = cell.plain if isinstance(cell, Text) else cell
    return text.strip() in ("", NOTHING)


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
    lines: int = 1
    """The lines each row takes: 2 when texts go on over a second line to fit."""


def natural_widths(columns: Sequence[Column], rows: Sequence[Sequence[Cell]],
                   width: Callable[[Cell], int] = cell_width) -> list[int]:
    """Each column's width with nothing cut: its widest cell or its label."""
    return [max([cell_width(c.label), *(width(row[i]) for row in rows)])
            for i, c in enumerate(columns)]


_MEASURE = Console(width=1000, color_system=None)


def two_line_width(cell: Cell) -> int:
    """The fewest cells a text takes on at most two lines, wrapped at its spaces."""
    text = cell.copy() if isinstance(cell, Text) else Text(cell)
    text.no_wrap = False
    whole = cell_width(text)
    if "\n" in text.plain:
        return whole
    longest_word = max((cell_len(word) for word in text.plain.split()), default=0)
    for width in range(max(1, longest_word, (whole + 1) // 2), whole):
        if len(text.wrap(_MEASURE, width, overflow="fold")) <= 2:
            return width
    return whole


def lay_out(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], room: int,
            natural: Sequence[int] | None = None,
            filled: Sequence[bool] | None = None, lines: int = 1) -> Layout:
    """Which columns fit in ``room`` cells and how wide: the pure part of the table.
    ``natural`` is ``natural_widths`` of the rows, if already known; ``filled`` says
    which columns have something in some row (by default, in ``rows``). With ``lines``
    2, rows may take two lines where that shows every column with nothing cut."""
    if natural is None:
        natural = natural_widths(columns, rows)
    if filled is None:
        filled = [not rows or any(not unwritten(row[i]) for row in rows)
                  for i in range(len(columns))]
    one = _one_line(columns, room, natural, filled, _widths_by_column(columns, rows))
    if lines < 2 or (not one.hidden and all(w is None for w in one.widths)):
        return one
    two = _two_lines(columns, rows, room, natural, filled)
    return two if two is not None else one


def _two_lines(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], room: int,
               natural: Sequence[int], filled: Sequence[bool]) -> Layout | None:
    """Every column that has something shown whole, the texts that may wrap going on
    over a second line as far as needed, those that give the most room first (so that
    few columns wrap); None if that is too wide."""
    shown = [i for i in range(len(columns)) if filled[i] or not columns[i].drop]
    narrowest = {i: max([cell_width(columns[i].label), *(two_line_width(row[i]) for row in rows)])
                 for i in shown if columns[i].wrap}
    widths = {i: natural[i] for i in shown}
    over = sum(w + 2 * PAD for w in widths.values()) - room
    while over > 0:
        gains = {i: widths[i] - narrowest[i] for i in narrowest if widths[i] > narrowest[i]}
        if not gains:
            return None
        most = max(gains, key=lambda i: (gains[i], -i))
        step = min(gains[most], over)
        widths[most] -= step
        over -= step
    # Columns that need no second line keep their natural width.
    return Layout(tuple(shown), tuple(widths[i] if widths[i] != natural[i] else None
                                      for i in shown), (), True, 2)


def _widths_by_column(columns: Sequence[Column],
                      rows: Sequence[Sequence[Cell]]) -> list[list[int]]:
    """Each column's cell widths, narrowest first."""
    return [sorted(cell_width(row[i]) for row in rows) for i in range(len(columns))]


def _one_line(columns: Sequence[Column], room: int, natural: Sequence[int],
              filled: Sequence[bool], widths: Sequence[Sequence[int]] = ()) -> Layout:
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
    named = bool(widths) and any(c.name for c in columns)
    # Then cut the widest of those that may shrink, a cell at a time, down to their floor;
    # if the columns that must stay are still too wide at their floors, on down to
    # ``LAST_FLOOR`` rather than leave a sideways scrollbar.
    over = total(cut) - room
    last = {i: min(floor, max(LAST_FLOOR, cell_width(columns[i].label)))
            for i, floor in floors.items()}
    for limits in (floors, last):
        while over > 0:
            candidates = [i for i in shown if i in limits and cut.get(i, natural[i]) > limits[i]]
            if not candidates:
                break
            # The rows' names are cut last, then those to be read whole; of the rest,
            # the widest gives a cell, or in a table of named rows the column where
            # that cuts the fewest texts (one long text among short ones before a
            # column of long names), the widest of those first.
            candidates = [i for i in candidates if not columns[i].name] or candidates
            candidates = [i for i in candidates if not columns[i].whole] or candidates

            def cost(i: int) -> tuple[int, int]:
                now = cut.get(i, natural[i])
                texts = len(widths[i]) - bisect_right(widths[i], now - 1) if named else 0
                return texts, -now

            chosen = min(candidates, key=cost)
            cut[chosen] = cut.get(chosen, natural[chosen]) - 1
            over -= 1
    hidden = tuple(columns[i].label for i in range(len(columns))
                   if i not in shown and i not in empty)
    return Layout(tuple(shown), tuple(cut.get(i) for i in shown), hidden, total(cut) <= room)


SORT_MARKS = (" ▲", " ▼")


def hidden_note(hidden: Sequence[str], other_way: str = "") -> str:
    """What the window has no room for; first, when the rows are sorted by a column that
    is not shown (its label carries the sort's arrow), which sort that is. ``other_way``
    is a key that makes the room too ("press g to hide the grid")."""
    if not hidden:
        return ""
    sorted_by = next((label for label in hidden if label.endswith(SORT_MARKS)), None)
    if sorted_by is None:
        more = "1 more column" if len(hidden) == 1 else f"{len(hidden)} more columns"
        how = f"Widen the window or {other_way}" if other_way else "Widen the window"
        return f"{how} for {more}: {', '.join(hidden)}"
    others = [label for label in hidden if label != sorted_by]
    order = "ascending" if sorted_by.endswith(SORT_MARKS[0]) else "descending"
    note = f"Sorted by {sorted_by[:-2]}, {order} · widen for it"
    return f"{note} and {', '.join(others)}" if others else note


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


def label_cut(label: str, width: int) -> Text:
    """A column's label in ``width`` cells: whole, or cut with "…" (read literally)."""
    if cell_len(label) <= width:
        return Text(label)
    text = Text(label, no_wrap=True, overflow="ellipsis")
    text.truncate(max(width, 1), overflow="ellipsis")
    return text
