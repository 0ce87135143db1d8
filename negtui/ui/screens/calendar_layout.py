"""How the Calendar shares the window: the width between month and agenda, the lines
given to warnings; and the lines above them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from rich.text import Text

from negtui.domain.calendar import CalendarEntry, CallWarning, agenda_reach, is_overdue
from negtui.domain.words import counted
from negtui.ui.palette import Role, style
from negtui.ui.widgets.shown import markup

# From this many columns the month and the agenda are side by side.
WIDE = 110
# Side by side, the month takes half the width, so its days are wide enough to start their
# titles, and more when the agenda's longest line needs less; the agenda wraps under their
# text the lines longer than its pane.
# The agenda's frame and scrollbar.
AGENDA_CHROME = 4
# The agenda shows the selected day and the days after it, three weeks at least, and up to
# about three months while its pane has room for them.
AGENDA_DAYS = 21
AGENDA_MOST_DAYS = 92

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


def agenda_span(shown: list[CalendarEntry], first: date, room: int, now: datetime,
                tz: ZoneInfo) -> int:
    """The days the agenda lists from ``first``, in a pane of ``room`` lines."""
    return agenda_reach(shown, first, AGENDA_DAYS, AGENDA_MOST_DAYS, room, now, tz)


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
