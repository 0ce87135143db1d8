"""What is coming up across every deal, soonest first, for the rows a tall Portfolio has
under its alerts: one item a line, after how far away it is."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from rich.text import Text

from negtui.domain.calendar import CalendarEntry
from negtui.domain.schedule import coming_up, days_in_zone, describe_days
from negtui.domain.words import counted
from negtui.ui.widgets.deal_facts import Piece
from negtui.ui.widgets.shown import plain

COMING_MOST = 60
"""More than a tall window has rows for; the pane's last line counts the rest."""
WHEN_WIDTH = 18
MORE = "… and "


def coming_up_pieces(entries: Iterable[CalendarEntry], now: datetime,
                     tz: ZoneInfo) -> list[Piece]:
    """Each item still ahead: when, then the deal and what it is."""
    ahead = coming_up(entries, now)
    if not ahead:
        return [Text("Nothing dated ahead in any deal.", "italic")]
    pieces: list[Piece] = []
    for entry in ahead[:COMING_MOST]:
        when = describe_days(days_in_zone(entry.start, now, tz))
        if not entry.all_day:
            when += entry.start.astimezone(tz).strftime(" %H:%M")
        pieces.append((when, plain(f"{entry.deal_name} · {entry.label}"), WHEN_WIDTH))
    if len(ahead) > COMING_MOST:
        pieces.append(Text(f"{MORE}{counted(len(ahead) - COMING_MOST, 'more item')}", "dim"))
    return pieces


def items_left_out(pieces: list[Piece]) -> Text:
    """The pane's last line when it has no room for ``pieces``: the items among them, and
    those past the ones listed, which their closing line counts."""
    items = sum(not isinstance(piece, Text) for piece in pieces)
    last = pieces[-1] if pieces else None
    if isinstance(last, Text) and last.plain.startswith(MORE):
        items += int(last.plain[len(MORE):].split()[0].replace(",", ""))
    return Text(f"… {counted(items, 'more item')}: the Calendar (4) lists them all", "dim")
