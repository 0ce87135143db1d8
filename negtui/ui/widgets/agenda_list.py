"""The calendar's agenda: what is overdue, then each day from the selected one with its
dated items, one item a line, wrapped under its text when the pane is narrow; as many
whole items as the pane holds, a heading saying how many of its items it lists."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import cast
from zoneinfo import ZoneInfo

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.css.styles import RulesMap
from textual.events import Resize
from textual.message import Message
from textual.visual import visualize
from textual.widgets.option_list import Option

from negtui.domain.calendar import CalendarEntry, is_overdue
from negtui.domain.calendar_agenda import AgendaPage
from negtui.domain.durations import describe_minutes
from negtui.domain.schedule import days_until, describe_days
from negtui.domain.text import visible
from negtui.ui.palette import Role, style
from negtui.ui.widgets.month_grid import mark_of
from negtui.ui.widgets.shown import OptionList


class AgendaList(OptionList):
    """Items are options with the entry's uid as id; headings and hints cannot be chosen."""

    class Resized(Message):
        """The list has another size: how many items it has room for may change."""

        def __init__(self, width: int, height: int) -> None:
            super().__init__()
            self.width, self.height = width, height

    class Beyond(Message):
        """Down on the last item (1) or up on the first (-1): the user wants what the
        agenda does not list, after or before it."""

        def __init__(self, direction: int) -> None:
            super().__init__()
            self.direction = direction

    def on_resize(self, event: Resize) -> None:
        self.post_message(self.Resized(event.size.width, event.size.height))

    def _at_edge(self, direction: int) -> bool:
        enabled = [n for n, option in enumerate(self.options) if not option.disabled]
        return bool(enabled) and self.highlighted == enabled[-1 if direction > 0 else 0]

    def action_cursor_down(self) -> None:
        if self._at_edge(1):
            self.post_message(self.Beyond(1))
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self._at_edge(-1):
            self.post_message(self.Beyond(-1))
        else:
            super().action_cursor_up()

    def rows_of(self, line: AgendaLine) -> int:
        """The rows ``line`` takes in the list as wide as it is now, measured as the list
        itself measures its options."""
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - padding.width
        return visualize(self, line).get_height(cast(RulesMap, self.styles), max(1, width))

    def show(self, page: AgendaPage, selected: date, today: date, now: datetime,
             tz: ZoneInfo, problems: dict[str, str], filtered: bool, keep: str | None,
             to_day: bool) -> None:
        """Redraw from ``page``; ``keep`` (else what was highlighted) stays highlighted, or
        with ``to_day`` the first item from the selected day on (the next one to come when
        that day has none)."""
        previous = keep or self.highlighted_uid()
        options: list[Option] = []
        if page.overdue:
            # Headings start where the items' times do, one in from the frame.
            heading = Text(" Overdue", style=style(Role.ALARM))
            if len(page.overdue) < page.overdue_count:
                heading.append(f" · latest {len(page.overdue)} of {page.overdue_count:,}",
                               style="dim")
            options.append(Option(heading, disabled=True))
            options.extend(entry_option(e, tz, now, problems, with_day=True)
                           for e in page.overdue)
        first_from_selected: str | None = None
        for day, day_entries in page.days:
            # A day of another year than today's says which.
            heading = Text(f" {day:%a %d %b}" if day.year == today.year
                           else f" {day:%a %d %b %Y}", style="bold")
            if day == today:
                heading.append(" · today", style="bold")
            else:
                heading.append(f" · {describe_days((day - today).days)}", style="dim")
            if day == page.last and page.last_count:
                heading.append(f" · {len(day_entries)} of {page.last_count} listed",
                               style="dim")
            options.append(Option(heading, disabled=True))
            for entry in day_entries:
                if first_from_selected is None:
                    first_from_selected = entry.uid
                options.append(entry_option(entry, tz, now, problems))
        if page.empty:
            options.append(Option(Text(
                f"Nothing dated {day_span(selected, page.last, '%d %b', 'from ')}"
                f"{' with this filter (f changes it)' if filtered else ''}.\n"
                "Press a to add a milestone, or ] for the next month.", style="dim"),
                disabled=True))
        self.set_options(options)
        listed = {option.id for option in options if option.id is not None}
        target = previous if previous in listed else first_from_selected
        if to_day and first_from_selected is not None:
            target = first_from_selected
        if target in listed:
            self.highlighted = self.get_option_index(target)

    def highlighted_uid(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None


def day_span(first: date, last: date, shape: str, start: str = "") -> str:
    """The days from ``first`` to ``last`` in ``shape``, each with its year when they fall
    in different years (else "23 Dec to 23 Dec 2027" reads as one day); one day said once."""
    if last == first:
        return f"on {first:{shape}}" if start else f"{first:{shape}}"
    if last.year != first.year:
        return f"{start}{first:{shape} %Y} to {last:{shape} %Y}"
    return f"{start}{first:{shape}} to {last:{shape}}"


class AgendaLine:
    """One item of the agenda: its time and letter, then its text, whose words wrap under
    the text when the pane is narrower than the line, never under the time."""

    def __init__(self, head: Text, body: Text) -> None:
        self.head = head
        self.body = body

    @property
    def width(self) -> int:
        """The cells the whole line takes on one line."""
        return self.head.cell_len + self.body.cell_len

    def __str__(self) -> str:
        return self.head.plain + self.body.plain

    def __rich__(self) -> Table:
        grid = Table.grid()
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(self.head, self.body)
        return grid


# The time (or day, or "all day") and the letter before an item's text take these cells.
HEAD_CELLS = 11


def entry_line(entry: CalendarEntry, tz: ZoneInfo, now: datetime,
               problems: dict[str, str], with_day: bool = False) -> AgendaLine:
    """One dated item: its time (or day, when overdue), kind letter, label and state."""
    letter, colour = mark_of(entry.kind)
    local = entry.start.astimezone(tz)
    if entry.all_day:
        when = "all day"
    elif with_day:
        when = f"{local:%d %b}"
    else:
        when = f"{local:%H:%M}"
    head = Text.assemble(f" {when:<7} ", (letter, f"bold {colour}"), " ")
    return AgendaLine(head, Text.assemble(*_pieces(entry, now, problems)))


def _pieces(entry: CalendarEntry, now: datetime,
            problems: dict[str, str]) -> list[tuple[str, str]]:
    """The text of an item after its letter, piece by piece with each piece's style."""
    pieces = [(visible(entry.label), "strike dim" if entry.done else "")]
    if entry.duration_minutes:
        pieces.append((f" ({describe_minutes(entry.duration_minutes)})", "dim"))
    if entry.done:
        pieces.append(("  ✓ done", style(Role.GOOD)))
    elif is_overdue(entry, now):
        days = -days_until(entry.start, now)
        pieces.append((f"  overdue {days}d" if days > 0 else "  overdue", style(Role.ALARM)))
    if entry.uid in problems:
        pieces.append((visible(f"  ⚠ {problems[entry.uid]}"), style(Role.WARNING)))
    pieces.append((visible(f"  · {entry.deal_name}"), "dim"))
    if entry.milestone_id is None and entry.origin:
        pieces.append((visible(f" · from {entry.origin}"), "dim italic"))
    return pieces


def entry_option(entry: CalendarEntry, tz: ZoneInfo, now: datetime,
                 problems: dict[str, str], with_day: bool = False) -> Option:
    return Option(entry_line(entry, tz, now, problems, with_day), id=entry.uid)


def agenda_width(entries: Iterable[CalendarEntry], now: datetime,
                 problems: dict[str, str]) -> int:
    """The cells the agenda's longest line takes, over every item it may list."""
    return HEAD_CELLS + max((sum(cell_len(text) for text, _ in _pieces(entry, now, problems))
                             for entry in entries), default=0)
