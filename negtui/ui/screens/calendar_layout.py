"""How the Calendar shares the window: the width between month and agenda, the lines
given to warnings; and the lines above them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from rich.text import Text

from negtui.domain.calendar import CalendarEntry, CallWarning, is_overdue
from negtui.domain.calendar_agenda import AgendaPage, agenda_page
from negtui.domain.words import counted
from negtui.ui.palette import Role, style
from negtui.ui.widgets.agenda_list import AgendaList, day_span, entry_line
from negtui.ui.widgets.shown import markup

# From this many columns the month and the agenda are side by side.
WIDE = 110
# Side by side, the month takes half the width, so its days are wide enough to start their
# titles, and more when the agenda's longest line needs less; the agenda wraps under their
# text the lines longer than its pane.
# The agenda's frame and scrollbar.
AGENDA_CHROME = 4
# The agenda lists the selected day and the days after it, up to a year, as many whole
# items as its pane holds.
AGENDA_MOST_DAYS = 366

NO_DEALS_TEXT = markup(
    "[b]No deals yet, so nothing is dated.[/b]\n\n"
    "Quit (ctrl+q) and run [b]negtui demo[/b] to explore with sample data,\n"
    "or [b]negtui import json FILE[/b] to bring in your deals."
)


def status_line(deal: str | None, kind: str | None, shown: list[CalendarEntry],
                now: datetime, zone: str) -> Text:
    """What the calendar shows (the deal and kind filtered on, else all), how many of its
    dates are overdue, and the time zone they are drawn in."""
    late = sum(1 for e in shown if is_overdue(e, now))
    status = Text.assemble((deal or "All deals", "bold"), " · ", (kind or "every kind", "bold"),
                           f" · {counted(len(shown), 'date')}")
    if late:
        status.append(" · ")
        status.append(f"{late} overdue", style=style(Role.ALARM))
    status.append(f"  ({zone})", style="dim")
    return status


def agenda_columns(width: int, needs: int) -> int | None:
    """The agenda's columns beside the month, or None when only one of them shows."""
    if width < WIDE:
        return None
    return max(width // 3, min(needs, width - width // 2))


def agenda_fit(shown: list[CalendarEntry], first: date, listing: AgendaList, now: datetime,
               tz: ZoneInfo, problems: dict[str, str]) -> AgendaPage:
    """What the agenda lists from ``first``, each item taking the rows it is drawn in; all of
    it while the agenda is hidden, so the item chosen in it stays chosen."""
    def rows(entry: CalendarEntry, overdue: bool) -> int:
        return listing.rows_of(entry_line(entry, tz, now, problems, with_day=overdue))

    if not listing.size.height:
        return agenda_page(shown, first, AGENDA_MOST_DAYS, len(shown) * 2 + 2, now, tz,
                           lambda entry, overdue: 1)
    return agenda_page(shown, first, AGENDA_MOST_DAYS, listing.size.height, now, tz, rows)


def beyond(entries: list[CalendarEntry], listed: set[str], first: date, direction: int,
           tz: ZoneInfo) -> date | None:
    """The day the agenda starts on to show what comes after what it lists from ``first``
    (``direction`` 1: the day of the first item left out, else the next day with items) or
    before it (-1: the day with items before ``first``); None when there is nothing."""
    days = sorted({e.day(tz) for e in entries})
    if direction < 0:
        return max((day for day in days if day < first), default=None)
    left_out = [e.day(tz) for e in entries if e.day(tz) >= first and e.uid not in listed]
    if left_out and min(left_out) > first:
        return min(left_out)
    return next((day for day in days if day > first), None) if left_out else None


def agenda_title(first: date, last: date) -> Text:
    """The days the agenda covers, said once when it is one."""
    return Text(day_span(first, last, "%a %d %b"), style="bold")


def warning_lines(warnings: list[CallWarning], height: int) -> Text:
    """One warning a line, as many as the window's height gives room for; when some are
    left out each line starts with its place among them ('1 of 3'), so a narrow window
    cuts the details, never the count; the agenda marks every one."""
    listed = warnings[:max(1, (height - 16) // 8)]
    hidden = len(warnings) - len(listed)
    lines = []
    for number, warning in enumerate(listed, 1):
        more = f"{number} of {len(warnings)} · " if hidden else ""
        lines.append(Text.assemble(
            ("⚠ ", style(Role.WARNING)), (more, "bold"), (warning.call.label, "bold"),
            f": {warning.problem}", (f" · {warning.call.deal_name}", "dim"),
        ))
    text = Text("\n").join(lines)
    text.no_wrap, text.overflow = True, "ellipsis"
    return text
