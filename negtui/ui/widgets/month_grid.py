"""A month drawn as a grid of days: how many dated items fall on each day, and of which kind.

The seven columns share the whole width (the columns left over spread among the days),
and the weeks the whole height. Each day chooses how it is drawn: the letter and start of
each title when its cell is wide enough and has a line for each (cut with "…"), else one
letter an item; "+" says what is left only when the rest does not fit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from negtui.domain.calendar import (
    ALL_KINDS,
    DEAL_END,
    DEAL_START,
    CalendarEntry,
    by_day,
    day_counts,
    month_weeks,
)
from negtui.domain.text import visible
from negtui.domain.vocab import MilestoneKind
from negtui.ui.palette import Role, style

# One letter per kind, so a cell can show what is on the day in a few characters; the colour
# says what the kind means (a deadline, a date to prepare for, a milestone reached).
KIND_MARKS: dict[str, tuple[str, Role]] = {
    MilestoneKind.PREP_BLOCK: ("P", Role.LINK),
    MilestoneKind.CALL: ("C", Role.LINK),
    MilestoneKind.OFFER_EXPIRY: ("X", Role.ALARM),
    MilestoneKind.DECISION_DEADLINE: ("D", Role.ALARM),
    MilestoneKind.FALLBACK_DEADLINE: ("F", Role.WARNING),
    MilestoneKind.CHECKPOINT: ("K", Role.GOOD),
    MilestoneKind.SIGNING: ("S", Role.GOOD),
    MilestoneKind.KICKOFF: ("O", Role.GOOD),
    MilestoneKind.REVIEW: ("R", Role.GOOD),
    MilestoneKind.RENEWAL: ("N", Role.WARNING),
    MilestoneKind.FOLLOW_UP: ("U", Role.LINK),
    DEAL_START: ("B", Role.MUTED),
    DEAL_END: ("E", Role.MUTED),
}
WEEKDAY_NAMES = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
MIN_CELL = 5
# From TITLED_FROM columns a cell on, a day whose items each have a line names them: the
# letter, a space and the start of the title ("S Sig…" at the least), wrapped under the
# title on the lines to spare; a taller pane gives each week more lines.
TITLED_FROM = 7


def mark_of(kind: str) -> tuple[str, str]:
    """The letter of a kind and its style in the theme in use."""
    letter, role = KIND_MARKS.get(kind, ("?", Role.MUTED))
    return letter, style(role)


def fold(title: str, width: int) -> list[Text]:
    """``title`` in lines of ``width`` cells, broken between words; a word longer than a
    line is cut with "…" and ends the title there, so no line starts in the middle of one."""
    lines: list[Text] = []
    line = ""
    for word in title.split():
        joined = f"{line} {word}" if line else word
        if cell_len(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(Text(line))
        line = word
        if cell_len(word) > width:
            cut = Text(word)
            cut.truncate(width, overflow="ellipsis")
            return [*lines, cut]
    return [*lines, Text(line)] if line or not lines else lines


class MonthGrid(Widget, can_focus=True):
    """The month of the selected day; arrow keys move the day and may cross into the next."""

    BINDINGS = [
        Binding("left", "move(-1)", "Day before", show=False, id="calendar.grid.left"),
        Binding("right", "move(1)", "Day after", show=False, id="calendar.grid.right"),
        Binding("up", "move(-7)", "Week before", show=False, id="calendar.grid.up"),
        Binding("down", "move(7)", "Week after", show=False, id="calendar.grid.down"),
        Binding("enter", "choose", "Upcoming from this day", show=False, id="calendar.grid.choose"),
    ]

    selected: reactive[date] = reactive(date(2000, 1, 1), init=False)

    class DayChanged(Message):
        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    class DayChosen(Message):
        """Enter on a day: the user wants to see its agenda."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = date(2000, 1, 1)
        self.counts: dict[date, Counter[str]] = {}
        self.items: dict[date, list[CalendarEntry]] = {}
        self.overdue: set[date] = set()

    def show(self, selected: date, today: date, entries: Iterable[CalendarEntry],
             overdue: set[date], tz: ZoneInfo) -> None:
        """The month of ``selected``, with what of ``entries`` falls on each day."""
        self.today = today
        entries = list(entries)
        self.counts, self.items = day_counts(entries, tz), by_day(entries, tz)
        self.overdue = overdue
        self.set_reactive(MonthGrid.selected, selected)
        self.refresh(layout=True)

    def watch_selected(self, old: date, new: date) -> None:
        if old.month != new.month or old.year != new.year:
            self.refresh(layout=True)
        self.post_message(self.DayChanged(new))

    def action_move(self, days: int) -> None:
        self.selected = self.selected + timedelta(days=days)

    def action_choose(self) -> None:
        self.post_message(self.DayChosen())

    def _columns(self, width: int) -> list[int]:
        """Where each day's column ends: seven columns over the whole width, the columns
        left over spread one each among them."""
        width = max(width, 7 * MIN_CELL)
        return [width * (day + 1) // 7 for day in range(7)]

    def _narrowest(self) -> int:
        ends = self._columns(self.size.width)
        return min(end - start for start, end in zip([0, *ends], ends, strict=False))

    def _weeks(self) -> list[list[date]]:
        return month_weeks(self.selected.year, self.selected.month)

    def _kinds_shown(self) -> list[str]:
        """Every kind whose letter the grid shows, days of the months beside included."""
        shown = {day for week in self._weeks() for day in week}
        present = {kind for day, counter in self.counts.items() if day in shown
                   for kind in counter if counter[kind]}
        return [kind for kind in ALL_KINDS if kind in present]

    def _marked_days(self) -> list[Text]:
        """How today and an overdue day are drawn, each shown with its own number, when
        the month has them in sight."""
        in_sight = {day for week in self._weeks() for day in week}
        marked = []
        if self.today in in_sight:
            marked.append(Text.assemble((str(self.today.day), "bold underline"), " today  "))
        late = sorted(self.overdue & in_sight)
        if late:
            marked.append(Text.assemble((str(late[-1].day), style(Role.ALARM)), " overdue  "))
        return marked

    def _legend(self, width: int, cut: bool = False) -> list[Text]:
        """What the marks mean, over as many lines as ``width`` needs; with ``cut``, also
        what the "+" of a day with more than its cell holds means."""
        lines: list[Text] = []
        line = Text()
        pieces = [Text.assemble((letter, f"bold {colour}"), f" {kind}  ")
                  for kind in self._kinds_shown() for letter, colour in [mark_of(kind)]]
        if cut:
            pieces.append(Text.assemble(("+", "bold"), " more than fits  "))
        for piece in [*self._marked_days(), *pieces]:
            if line.cell_len + piece.cell_len > width and line.cell_len:
                lines.append(line)
                line = Text()
            line.append_text(piece)
        if line.cell_len:
            lines.append(line)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 2 + 2 * len(self._weeks()) + len(self._legend(width))

    def _heights(self, legend: int) -> list[int]:
        """Lines of each week: two at least, more as the pane is taller, the lines left over
        spread one each among the weeks, so the month reaches the bottom of its pane."""
        weeks = len(self._weeks())
        spare = max(2 * weeks, self.size.height - 2 - legend)
        ends = [spare * (week + 1) // weeks for week in range(weeks)]
        return [end - start for start, end in zip([0, *ends], ends, strict=False)]

    def _mode(self, day: date, cell: int, lines: int) -> str:
        """How ``day`` is drawn in a cell of ``cell`` columns and ``lines`` lines: "titles"
        when each item has a line, "some" when the first items have one and the letters of
        the rest fit on the last, else "letters". Titles need every day of the month wide
        enough, so a day a column narrower than the next is drawn the same way."""
        items = len(self.items.get(day, []))
        held = lines - 1
        if self._narrowest() < TITLED_FROM or not items:
            return "letters"
        if items <= held:
            return "titles"
        if held >= 3 and items - (held - 1) <= cell - 2:
            return "some"
        return "letters"

    def _cut(self, heights: list[int], widths: list[int]) -> bool:
        """Whether some day has more than its cell names, and shows a "+"."""
        for week, lines in zip(self._weeks(), heights, strict=True):
            for day, cell in zip(week, widths, strict=True):
                mode = self._mode(day, cell, lines)
                count = sum(self.counts.get(day, Counter()).values())
                if mode == "some" or (mode == "letters" and count > (cell - 1) * (lines - 1)):
                    return True
        return False

    def _fit(self) -> tuple[list[int], list[int], list[Text]]:
        """The columns of each day, the lines of each week and the legend's lines, though
        the spread remainder makes some days a cell wider and some weeks a line taller."""
        width = self.size.width
        ends = self._columns(width)
        widths = [end - start for start, end in zip([0, *ends], ends, strict=False)]
        legend = self._legend(width)
        heights = self._heights(len(legend))
        if self._cut(heights, widths):
            # Explaining the "+" takes room; a day already cut stays cut.
            legend = self._legend(width, cut=True)
            heights = self._heights(len(legend))
        return widths, heights, legend

    def _week_lines(self) -> list[int]:
        return self._fit()[1]

    def _day_lines(self, day: date, cell: int, lines: int) -> list[Text]:
        in_month = day.month == self.selected.month
        number_style = "" if in_month else style(Role.MUTED)
        if day in self.overdue:
            number_style = style(Role.ALARM)
        if day == self.today:
            number_style += " bold underline"
        top = Text(f"{day.day:>2}", style=number_style.strip())
        room = cell - 1
        if self._mode(day, cell, lines) != "letters":
            shown = [top, *self._titled(day, room, lines - 1, in_month)]
        else:
            shown = [top, *self._letters(day, room, lines - 1, in_month)]
        shown += [Text() for _ in range(lines - len(shown))]
        if day == self.selected:
            chosen = "reverse bold" if self.has_focus else "reverse"
            for line in shown:
                line.pad_right(room - line.cell_len)
                line.stylize(chosen)
        return shown

    def _letters(self, day: date, room: int, lines: int, in_month: bool) -> list[Text]:
        """A letter a dated item, ``room`` to a line: the letters are the count, and "+N"
        at the end says how many did not fit in the lines there are."""
        counter = self.counts.get(day, Counter())
        muted = style(Role.MUTED)
        marks = [mark_of(kind) for kind in ALL_KINDS for _ in range(counter.get(kind, 0))]
        more = ""
        if len(marks) > room * lines:
            kept = room * lines - 2
            kept -= len(marks) - kept >= 10
            marks, more = marks[:kept], f"+{len(marks) - kept}"
        line = Text()
        for letter, colour in marks:
            line.append(letter, style=colour if in_month else muted)
        line.append(more, style="bold" if in_month else muted)
        return [line[start:start + room] for start in range(0, max(1, line.cell_len), room)]

    def _titled(self, day: date, room: int, lines: int, in_month: bool) -> list[Text]:
        """Letter and title of each item, wrapped under the title in the lines there are to
        spare, else cut with "…"; the letters of items with no line left follow a "+"."""
        items = self.items.get(day, [])
        named = items if len(items) <= lines else items[: lines - 1]
        spare = lines - len(items) if named is items else 0
        muted = style(Role.MUTED)
        shown = []
        for entry in named:
            letter, colour = mark_of(entry.kind)
            wrapped = fold(visible(entry.label), max(1, room - 2))
            given = min(len(wrapped), 1 + spare)
            spare -= given - 1
            for number, part in enumerate(wrapped[:given]):
                line = Text.assemble((letter, colour if in_month else muted) if not number
                                     else " ", " ", part)
                line.rstrip()
                if number == given - 1 and given < len(wrapped):
                    line.truncate(room - 1)
                    line.append("…")
                line.truncate(room, overflow="ellipsis")
                shown.append(line)
        if len(items) > len(named):
            rest = Text("+", style=muted)
            for entry in items[len(named):]:
                letter, colour = mark_of(entry.kind)
                rest.append(letter, style=colour if in_month else muted)
            rest.truncate(room, overflow="ellipsis")
            shown.append(rest)
        return shown

    def render(self) -> Text:
        ends = self._columns(self.size.width)
        widths, heights, legend = self._fit()
        title = self.selected.strftime("%B %Y")
        lines = [Text(title.center(ends[-1]).rstrip(), style="bold")]
        lines.append(Text("".join(name.ljust(cell) for name, cell in
                                  zip(WEEKDAY_NAMES, widths, strict=True)).rstrip(),
                          style=style(Role.MUTED)))
        for week, per_week in zip(self._weeks(), heights, strict=True):
            week_lines = [Text() for _ in range(per_week)]
            for day, cell, end in zip(week, widths, ends, strict=True):
                for line, part in zip(week_lines,
                                      self._day_lines(day, cell, per_week),
                                      strict=True):
                    line.append_text(part)
                    line.pad_right(end - line.cell_len)
            lines.extend(week_lines)
        lines.extend(legend)
        return Text("\n").join(lines)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        ends, row = self._columns(self.size.width), event.y - 2
        column = next((n for n, end in enumerate(ends) if event.x < end), 7)
        for week, lines in zip(self._weeks(), self._week_lines(), strict=True):
            if 0 <= row < lines and 0 <= column < 7:
                self.selected = week[column]
                return
            row -= lines
